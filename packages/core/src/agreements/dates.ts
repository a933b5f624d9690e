/** Adds whole days to a calendar date (YYYY-MM-DD), in UTC so no time zone shifts the day. */
export function addDaysTo(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
