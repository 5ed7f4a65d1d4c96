import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiContext } from './api/hooks';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Header } from './components/Header';
import { Nav } from './components/Nav';
import { useHashRoute } from './lib/useHashRoute';
import { Onboarding } from './screens/Onboarding';
import { SCREENS, screenFor } from './screens/registry';

/** Follows the saved language, whichever window or tool changed it. */
function useSettingsLanguage(): void {
  const { settings } = useApiContext();
  const { i18n } = useTranslation();
  const language = settings?.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
}

export function App() {
  const { t } = useTranslation();
  const { settings } = useApiContext();
  const [route, go] = useHashRoute();
  useSettingsLanguage();
  const screen = screenFor(route);

  useEffect(() => {
    document.title = settings?.onboarded === false ? 'Lumbung' : `${t(screen.titleKey)} · Lumbung`;
  }, [screen, settings?.onboarded, t]);

  let body;
  if (!settings) {
    body = (
      <main className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t('ui:connection.connecting')}
      </main>
    );
  } else if (!settings.onboarded) {
    body = (
      <main className="main main-onboarding">
        <Onboarding />
      </main>
    );
  } else {
    body = (
      <div className="layout">
        <Nav screens={SCREENS} current={screen.id} onGo={go} />
        <main className="main">
          <screen.Component />
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      <ConnectionBanner />
      <Header />
      {body}
    </div>
  );
}
