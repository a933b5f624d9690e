import { activityStatuses, type ActivityStatus } from './activity-status.ts';
import type { StatusCounts } from './schema.ts';

/** How many days before a check-in its reminder shows. */
export const checkInReminderDays = 7;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The next check-in: the first one the latest review has not answered. A review answers every
 * check-in up to a week after its day (one made in the reminder week counts for the check-in).
 * It is due from a week before it, and stays due once passed until a review is made. An activity
 * closed or on hold has no check-in due.
 */
export function nextCheckIn(checkInDates: readonly string[], lastReviewedOn: string | null, status: ActivityStatus, today: string): { nextCheckIn: string | null; checkInDue: boolean } {
  const answered = lastReviewedOn === null ? null : addDays(lastReviewedOn, checkInReminderDays);
  const next = [...checkInDates].sort().find((d) => answered === null || d > answered) ?? null;
  const due = next !== null && status !== 'closed' && status !== 'on_hold' && next <= addDays(today, checkInReminderDays);
  return { nextCheckIn: next, checkInDue: due };
}

/** Check-in dates every `months` months from `start` to `end`, e.g. each quarter: the form's helper. */
export function recurringCheckIns(start: string, end: string, months: number): string[] {
  const dates: string[] = [];
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  for (let i = 1; i <= 120; i += 1) {
    const at = new Date(Date.UTC(y, m - 1 + i * months, 1));
    const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
    at.setUTCDate(Math.min(d, lastDay));
    const date = at.toISOString().slice(0, 10);
    if (date > end) break;
    dates.push(date);
  }
  return dates;
}

export function countStatuses(statuses: readonly ActivityStatus[]): StatusCounts {
  const counts = Object.fromEntries(activityStatuses.map((s) => [s, 0])) as StatusCounts;
  for (const s of statuses) counts[s] += 1;
  return counts;
}
