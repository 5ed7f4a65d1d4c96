import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../src/api/message';
import type { PolicySettings } from '../../src/api/policy-schemas';
import { useCall, useSettings } from '../api/hooks';
import { ErrorNote, SavedNote } from '../components/ErrorNote';
import { PowerCapEditor } from '../components/PowerCapEditor';
import { ProgramListEditor } from '../components/ProgramListEditor';
import { Section } from '../components/Section';
import { Switch } from '../components/Switch';
import { splitIssues } from '../lib/field-issues';
import { parseInRange } from '../lib/parse-number';

/** One whole number with its own Save, its own error and its own confirmation. */
function NumberSetting({
  id,
  label,
  unit,
  value,
  min,
  max,
  hint,
  onSave,
}: {
  id: string;
  label: string;
  unit: string;
  value: number;
  min: number;
  max: number;
  hint?: string;
  onSave: (value: number) => Promise<Message | null>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    const parsed = parseInRange(text, min, max, { integer: true });
    setSaved(false);
    if (parsed === null) {
      setError(msg('ui:common.badWholeNumber', { min, max }));
      return;
    }
    const failure = await onSave(parsed);
    setError(failure);
    setSaved(failure === null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <div className="input-with-unit">
          <input
            id={id}
            inputMode="numeric"
            value={text}
            aria-invalid={error !== null}
            onChange={(e) => {
              setText(e.target.value);
              setSaved(false);
            }}
          />
          <span className="unit">{unit}</span>
        </div>
        <button type="button" className="button" onClick={() => void save()}>
          {t('ui:common.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorNote error={error} />
    </div>
  );
}

function BatterySetting({ allowed }: { allowed: boolean }) {
  const { t } = useTranslation();
  const { save, saving, error } = useSettings();
  return (
    <>
      <Switch
        checked={allowed}
        disabled={saving}
        label={t('ui:power.battery.label')}
        onText={t('ui:power.battery.on')}
        offText={t('ui:power.battery.off')}
        onChange={(allowOnBattery) => void save({ policy: { allowOnBattery } })}
      />
      <ErrorNote error={error} />
    </>
  );
}

export function PowerHeat() {
  const { t } = useTranslation();
  const { settings, trySaveDetailed, saving } = useSettings();
  const [capError, setCapError] = useState<Message | null>(null);
  const [programsError, setProgramsError] = useState<Message | null>(null);
  const report = useCall('gpu.report');
  if (!settings) return <p className="muted">{t('ui:common.loading')}</p>;
  const policy = settings.policy;
  const card = report.data?.gpus.find((g) => !g.isIntegrated) ?? null;
  // Each control saves its own policy fields, so the core's word on them belongs next to it.
  const savePolicy = async (patch: Partial<PolicySettings>): Promise<Message | null> => {
    const failure = await trySaveDetailed({ policy: patch });
    if (!failure) return null;
    const split = splitIssues(failure.issues, 'policy', Object.keys(patch));
    return Object.values(split.fields)[0] ?? split.rest[0] ?? failure.message;
  };

  return (
    <div className="screen power">
      <h1 className="screen-title">{t('ui:nav.power')}</h1>
      <Section title={t('ui:power.cap.title')} intro={t('ui:power.cap.intro')}>
        <PowerCapEditor
          setting={policy.powerCap}
          card={card?.power ?? null}
          saving={saving}
          serverError={capError}
          onSave={async (powerCap) => {
            const failure = await savePolicy({ powerCap });
            setCapError(failure);
            return failure === null;
          }}
        />
      </Section>
      <div className="columns">
        <Section title={t('ui:power.heat.title')} intro={t('ui:power.heat.intro')}>
          <NumberSetting
            id="temp-cap"
            label={t('ui:power.heat.label')}
            unit="°C"
            value={policy.tempCapC}
            min={40}
            max={110}
            hint={t('ui:power.heat.hint', { resume: policy.tempCapC - policy.tempResumeDeltaC })}
            onSave={(tempCapC) => savePolicy({ tempCapC })}
          />
        </Section>
        <Section title={t('ui:power.battery.title')} intro={t('ui:power.battery.intro')}>
          <BatterySetting allowed={policy.allowOnBattery} />
        </Section>
      </div>
      <Section title={t('ui:power.away.title')} intro={t('ui:power.away.intro')}>
        <div className="columns">
          <NumberSetting
            id="idle-minutes"
            label={t('ui:power.away.idleLabel')}
            unit={t('ui:common.minutes')}
            value={policy.idleMinutes}
            min={0}
            max={1440}
            hint={t('ui:power.away.idleHint')}
            onSave={(idleMinutes) => savePolicy({ idleMinutes })}
          />
          <NumberSetting
            id="quiet-minutes"
            label={t('ui:power.away.quietLabel')}
            unit={t('ui:common.minutes')}
            value={policy.resumeQuietMinutes}
            min={0}
            max={1440}
            hint={t('ui:power.away.quietHint')}
            onSave={(resumeQuietMinutes) => savePolicy({ resumeQuietMinutes })}
          />
        </div>
      </Section>
      <Section title={t('ui:power.programs.title')} intro={t('ui:power.programs.intro')}>
        <ProgramListEditor
          programs={policy.blockingPrograms}
          saving={saving}
          serverError={programsError}
          onSave={async (blockingPrograms) => {
            const failure = await savePolicy({ blockingPrograms });
            setProgramsError(failure);
            return failure === null;
          }}
        />
      </Section>
    </div>
  );
}
