/**
 * Calendar dates in Swedish public administration are Stockholm dates: a consent "until
 * 2026-12-31" ends at midnight Stockholm time, whatever the server's time zone.
 */
export const timeZone = 'Europe/Stockholm';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Stockholm is ahead of UTC at the given instant (60 or 120). */
function offsetMinutes(instant: Date): number {
  // Clock changes happen on a whole UTC hour, so one answer serves the whole hour. The gate asks
  // this for every consent on every decision; formatting a date each time was its main cost.
  const hour = Math.floor(instant.getTime() / hourMs);
  const known = offsetByUtcHour.get(hour);
  if (known !== undefined) return known;
  const offset = formattedOffsetMinutes(new Date(hour * hourMs));
  if (offsetByUtcHour.size >= maxCachedHours) offsetByUtcHour.delete(offsetByUtcHour.keys().next().value as number);
  offsetByUtcHour.set(hour, offset);
  return offset;
}

const hourMs = 3_600_000;
const maxCachedHours = 4096;
const offsetByUtcHour = new Map<number, number>();

function formattedOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant a Stockholm calendar date (YYYY-MM-DD) begins. */
export function startOfStockholmDay(date: string): Date {
  return new Date(stockholmDayStartMs(date));
}

/** The instant a Stockholm calendar date ends: midnight into the next day. */
export function endOfStockholmDay(date: string): Date {
  return new Date(stockholmDayEndMs(date));
}

/**
 * `startOfStockholmDay` as milliseconds. The gate asks it of every consent's dates at every
 * decision (200 children in a list), and the dates repeat: each is worked out once.
 */
export function stockholmDayStartMs(date: string): number {
  const known = dayStarts.get(date);
  if (known !== undefined) return known;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The offset at local midnight; DST changes happen at 02:00/03:00, never at midnight.
  const guess = new Date(utcMidnight - offsetMinutes(new Date(utcMidnight)) * 60_000);
  return remember(dayStarts, date, utcMidnight - offsetMinutes(guess) * 60_000);
}

/** `endOfStockholmDay` as milliseconds, each date worked out once. */
export function stockholmDayEndMs(date: string): number {
  const known = dayEnds.get(date);
  if (known !== undefined) return known;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  // A date that is not one (NaN) has no next day, and no end.
  return remember(dayEnds, date, Number.isNaN(next.getTime()) ? Number.NaN : stockholmDayStartMs(next.toISOString().slice(0, 10)));
}

const maxCachedDays = 10_000;
const dayStarts = new Map<string, number>();
const dayEnds = new Map<string, number>();

function remember(known: Map<string, number>, date: string, ms: number): number {
  if (known.size >= maxCachedDays) known.delete(known.keys().next().value as string);
  known.set(date, ms);
  return ms;
}

/** The Stockholm calendar date of an instant, as YYYY-MM-DD. */
export function stockholmDate(instant: Date): string {
  // The gate asks this of one instant (the look's) for every consent of every child of a list.
  const ms = instant.getTime();
  if (ms === lastDate.ms) return lastDate.date;
  const date = new Date(ms + offsetMinutes(instant) * 60_000).toISOString().slice(0, 10);
  lastDate = { ms, date };
  return date;
}

let lastDate = { ms: Number.NaN, date: '' };
