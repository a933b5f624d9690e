import type { ErrorCode } from './codes.ts';
import sv from '../i18n/errors.sv.json' with { type: 'json' };
import en from '../i18n/errors.en.json' with { type: 'json' };

export type Language = 'sv' | 'en';
export const languages: readonly Language[] = ['sv', 'en'];

const messages: Record<Language, Record<ErrorCode, string>> = { sv, en };

export function errorMessage(code: ErrorCode, language: Language): string {
  return messages[language][code];
}

/** Swedish first: English only when the client prefers it over Swedish. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'sv';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'sv' || base === 'en') return base;
  }
  return 'sv';
}
