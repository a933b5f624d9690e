/**
 * An action plan's activity changes status by itself with the dates (issue: operations), until
 * someone closes it or puts it on hold. Dates are Stockholm calendar dates (YYYY-MM-DD) from the
 * services' one clock, so an activity turns "soon late" and "late" on the same day for everyone.
 */

export const activityStatuses = ['not_started', 'ongoing', 'soon_late', 'late', 'on_hold', 'closed'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export interface ActivityDates {
  start: string;
  end: string;
  /** Set when someone closed the activity (done, or ended for good). */
  closedOn?: string | null;
  /** Set while the activity is on hold. */
  onHoldSince?: string | null;
}

/** How many days before its end an activity is "soon late" (configurable per plan). */
export const defaultSoonLateDays = 14;

/** Days from a to b, both calendar dates. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The status on `today`: closed and on hold win over the dates; before the start it has not
 * started; after the end it is late; within `soonLateDays` of the end (the end day included) it is
 * soon late (the last 14 days, the end day included); otherwise ongoing.
 */
export function activityStatus(activity: ActivityDates, today: string, soonLateDays = defaultSoonLateDays): ActivityStatus {
  if (activity.closedOn && activity.closedOn <= today) return 'closed';
  if (activity.onHoldSince && activity.onHoldSince <= today) return 'on_hold';
  if (today < activity.start) return 'not_started';
  if (today > activity.end) return 'late';
  return daysBetween(today, activity.end) < soonLateDays ? 'soon_late' : 'ongoing';
}
