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
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The offset at local midnight; DST changes happen at 02:00/03:00, never at midnight.
  const guess = new Date(utcMidnight - offsetMinutes(new Date(utcMidnight)) * 60_000);
  return new Date(utcMidnight - offsetMinutes(guess) * 60_000);
}

/** The instant a Stockholm calendar date ends: midnight into the next day. */
export function endOfStockholmDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return startOfStockholmDay(next);
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
