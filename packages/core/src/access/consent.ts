import type { ConsentGiver, InfoCategory } from '../children/schema.ts';
import { endOfStockholmDay, startOfStockholmDay } from '../time/stockholm.ts';

/** What the gate needs to know about one consent. */
export interface ConsentFacts {
  id: string;
  givenBy: ConsentGiver;
  organisationIds: readonly string[];
  categories: readonly InfoCategory[];
  /** Stockholm calendar dates; `validTo` is inclusive, so access stops at midnight after it. */
  validFrom: string;
  validTo: string | null;
  withdrawnAt: Date | null;
}

/** Configurable rules for whose consent counts (joint custody, the child's own consent). */
export interface ConsentRules {
  /** With two guardians, does one guardian's consent suffice? Swedish law: normally both. */
  jointCustody: 'both_guardians' | 'either_guardian';
  /** From this age the child's own consent counts. */
  childConsentFromAge: number;
  /** From this age the child sees their own record and access log. */
  childAccessFromAge: number;
}

export const defaultConsentRules: ConsentRules = { jointCustody: 'both_guardians', childConsentFromAge: 15, childAccessFromAge: 13 };

/** Whole years between a birth date (YYYY-MM-DD) and a Stockholm date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether the person who consented could give this consent for this child at this age. */
export function consentGiverCounts(givenBy: ConsentGiver, age: number, guardianCount: number, rules: ConsentRules): boolean {
  if (givenBy === 'child') return age >= rules.childConsentFromAge;
  // An adult decides for themselves; guardians' consent ends at 18.
  if (age >= 18) return false;
  if (givenBy === 'both_guardians') return true;
  return guardianCount <= 1 || rules.jointCustody === 'either_guardian';
}

/**
 * Whether the consent is in force at `now`: started, not ended, not withdrawn. A recorded
 * withdrawal counts at once, whatever its time says: with several servers, one's clock may be
 * a little behind the one that stamped it.
 */
export function consentInForce(consent: ConsentFacts, now: Date): boolean {
  if (consent.withdrawnAt) return false;
  if (now < startOfStockholmDay(consent.validFrom)) return false;
  return consent.validTo === null || now < endOfStockholmDay(consent.validTo);
}
