import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import { DEFAULT_DERIVATION_PATH, type WalletSummary } from '../../../src/api/wallet-schemas';
import { useAction } from '../../api/hooks';
import { ErrorNote } from '../ErrorNote';
import { BackupPhrase } from './BackupPhrase';
import { NewPassword, checkNewPassword, type NewPasswordValue } from './NewPassword';

type Way = 'create' | 'phrase' | 'key' | 'watch';
const WAYS: readonly Way[] = ['create', 'phrase', 'key', 'watch'];

/** Errors about what was typed belong under that field; the rest under the form. */
function fieldOf(error: Message | null, prefix: string): Message | null {
  return error && error.key.startsWith(prefix) ? error : null;
}
function otherThan(error: Message | null, prefixes: string[]): Message | null {
  return error && !prefixes.some((p) => error.key.startsWith(p)) ? error : null;
}

function CreateForm({ onDone }: { onDone: (s: WalletSummary) => void }) {
  const { t } = useTranslation();
  const [pw, setPw] = useState<NewPasswordValue>({ password: '', repeat: '' });
  const [tried, setTried] = useState(false);
  const [phrase, setPhrase] = useState<string | null>(null);
  const create = useAction('wallet.create');
  if (phrase) return <BackupPhrase phrase={phrase} onDone={onDone} />;
  const submit = async () => {
    setTried(true);
    if (checkNewPassword(pw)) return;
    const result = await create.attempt({ password: pw.password });
    if (result.ok) setPhrase(result.value.phrase);
  };
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="lead">{t('ui:wallet.create.intro')}</p>
      <NewPassword value={pw} onChange={setPw} tried={tried} />
      <ErrorNote error={create.error} />
      <button type="submit" className="button button-primary" disabled={create.pending}>
        {t('ui:wallet.create.submit')}
      </button>
    </form>
  );
}

function PhraseForm({ onDone }: { onDone: (s: WalletSummary) => void }) {
  const { t } = useTranslation();
  const [phrase, setPhrase] = useState('');
  const [path, setPath] = useState(DEFAULT_DERIVATION_PATH);
  const [pw, setPw] = useState<NewPasswordValue>({ password: '', repeat: '' });
  const [tried, setTried] = useState(false);
  const importIt = useAction('wallet.importMnemonic');
  const submit = async () => {
    setTried(true);
    if (checkNewPassword(pw)) return;
    const result = await importIt.attempt({
      phrase: phrase.trim().toLowerCase().split(/\s+/).join(' '),
      path: path.trim() || DEFAULT_DERIVATION_PATH,
      password: pw.password,
    });
    if (result.ok) onDone(result.value);
  };
  const phraseError = fieldOf(importIt.error, 'wallet:mnemonic.') ?? null;
  const pathError = phraseError?.key === 'wallet:mnemonic.badPath' ? phraseError : null;
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="lead">{t('ui:wallet.phrase.intro')}</p>
      <div className="field">
        <label htmlFor="import-phrase">{t('ui:wallet.phrase.label')}</label>
        <textarea
          id="import-phrase"
          rows={3}
          spellCheck={false}
          autoComplete="off"
          value={phrase}
          aria-invalid={phraseError !== null && pathError === null}
          onChange={(e) => setPhrase(e.target.value)}
        />
        <p className="hint">{t('ui:wallet.phrase.hint')}</p>
        <ErrorNote error={pathError ? null : phraseError} />
      </div>
      <details className="advanced" open={pathError !== null}>
        <summary>{t('ui:common.advanced')}</summary>
        <div className="field">
          <label htmlFor="import-path">{t('ui:wallet.phrase.path')}</label>
          <input
            id="import-path"
            value={path}
            spellCheck={false}
            aria-invalid={pathError !== null}
            onChange={(e) => setPath(e.target.value)}
          />
          <p className="hint">
            {t('ui:wallet.phrase.pathHint', { path: DEFAULT_DERIVATION_PATH })}
          </p>
          <ErrorNote error={pathError} />
        </div>
      </details>
      <NewPassword value={pw} onChange={setPw} tried={tried} />
      <ErrorNote error={otherThan(importIt.error, ['wallet:mnemonic.'])} />
      <button type="submit" className="button button-primary" disabled={importIt.pending}>
        {t('ui:wallet.phrase.submit')}
      </button>
    </form>
  );
}

function KeyForm({ onDone }: { onDone: (s: WalletSummary) => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [pw, setPw] = useState<NewPasswordValue>({ password: '', repeat: '' });
  const [tried, setTried] = useState(false);
  const importIt = useAction('wallet.importPrivateKey');
  const submit = async () => {
    setTried(true);
    if (checkNewPassword(pw)) return;
    const result = await importIt.attempt({ key: key.trim(), password: pw.password });
    if (result.ok) onDone(result.value);
  };
  const keyError = fieldOf(importIt.error, 'wallet:key.');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="lead">{t('ui:wallet.key.intro')}</p>
      <div className="field">
        <label htmlFor="import-key">{t('ui:wallet.key.label')}</label>
        <input
          id="import-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          aria-invalid={keyError !== null}
          onChange={(e) => setKey(e.target.value)}
        />
        <ErrorNote error={keyError} />
      </div>
      <NewPassword value={pw} onChange={setPw} tried={tried} />
      <ErrorNote error={otherThan(importIt.error, ['wallet:key.'])} />
      <button type="submit" className="button button-primary" disabled={importIt.pending}>
        {t('ui:wallet.key.submit')}
      </button>
    </form>
  );
}

function WatchForm({ onDone }: { onDone: (s: WalletSummary) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const watch = useAction('wallet.watchOnly');
  const submit = async () => {
    if (!address.trim()) {
      setError(msg('wallet:address.malformed'));
      return;
    }
    setError(null);
    const result = await watch.attempt({ address: address.trim() });
    if (result.ok) onDone(result.value);
  };
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="lead">{t('ui:wallet.watch.intro')}</p>
      <div className="field">
        <label htmlFor="watch-address">{t('ui:wallet.watch.label')}</label>
        <input
          id="watch-address"
          spellCheck={false}
          autoComplete="off"
          placeholder="0x…"
          value={address}
          aria-invalid={(error ?? watch.error) !== null}
          onChange={(e) => setAddress(e.target.value)}
        />
        <ErrorNote error={error ?? watch.error} />
      </div>
      <button type="submit" className="button button-primary" disabled={watch.pending}>
        {t('ui:wallet.watch.submit')}
      </button>
    </form>
  );
}

/**
 * Getting a wallet: make a new one (with the paper backup), bring one in by its words or
 * key, or only watch an address. Used by onboarding and by the Wallet screen alike.
 */
export function WalletSetup({ onDone }: { onDone: (summary: WalletSummary) => void }) {
  const { t } = useTranslation();
  const [way, setWay] = useState<Way>('create');
  return (
    <div className="wallet-setup">
      <div className="segmented setup-tabs" role="tablist" aria-label={t('ui:wallet.setup.label')}>
        {WAYS.map((w) => (
          <button
            key={w}
            type="button"
            role="tab"
            aria-selected={way === w}
            className={`segment ${way === w ? 'is-on' : ''}`}
            onClick={() => setWay(w)}
          >
            {t(`ui:wallet.setup.${w}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {way === 'create' ? (
          <CreateForm onDone={onDone} />
        ) : way === 'phrase' ? (
          <PhraseForm onDone={onDone} />
        ) : way === 'key' ? (
          <KeyForm onDone={onDone} />
        ) : (
          <WatchForm onDone={onDone} />
        )}
      </div>
    </div>
  );
}
