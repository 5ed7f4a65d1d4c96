import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../../src/api/message';
import type { WalletSummary } from '../../../src/api/wallet-schemas';
import { useAction } from '../../api/hooks';
import { ErrorNote } from '../ErrorNote';

/**
 * The recovery words, shown once, then a check of three of them. The phrase lives only in
 * this component's state and is dropped once the check passes.
 */
export function BackupPhrase({
  phrase,
  onDone,
}: {
  phrase: string;
  onDone: (summary: WalletSummary) => void;
}) {
  const { t } = useTranslation();
  const [stage, setStage] = useState<'show' | 'check'>('show');
  const [wrote, setWrote] = useState(false);
  const [positions, setPositions] = useState<number[]>([]);
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [error, setError] = useState<Message | null>(null);
  const challenge = useAction('wallet.backupChallenge');
  const confirm = useAction('wallet.confirmBackup');
  const words = phrase.trim().split(/\s+/);

  const startCheck = async () => {
    const result = await challenge.attempt();
    if (!result.ok) return;
    setPositions(result.value.positions);
    setAnswers({});
    setStage('check');
  };
  const submit = async () => {
    if (positions.some((p) => !(answers[p] ?? '').trim())) {
      setError(msg('ui:wallet.backup.fillAll'));
      return;
    }
    setError(null);
    const result = await confirm.attempt({
      words: positions.map((position) => ({
        position,
        word: (answers[position] ?? '').trim().toLowerCase(),
      })),
    });
    if (result.ok) onDone(result.value);
  };

  if (stage === 'show') {
    return (
      <div className="backup">
        <h3 className="subheading">{t('ui:wallet.backup.title', { n: words.length })}</h3>
        <p className="lead">{t('ui:wallet.backup.paper', { n: words.length })}</p>
        <ol className="phrase" aria-label={t('ui:wallet.backup.wordsLabel')}>
          {words.map((word, i) => (
            <li key={i}>
              <span className="phrase-n">{i + 1}</span>
              <span className="phrase-word">{word}</span>
            </li>
          ))}
        </ol>
        <p className="note note-warn">{t('ui:wallet.backup.never')}</p>
        <label className="checkbox-line">
          <input type="checkbox" checked={wrote} onChange={(e) => setWrote(e.target.checked)} />
          {t('ui:wallet.backup.wrote', { n: words.length })}
        </label>
        <ErrorNote error={challenge.error} />
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!wrote || challenge.pending}
            onClick={() => void startCheck()}
          >
            {t('ui:wallet.backup.next')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="backup">
      <h3 className="subheading">{t('ui:wallet.backup.checkTitle')}</h3>
      <p className="lead">{t('ui:wallet.backup.checkIntro')}</p>
      <div className="backup-inputs">
        {positions.map((position) => (
          <div className="field" key={position}>
            <label htmlFor={`backup-word-${position}`}>
              {t('ui:wallet.backup.wordN', { n: position })}
            </label>
            <input
              id={`backup-word-${position}`}
              autoComplete="off"
              spellCheck={false}
              value={answers[position] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [position]: e.target.value })}
            />
          </div>
        ))}
      </div>
      <ErrorNote error={error ?? confirm.error} />
      <div className="actions">
        <button type="button" className="button button-quiet" onClick={() => setStage('show')}>
          {t('ui:wallet.backup.showAgain')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={confirm.pending}
          onClick={() => void submit()}
        >
          {t('ui:wallet.backup.confirm')}
        </button>
      </div>
    </div>
  );
}
