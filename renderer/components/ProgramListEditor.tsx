import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, type Message } from '../../src/api/message';
import { ErrorNote } from './ErrorNote';

const MAX_PROGRAMS = 200;

/** Programs that pause sharing while they run (games, editors): add by name, remove with a click. */
export function ProgramListEditor({
  programs,
  onSave,
  serverError,
  saving,
}: {
  programs: readonly string[];
  onSave: (next: string[]) => Promise<boolean>;
  serverError: Message | null;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<Message | null>(null);

  const add = async () => {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200) {
      setError(msg('ui:power.programs.badName'));
      return;
    }
    if (programs.some((p) => p.toLowerCase() === trimmed.toLowerCase())) {
      setError(msg('ui:power.programs.duplicate', { name: trimmed }));
      return;
    }
    if (programs.length >= MAX_PROGRAMS) {
      setError(msg('ui:power.programs.tooMany', { max: MAX_PROGRAMS }));
      return;
    }
    setError(null);
    if (await onSave([...programs, trimmed])) setName('');
  };

  return (
    <div className="programs">
      {programs.length === 0 ? (
        <p className="muted">{t('ui:power.programs.empty')}</p>
      ) : (
        <ul className="program-list">
          {programs.map((program) => (
            <li key={program}>
              <span className="program-name">{program}</span>
              <button
                type="button"
                className="button button-quiet"
                disabled={saving}
                aria-label={t('ui:power.programs.removeNamed', { name: program })}
                onClick={() => void onSave(programs.filter((p) => p !== program))}
              >
                {t('ui:power.programs.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor="program-name" className="visually-hidden">
          {t('ui:power.programs.addLabel')}
        </label>
        <input
          id="program-name"
          value={name}
          placeholder={t('ui:power.programs.placeholder')}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={saving}>
          {t('ui:power.programs.add')}
        </button>
      </form>
      <ErrorNote error={error ?? serverError} />
    </div>
  );
}
