import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@samsyn/core';
import sv from './sv.json';

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

/**
 * English loads when it is chosen: a user reads one language, so the first page's JavaScript carries
 * Swedish only (the default and the fallback), about 30 KB gzip less (docs/statistics.md, the 300 KB aim).
 */
async function englishTexts(): Promise<typeof sv> {
  return (await import('./en.json')).default;
}

/** Switches the interface's language, loading its texts first the first time. */
export async function changeLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', language === 'en' ? await englishTexts() : sv);
  await i18n.changeLanguage(language);
}

/** Resolves when the stored language's texts are in; main.tsx renders after it, so no page flashes in the other language. */
export const i18nReady: Promise<void> = (async () => {
  let language = storedLanguage();
  const resources: Partial<Record<Language, { translation: typeof sv }>> = { sv: { translation: sv } };
  if (language === 'en') {
    // Should English fail to load (the network), the interface stays in Swedish rather than not at all.
    try {
      resources.en = { translation: await englishTexts() };
    } catch {
      language = 'sv';
    }
  }
  await i18n.use(initReactI18next).init({
    resources,
    partialBundledLanguages: true,
    lng: language,
    fallbackLng: 'sv',
    supportedLngs: ['sv', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
})();

export default i18n;
