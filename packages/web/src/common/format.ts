import { currentLocale } from '../i18n/index.ts';

const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A date as Swedes write it, `2026-11-22`, in Stockholm time, whatever the UI language. */
export function formatDate(value: string | Date): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}

/** Numbers with the UI language's grouping (`1 234` in Swedish). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

/**
 * The one formatter of the population's figures (tables, charts and exports alike): the UI
 * language's way, `12,3` in Swedish. `exact` always shows the decimals (`72,0`), `sign` a plus
 * before a rise (`+2,0`). Exports pass `sv-SE`, so a file reads the same whatever the UI language.
 */
export function formatFigure(value: number, { decimals = 1, exact = false, sign = false } = {}, locale = currentLocale()): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: exact ? decimals : 0, maximumFractionDigits: decimals, signDisplay: sign ? 'exceptZero' : 'auto' }).format(value);
}

/** A share as a percentage with one decimal: `12,3 %` in Swedish. */
export function formatShare(share: number, locale = currentLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A difference of two shares in percentage points with a sign, `+4,2 p.e.` in Swedish. */
export function formatPoints(difference: number, unit: string, locale = currentLocale()): string {
  return `${formatFigure(difference * 100, { exact: true, sign: true }, locale)} ${unit}`;
}

/** Sorting that puts Å, Ä and Ö where Swedes expect them. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
const collator = new Intl.Collator('sv-SE', { sensitivity: 'base', numeric: true });

export { today } from './clock.ts';
