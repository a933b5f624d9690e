import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@samsyn/core';
import sv from './sv.json';
import en from './en.json';

export const storageKey = 'samsyn.language';
export const supportedLanguages: readonly Language[] = ['sv', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

/** The language the interface is shown in; Swedish first. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** The locale for Intl: Swedish formatting follows the Swedish interface. */
export function currentLocale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'sv-SE';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
});

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
