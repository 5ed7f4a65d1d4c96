import { useTranslation } from 'react-i18next';
import { LanguageSchema, type Language } from '../../src/api/settings-schemas';
import { useSettings } from '../api/hooks';
import { ErrorNote } from './ErrorNote';

const NAMES: Record<Language, string> = { en: 'English', id: 'Bahasa Indonesia' };

/**
 * Switches the language at once and remembers it in the settings, so the tray, the CLI
 * and the next start speak it too.
 */
export function LanguageToggle({ variant = 'compact' }: { variant?: 'compact' | 'large' }) {
  const { t, i18n } = useTranslation();
  const { settings, save, error } = useSettings();
  const current = settings?.language ?? (i18n.language as Language);

  const choose = async (language: Language) => {
    await i18n.changeLanguage(language);
    if (settings && settings.language !== language) await save({ language });
  };

  return (
    <div className={`lang lang-${variant}`}>
      <div className="lang-buttons" role="group" aria-label={t('ui:language.label')}>
        {LanguageSchema.options.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            className={`lang-button ${current === language ? 'is-active' : ''}`}
            aria-pressed={current === language}
            onClick={() => void choose(language)}
          >
            {variant === 'compact' ? language.toUpperCase() : NAMES[language]}
            {variant === 'compact' ? (
              <span className="visually-hidden"> {NAMES[language]}</span>
            ) : null}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
