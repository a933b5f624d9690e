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

const stockholmParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** How far Stockholm's clock is ahead of UTC at an instant, in milliseconds (1 h in winter, 2 h in summer). */
function stockholmOffset(at: number): number {
  const p = Object.fromEntries(stockholmParts.formatToParts(new Date(at)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at / 60_000) * 60_000;
}

/**
 * A Stockholm date (YYYY-MM-DD) and time (HH:MM) as an instant (ISO), whatever the browser's own
 * time zone: the times Samsyn's users type are Stockholm's, as the server's calendar days are.
 * Null where the date or time is not one.
 */
export function stockholmInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // The offset at the guess, then at the answer: right on either side of a change of clocks.
  const first = wall - stockholmOffset(wall);
  return new Date(wall - stockholmOffset(first)).toISOString();
}
