import { useTranslation } from 'react-i18next';
import { useStatus } from '../api/hooks';
import { LanguageToggle } from './LanguageToggle';
import { StatePill } from './StatePill';

export function Header() {
  const { t } = useTranslation();
  const status = useStatus();
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Lumbung</span>
        <span className="brand-tag">{t('ui:app.tagline')}</span>
      </div>
      <div className="header-right">
        {status ? <StatePill state={status.state} /> : null}
        <LanguageToggle />
      </div>
    </header>
  );
}
