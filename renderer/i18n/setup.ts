import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, resources } from '../../src/api/locales/index';
import type { Language } from '../../src/api/settings-schemas';

/** Until the settings arrive, follow the browser: an Indonesian owner sees Indonesian at once. */
export function initialLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    ns: NAMESPACES,
    defaultNS: 'ui',
    nsSeparator: ':',
    keySeparator: '.',
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
