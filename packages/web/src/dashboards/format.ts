import { currentLocale } from '../i18n/index.ts';

/** A share as a percentage with one decimal, the UI language's way: `12,3 %` in Swedish. */
export function formatShare(share: number, locale = currentLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** Percentage points with a sign, `+4,2 p.e.` in Swedish. */
export function formatPoints(difference: number, unit: string, locale = currentLocale()): string {
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(difference * 100)} ${unit}`;
}
