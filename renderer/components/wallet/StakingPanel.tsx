import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import { useAction, useCall, useEvent } from '../../api/hooks';
import { formatMoment } from '../../lib/format-time';
import { readTokenInput } from '../../lib/money-view';
import { countdown, useNow } from '../../lib/useNow';
import { Amount } from '../Amount';
import { ErrorNote } from '../ErrorNote';
import { PasswordField } from '../PasswordField';
import { Section } from '../Section';
import { StateNote, isNotSetUp } from '../StateNote';
import { TxHash } from '../TxHash';

type Action = 'stake' | 'unstake';

/**
 * Stake: why it helps, what is staked, stake more, ask for some back (with the waiting
 * time counting down), take it back when released, and every cut (slash) so far.
 */
export function StakingPanel() {
  const { t, i18n } = useTranslation();
  const info = useCall('wallet.stakeInfo');
  const now = useNow();
  const [action, setAction] = useState<Action>('stake');
  const [amountText, setAmountText] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<Message | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const stake = useAction('wallet.stake');
  const unstake = useAction('wallet.requestUnstake');
  const withdraw = useAction('wallet.withdrawStake');
  useEvent('wallet', () => info.reload());

  const submit = async () => {
    setDone(null);
    const units = readTokenInput(amountText, 18, i18n.language);
    if (units === null || units === 0n) {
      setLocalError(msg('ui:wallet.withdraw.badAmount'));
      return;
    }
    if (!password) {
      setLocalError(msg('ui:wallet.password.needed'));
      return;
    }
    setLocalError(null);
    const run = action === 'stake' ? stake : unstake;
    const result = await run.attempt({ amount: units.toString(), password });
    if (result.ok) {
      setDone(result.value.txHash);
      setAmountText('');
      setPassword('');
      info.reload();
    }
  };
  const takeBack = async () => {
    if (!password) {
      setLocalError(msg('ui:wallet.password.needed'));
      return;
    }
    setLocalError(null);
    const result = await withdraw.attempt({ password });
    if (result.ok) {
      setDone(result.value.txHash);
      setPassword('');
      info.reload();
    }
  };

  const view = info.data;
  const released = view?.releaseAt != null && view.releaseAt <= now;
  const left = view?.releaseAt != null ? countdown(view.releaseAt, now) : null;
  const pending = stake.pending || unstake.pending || withdraw.pending;
  // A network without staking: the form stays visible (so the owner learns what staking is)
  // but cannot be used, and the note above says why.
  const unavailable = isNotSetUp(info.error);

  return (
    <Section title={t('ui:wallet.stake.title')} intro={t('ui:wallet.stake.intro')}>
      <details className="explain">
        <summary>{t('ui:wallet.stake.whyTitle')}</summary>
        <p>{t('ui:wallet.stake.whyMore')}</p>
        <p>{t('ui:wallet.stake.whyRisk')}</p>
      </details>
      {view ? (
        <dl className="pairs">
          <dt>{t('ui:wallet.stake.current')}</dt>
          <dd>
            <Amount units={view.stake} testId="stake-amount" />
          </dd>
          {view.unbonding !== '0' ? (
            <>
              <dt>{t('ui:wallet.stake.unbonding')}</dt>
              <dd>
                <Amount units={view.unbonding} testId="unbonding-amount" />
                {view.releaseAt != null ? (
                  <p className="hint" data-testid="unbonding-countdown">
                    {released
                      ? t('ui:wallet.stake.released')
                      : t('ui:wallet.stake.countdown', {
                          ...left,
                          time: formatMoment(view.releaseAt, i18n.language),
                        })}
                  </p>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <StateNote error={info.error} />
      )}
      <fieldset className="plain-fieldset" disabled={unavailable}>
        <div className="segmented" role="radiogroup" aria-label={t('ui:wallet.stake.title')}>
          {(['stake', 'unstake'] as const).map((a) => (
            <button
              key={a}
              type="button"
              role="radio"
              aria-checked={action === a}
              className={`segment ${action === a ? 'is-on' : ''}`}
              onClick={() => setAction(a)}
            >
              {t(`ui:wallet.stake.${a}`)}
            </button>
          ))}
        </div>
        <div className="field">
          <label htmlFor="stake-amount">{t('ui:wallet.stake.amount')}</label>
          <div className="input-with-unit">
            <input
              id="stake-amount"
              inputMode="decimal"
              value={amountText}
              onChange={(e) => setAmountText(e.target.value)}
            />
            <span className="unit">LMB</span>
          </div>
          {action === 'unstake' ? <p className="hint">{t('ui:wallet.stake.unstakeHint')}</p> : null}
        </div>
        <PasswordField
          label={t('ui:wallet.password.each')}
          value={password}
          onChange={setPassword}
        />
        <ErrorNote error={localError ?? stake.error ?? unstake.error ?? withdraw.error} />
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={pending}
            onClick={() => void submit()}
          >
            {t(`ui:wallet.stake.${action}Submit`)}
          </button>
          {released && view && view.unbonding !== '0' ? (
            <button
              type="button"
              className="button"
              disabled={pending}
              onClick={() => void takeBack()}
            >
              {t('ui:wallet.stake.withdraw')}
            </button>
          ) : null}
        </div>
      </fieldset>
      {done ? (
        <p className="note note-ok tx-sent" role="status">
          {t('ui:wallet.stake.sent')} <TxHash hash={done} testId="stake-tx" />
        </p>
      ) : null}
      <h3 className="subheading">{t('ui:wallet.stake.slashesTitle')}</h3>
      {view && view.slashes.length > 0 ? (
        <ul className="slashes">
          {view.slashes.map((s) => (
            <li key={s.txHash}>
              <Amount units={s.amount} /> {s.at != null ? formatMoment(s.at, i18n.language) : ''}{' '}
              <TxHash hash={s.txHash} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('ui:wallet.stake.noSlashes')}</p>
      )}
    </Section>
  );
}
