import { addDaysTo } from './dates.ts';

/**
 * Reminders computed from the one clock's day (`today`, Stockholm, YYYY-MM-DD): nothing is
 * stored, so moving the clock moves every reminder with it.
 */

export type RevisionStatus = 'current' | 'revision_soon' | 'revision_overdue' | 'expired';

/** An agreement is due for revision `remindDays` before its revision date, overdue after it; expired once its validity ended. */
export function revisionStatus(agreement: { revisionDueOn: string; validUntil: string | null; remindDays: number }, today: string): RevisionStatus {
  if (agreement.validUntil !== null && agreement.validUntil < today) return 'expired';
  if (agreement.revisionDueOn < today) return 'revision_overdue';
  if (addDaysTo(today, agreement.remindDays) >= agreement.revisionDueOn) return 'revision_soon';
  return 'current';
}

export const needsRevisionReminder = (status: RevisionStatus) => status === 'revision_soon' || status === 'revision_overdue';

/** The share of staff who completed a course, 0–1; null when the unit has no staff counted. */
export function completionShare(record: { staffCount: number; completedCount: number }): number | null {
  return record.staffCount === 0 ? null : record.completedCount / record.staffCount;
}

/** A unit below the course's target (percent) gets a reminder. */
export function belowTarget(record: { staffCount: number; completedCount: number }, targetPercent: number): boolean {
  const share = completionShare(record);
  return share !== null && share * 100 < targetPercent;
}

/** A joint placement's yearly amount split between the region and the municipality, in öre-exact kronor. */
export function splitAmount(amount: number, regionSharePercent: number): { region: number; municipality: number } {
  const region = Math.round(amount * regionSharePercent) / 100;
  return { region, municipality: Math.round((amount - region) * 100) / 100 };
}
