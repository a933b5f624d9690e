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

/** Sorting that puts Å, Ä and Ö where Swedes expect them. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
const collator = new Intl.Collator('sv-SE', { sensitivity: 'base', numeric: true });

/** Today as YYYY-MM-DD, for file names. */
export function today(): string {
  return formatDate(new Date());
}
