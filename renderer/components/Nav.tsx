import { useTranslation } from 'react-i18next';
import type { ScreenEntry } from '../screens/registry';

export function Nav({
  screens,
  current,
  onGo,
}: {
  screens: readonly ScreenEntry[];
  current: string;
  onGo: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('ui:nav.label')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen.id}>
            <a
              href={`#/${screen.id}`}
              className={`nav-link ${current === screen.id ? 'is-current' : ''}`}
              aria-current={current === screen.id ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onGo(screen.id);
              }}
            >
              {t(screen.titleKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
