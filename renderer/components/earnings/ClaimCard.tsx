import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import type { ClaimResultView } from '../../../src/api/settlement-schemas';
import { useAction, useCall, useEvent, useSettings } from '../../api/hooks';
import { formatMoment } from '../../lib/format-time';
import { readTokenInput, showTokenAmount } from '../../lib/money-view';
import { Amount } from '../Amount';
import { ErrorNote, SavedNote } from '../ErrorNote';
import { Section } from '../Section';
import { StateNote } from '../StateNote';
import { TxHash } from '../TxHash';

function AutoClaim({ current }: { current: string | null }) {
  const { t, i18n } = useTranslation();
  const { trySave, saving } = useSettings();
  const [text, setText] = useState(current === null ? '' : showTokenAmount(current));
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    let value: string | null = null;
    if (text.trim() !== '') {
      const units = readTokenInput(text, 18, i18n.language);
      if (units === null || units === 0n) {
        setError(msg('ui:earnings.claim.badThreshold'));
        return;
      }
      value = units.toString();
    }
    const failure = await trySave({ autoClaimAbove: value });
    setError(failure);
    setSaved(failure === null);
  };
  return (
    <div className="field auto-claim">
      <label htmlFor="auto-claim">{t('ui:earnings.claim.autoLabel')}</label>
      <div className="input-row">
        <div className="input-with-unit">
          <input
            id="auto-claim"
            inputMode="decimal"
            value={text}
            placeholder={t('ui:earnings.claim.autoOff')}
            onChange={(e) => setText(e.target.value)}
          />
          <span className="unit">LMB</span>
        </div>
        <button type="button" className="button" disabled={saving} onClick={() => void save()}>
          {t('ui:common.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
      <p className="hint">{t('ui:earnings.claim.autoHint')}</p>
      <ErrorNote error={error} />
    </div>
  );
}

/** What is waiting, what can be collected now, and the button that collects it. */
export function ClaimCard() {
  const { t, i18n } = useTranslation();
  const status = useCall('earnings.claimStatus');
  const claim = useAction('earnings.claim');
  const [result, setResult] = useState<ClaimResultView | null>(null);
  useEvent('claim', (s) => status.setData(s));
  useEvent('earnings', () => status.reload());
  const s = status.data;
  const run = async () => {
    setResult(null);
    const r = await claim.attempt();
    if (r.ok) {
      setResult(r.value);
      status.reload();
    }
  };
  return (
    <Section title={t('ui:earnings.claim.title')} intro={t('ui:earnings.claim.intro')}>
      {s ? (
        <>
          <dl className="pairs">
            <dt>{t('ui:earnings.claim.pending')}</dt>
            <dd>
              <Amount units={s.pending} testId="claim-pending" />
              <p className="hint">{t('ui:earnings.claim.pendingHint')}</p>
            </dd>
            <dt>{t('ui:earnings.claim.claimable')}</dt>
            <dd>
              <Amount units={s.claimable} testId="claim-claimable" />
            </dd>
            {s.lastClaim ? (
              <>
                <dt>{t('ui:earnings.claim.last')}</dt>
                <dd>
                  <Amount units={s.lastClaim.amount} />{' '}
                  <span className="muted">{formatMoment(s.lastClaim.at, i18n.language)}</span>
                </dd>
              </>
            ) : null}
          </dl>
          {s.inFlight ? (
            <p className="note note-info" role="status">
              {t('ui:earnings.claim.inFlight')} <TxHash hash={s.inFlight.txHash} />
            </p>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            disabled={claim.pending || s.claimable === '0' || s.inFlight !== null}
            onClick={() => void run()}
          >
            {claim.pending ? t('ui:earnings.claim.claiming') : t('ui:earnings.claim.button')}
          </button>
        </>
      ) : (
        <StateNote error={status.error} />
      )}
      <ErrorNote error={claim.error} />
      {result ? (
        <div className="note note-ok claim-result" role="status" data-testid="claim-result">
          <p>
            {t('ui:earnings.claim.done')} <Amount units={result.amount} testId="claimed-amount" />
          </p>
          <p className="tx-hash">
            <TxHash hash={result.txHash} testId="claim-tx" />
          </p>
        </div>
      ) : null}
      {s ? <AutoClaim current={s.autoClaimAbove} /> : null}
    </Section>
  );
}
