import type { ConsentGiver } from '../children/schema.ts';
import { ageOn, consentGiverCounts, consentInForce, consentNames, type ConsentFacts, type ConsentPartyRef, type ConsentRules } from '../access/consent.ts';
import { endOfStockholmDay, startOfStockholmDay, stockholmDate } from '../time/stockholm.ts';
import type { ConsentStatus } from './schema.ts';

/** Where a consent stands at `now`; a withdrawal wins over the dates, the end date is inclusive. */
export function consentStatus(consent: Pick<ConsentFacts, 'validFrom' | 'validTo' | 'withdrawnAt'>, now: Date): ConsentStatus {
  if (consent.withdrawnAt) return 'withdrawn';
  if (now < startOfStockholmDay(consent.validFrom)) return 'not_yet_valid';
  if (consent.validTo !== null && now >= endOfStockholmDay(consent.validTo)) return 'expired';
  return 'in_force';
}

export type ConsentGiverProblem =
  | 'guardian_ids_count'
  | 'not_a_guardian_of_child'
  | 'child_below_consent_age'
  | 'child_has_no_guardians';

/**
 * Whether a consent may be recorded as given by `givenBy` with these guardians: one guardian
 * for `guardian`, two different guardians of this child for `both_guardians`, none for the
 * child, who must have reached the age from which their own consent counts. Whether a single
 * guardian's consent suffices under joint custody is the gate's question, not a refusal here.
 */
export function consentGiverProblems(
  givenBy: ConsentGiver,
  guardianIds: readonly string[],
  child: { age: number; guardianIds: readonly string[] },
  rules: ConsentRules,
): ConsentGiverProblem[] {
  const problems: ConsentGiverProblem[] = [];
  const distinct = new Set(guardianIds);
  if (givenBy === 'child') {
    if (distinct.size > 0) problems.push('guardian_ids_count');
    if (child.age < rules.childConsentFromAge) problems.push('child_below_consent_age');
    return problems;
  }
  if (child.guardianIds.length === 0) problems.push('child_has_no_guardians');
  const wanted = givenBy === 'both_guardians' ? 2 : 1;
  if (distinct.size !== wanted || guardianIds.length !== wanted) problems.push('guardian_ids_count');
  if ([...distinct].some((id) => !child.guardianIds.includes(id))) problems.push('not_a_guardian_of_child');
  return problems;
}

/**
 * Whether a consent reaches a party now: in force, given by someone whose consent counts for a
 * child of this age (the gate's own rule), and naming the party's organisation or domain.
 */
export function consentReaches(
  consent: ConsentFacts,
  party: ConsentPartyRef,
  child: { birthDate: string; guardianCount: number },
  rules: ConsentRules,
  now: Date,
): boolean {
  if (!consentNames(consent, party) || !consentInForce(consent, now)) return false;
  return consentGiverCounts(consent.givenBy, ageOn(child.birthDate, stockholmDate(now)), child.guardianCount, rules);
}

/**
 * Who may withdraw a consent in the e-service. A guardian withdraws what a guardian gave, not the
 * child's own consent; the child withdraws any consent about them, from the age from which their
 * own consent counts. (A professional records a withdrawal said to them, whoever gave it.)
 */
export function citizenMayWithdraw(givenBy: ConsentGiver, citizen: 'guardian' | 'child', childAge: number, rules: ConsentRules): boolean {
  if (citizen === 'guardian') return givenBy !== 'child';
  return childAge >= rules.childConsentFromAge;
}
