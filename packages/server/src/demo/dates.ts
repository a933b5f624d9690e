import type { Random } from './random.ts';

// The demo's calendar arithmetic on ISO days (YYYY-MM-DD), in UTC so no clock change moves a day.

/** The same day of the month `years` later (earlier when negative); 29 February becomes 1 March. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** A day from `from` to `to`, both included; `from` when the range is empty. */
export function dayBetween(random: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, random.int(0, span));
}

/** A moment during office hours on a Stockholm day (UTC 08:00–14:59, 09:00–16:59 local). */
export function during(random: Random, iso: string): Date {
  return new Date(`${iso}T${String(random.int(8, 14)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`);
}
