import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../src/api/message';
import type { SchedulePreset } from '../../src/api/policy-schemas';
import type { WalletSummary } from '../../src/api/wallet-schemas';
import { useAction, useCall, useEvent, useSettings } from '../api/hooks';
import { EngineView } from '../components/EngineView';
import { ErrorNote } from '../components/ErrorNote';
import { GpuReportView } from '../components/GpuReportView';
import { LanguageToggle } from '../components/LanguageToggle';
import { PowerCapEditor } from '../components/PowerCapEditor';
import { PresetPicker } from '../components/PresetPicker';
import { WalletSetup } from '../components/wallet/WalletSetup';

const STEPS = ['welcome', 'hardware', 'wallet', 'plan', 'power', 'done'] as const;
type Step = (typeof STEPS)[number];

function HardwareStep() {
  const { t } = useTranslation();
  const report = useCall('gpu.report');
  const engine = useCall('engine.status');
  const refreshGpu = useAction('gpu.refresh');
  const refreshEngine = useAction('engine.refresh');
  const again = async () => {
    const [g, e] = await Promise.all([refreshGpu.run(), refreshEngine.run()]);
    if (g) report.setData(g);
    if (e) engine.setData(e);
  };
  const busy = refreshGpu.pending || refreshEngine.pending;
  return (
    <>
      <h2>{t('ui:onboarding.hardware.title')}</h2>
      <p className="lead">{t('ui:onboarding.hardware.intro')}</p>
      <h3 className="subheading">{t('ui:hardware.gpuTitle')}</h3>
      {report.data ? (
        <GpuReportView report={report.data} showDetails={false} />
      ) : (
        <p className="muted">{t('ui:hardware.checking')}</p>
      )}
      <ErrorNote error={report.error ?? refreshGpu.error} />
      <h3 className="subheading">{t('ui:engine.title')}</h3>
      {engine.data ? (
        <EngineView
          engine={engine.data}
          hasNvidiaGpu={report.data?.gpus.some((g) => g.vendor === 'nvidia') ?? true}
        />
      ) : (
        <p className="muted">{t('ui:hardware.checking')}</p>
      )}
      <ErrorNote error={engine.error ?? refreshEngine.error} />
      <p className="hint">{t('ui:onboarding.hardware.canContinue')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void again()}>
        {busy ? t('ui:hardware.checking') : t('ui:onboarding.hardware.again')}
      </button>
    </>
  );
}

/** The real wallet: create (with the paper backup) or bring one in; can be skipped for now. */
function WalletStep() {
  const { t } = useTranslation();
  const summary = useCall('wallet.summary');
  useEvent('wallet', (s) => summary.setData(s));
  const s = summary.data;
  // Stay in the setup flow until it finishes: the wallet exists (and events say so) before
  // its words are confirmed, and leaving then would lose the only showing of the words.
  const [inSetup, setInSetup] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  if (s?.state === 'none' && !inSetup) setInSetup(true);
  const done = (next: WalletSummary) => {
    if (s?.address && !s.backedUp && next.backedUp) setConfirmed(true);
    summary.setData(next);
    setInSetup(false);
  };
  const unconfirmed = s !== null && s !== undefined && s.state !== 'watchOnly' && !s.backedUp;
  return (
    <>
      <h2>{t('ui:onboarding.wallet.title')}</h2>
      <p className="lead">{t('ui:onboarding.wallet.intro')}</p>
      {!s ? (
        <ErrorNote error={summary.error} />
      ) : inSetup ? (
        <WalletSetup onDone={done} />
      ) : (
        <div
          className={`note ${unconfirmed ? 'note-warn' : 'note-ok'}`}
          role="status"
          data-testid="wallet-ready"
        >
          <span className="note-icon" aria-hidden="true">
            {unconfirmed ? '!' : '✓'}
          </span>
          <span>
            {t(
              s.state === 'watchOnly'
                ? 'ui:onboarding.wallet.watching'
                : 'ui:onboarding.wallet.ready',
            )}{' '}
            <code className="address">{s.address}</code>
            {s.state === 'watchOnly' ? null : '.'}
            {unconfirmed ? (
              <strong className="block-line"> {t('ui:onboarding.wallet.notBackedUp')}</strong>
            ) : confirmed ? (
              <span className="block-line" data-testid="backup-confirmed">
                {' '}
                {t('ui:wallet.backup.confirmed')}
              </span>
            ) : null}
          </span>
        </div>
      )}
      {!s || s.state === 'none' ? <p className="hint">{t('ui:onboarding.wallet.later')}</p> : null}
    </>
  );
}

function PlanStep() {
  const { t } = useTranslation();
  const { settings, save, saving, error } = useSettings();
  if (!settings) return null;
  const schedule = settings.policy.schedule;
  const pick = (preset: SchedulePreset) =>
    void save({ policy: { schedule: { preset, spans: schedule.spans } } });
  return (
    <>
      <h2>{t('ui:onboarding.plan.title')}</h2>
      <p className="lead">{t('ui:onboarding.plan.intro')}</p>
      <PresetPicker value={schedule.preset} onPick={pick} disabled={saving} />
      <ErrorNote error={error} />
      <p className="hint">{t('ui:onboarding.plan.later')}</p>
    </>
  );
}

function PowerStep() {
  const { t } = useTranslation();
  const { settings, trySave, saving } = useSettings();
  const report = useCall('gpu.report');
  const [error, setError] = useState<Message | null>(null);
  if (!settings) return null;
  const card = report.data?.gpus.find((g) => !g.isIntegrated) ?? null;
  return (
    <>
      <h2>{t('ui:onboarding.power.title')}</h2>
      <p className="lead">{t('ui:onboarding.power.intro')}</p>
      <PowerCapEditor
        setting={settings.policy.powerCap}
        card={card?.power ?? null}
        saving={saving}
        serverError={error}
        onSave={async (powerCap) => {
          const failure = await trySave({ policy: { powerCap } });
          setError(failure);
          return failure === null;
        }}
      />
      <p className="hint">{t('ui:onboarding.power.later')}</p>
    </>
  );
}

/**
 * First run: welcome → hardware check → wallet → plan → power cap → done. Nothing here
 * blocks: every step can be fixed later, so the owner always reaches the Dashboard.
 */
export function Onboarding() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('welcome');
  const { save, saving, error } = useSettings();
  const index = STEPS.indexOf(step);
  const go = (delta: number) =>
    setStep(STEPS[Math.min(STEPS.length - 1, Math.max(0, index + delta))]!);

  return (
    <div className="onboarding">
      <p className="steps-progress" aria-live="polite">
        {t('ui:onboarding.progress', { step: index + 1, total: STEPS.length })}
      </p>
      <ol className="steps" aria-hidden="true">
        {STEPS.map((s, i) => (
          <li key={s} className={i < index ? 'is-done' : i === index ? 'is-current' : ''} />
        ))}
      </ol>
      <div className="card onboarding-card" data-step={step}>
        {step === 'welcome' ? (
          <>
            <h1>{t('ui:onboarding.welcome.title')}</h1>
            <p className="lead">{t('ui:onboarding.welcome.intro')}</p>
            <ul className="promises">
              <li>{t('ui:onboarding.welcome.promiseGames')}</li>
              <li>{t('ui:onboarding.welcome.promiseSafe')}</li>
              <li>{t('ui:onboarding.welcome.promisePaid')}</li>
            </ul>
            <h2 className="subheading">{t('ui:language.title')}</h2>
            <LanguageToggle variant="large" />
          </>
        ) : step === 'hardware' ? (
          <HardwareStep />
        ) : step === 'wallet' ? (
          <WalletStep />
        ) : step === 'plan' ? (
          <PlanStep />
        ) : step === 'power' ? (
          <PowerStep />
        ) : (
          <>
            <h2>{t('ui:onboarding.done.title')}</h2>
            <p className="lead">{t('ui:onboarding.done.intro')}</p>
            <ErrorNote error={error} />
          </>
        )}
        <div className="actions onboarding-actions">
          {index > 0 ? (
            <button type="button" className="button button-quiet" onClick={() => go(-1)}>
              {t('ui:common.back')}
            </button>
          ) : null}
          {step === 'done' ? (
            <button
              type="button"
              className="button button-primary button-big"
              disabled={saving}
              onClick={() => void save({ onboarded: true })}
            >
              {t('ui:onboarding.done.finish')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary button-big"
              onClick={() => go(1)}
            >
              {step === 'welcome' ? t('ui:onboarding.welcome.start') : t('ui:common.continue')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
