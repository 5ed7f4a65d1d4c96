import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import type { WalletSummary } from '../../../src/api/wallet-schemas';
import { useAction } from '../../api/hooks';
import { parseInRange } from '../../lib/parse-number';
import { ErrorNote, SavedNote } from '../ErrorNote';
import { PasswordField } from '../PasswordField';
import { Section } from '../Section';
import { BackupPhrase } from './BackupPhrase';

function UnlockForm({ summary, onChange }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(summary.remembered);
  const unlock = useAction('wallet.unlock');
  // Only the desktop app has a secret store; a browser session never offers to remember.
  const offerRemember = summary.remembered || window.lumbung !== undefined;
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void unlock.attempt({ password, ...(offerRemember ? { remember } : {}) }).then((r) => {
          if (r.ok) {
            setPassword('');
            onChange(r.value);
          }
        });
      }}
    >
      <PasswordField
        label={t('ui:wallet.password.label')}
        value={password}
        onChange={setPassword}
      />
      {offerRemember ? (
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />
          {t('ui:wallet.unlock.remember')}
        </label>
      ) : null}
      <ErrorNote error={unlock.error} />
      <button type="submit" className="button button-primary" disabled={unlock.pending}>
        {t('ui:wallet.unlock.submit')}
      </button>
    </form>
  );
}

function AutoLock({ summary, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(summary.autoLockMinutes));
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const set = useAction('wallet.setAutoLock');
  const save = async () => {
    const minutes = parseInRange(text, 0, 1440, { integer: true });
    setSaved(false);
    if (minutes === null) {
      setError(msg('ui:common.badWholeNumber', { min: 0, max: 1440 }));
      return;
    }
    setError(null);
    const result = await set.attempt({ minutes });
    if (result.ok) {
      setSaved(true);
      onChange(result.value);
    }
  };
  return (
    <div className="field">
      <label htmlFor="auto-lock">{t('ui:wallet.autoLock.label')}</label>
      <div className="input-row">
        <div className="input-with-unit">
          <input
            id="auto-lock"
            inputMode="numeric"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <span className="unit">{t('ui:common.minutes')}</span>
        </div>
        <button type="button" className="button" onClick={() => void save()}>
          {t('ui:common.save')}
        </button>
        <SavedNote show={saved} text={t('ui:common.saved')} />
      </div>
      <p className="hint">{t('ui:wallet.autoLock.hint')}</p>
      <ErrorNote error={error ?? set.error} />
    </div>
  );
}

/** A wallet whose words were never confirmed: show them again (password) and check them. */
function FinishBackup({ onChange }: Pick<Props, 'onChange'>) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [phrase, setPhrase] = useState<string | null>(null);
  const reveal = useAction('wallet.revealPhrase');
  if (phrase) return <BackupPhrase phrase={phrase} onDone={onChange} />;
  return (
    <div className="note note-warn backup-reminder">
      <p>{t('ui:wallet.backup.reminder')}</p>
      <PasswordField
        label={t('ui:wallet.password.label')}
        value={password}
        onChange={setPassword}
      />
      <ErrorNote error={reveal.error} />
      <button
        type="button"
        className="button"
        disabled={reveal.pending}
        onClick={() =>
          void reveal.attempt({ password }).then((r) => {
            if (r.ok) setPhrase(r.value.phrase);
          })
        }
      >
        {t('ui:wallet.backup.showWords')}
      </button>
    </div>
  );
}

interface Props {
  summary: WalletSummary;
  onChange: (summary: WalletSummary) => void;
}

/** What state the wallet is in, in plain words, and the one thing to do about it. */
export function WalletStateCard({ summary, onChange }: Props) {
  const { t } = useTranslation();
  const lock = useAction('wallet.lock');
  return (
    <Section title={t('ui:wallet.state.title')}>
      <p className={`wallet-state wallet-state-${summary.state}`} data-testid="wallet-state">
        {t(`ui:wallet.state.${summary.state}`)}
      </p>
      {summary.state === 'locked' ? <UnlockForm summary={summary} onChange={onChange} /> : null}
      {summary.state === 'unlocked' ? (
        <div className="actions wallet-lock">
          <button
            type="button"
            className="button"
            disabled={lock.pending}
            onClick={() =>
              void lock.run().then((s) => {
                if (s) onChange(s);
              })
            }
          >
            {t('ui:wallet.lockNow')}
          </button>
        </div>
      ) : null}
      <ErrorNote error={lock.error} />
      {summary.state !== 'watchOnly' && summary.state !== 'none' && !summary.backedUp ? (
        <FinishBackup onChange={onChange} />
      ) : null}
      {summary.state === 'locked' || summary.state === 'unlocked' ? (
        <AutoLock summary={summary} onChange={onChange} />
      ) : null}
    </Section>
  );
}
