import type { ConsentGiver, InfoCategory } from '../children/schema.ts';
import { stockholmDayEndMs, stockholmDayStartMs } from '../time/stockholm.ts';

/**
 * What the consent excludes from what its parties may share: entries of these categories written
 * in one organisation, one secrecy domain or one unit ("not BUP's health entries").
 */
export interface ConsentExclusionFacts {
  scope: 'organisation' | 'secrecy_domain' | 'unit';
  id: string;
  categories: readonly InfoCategory[];
}

/** What the gate needs to know about one consent. */
export interface ConsentFacts {
  id: string;
  givenBy: ConsentGiver;
  /**
   * The parties that may share with one another: whole organisations (all their secrecy domains)
   * and single secrecy domains. A read across domains needs both the writer's and the reader's.
   */
  organisationIds: readonly string[];
  domainIds: readonly string[];
  categories: readonly InfoCategory[];
  exclusions: readonly ConsentExclusionFacts[];
  /** Stockholm calendar dates; `validTo` is inclusive, so access stops at midnight after it. */
  validFrom: string;
  validTo: string | null;
  withdrawnAt: Date | null;
  /**
   * The professional who recorded it on the family's behalf; null when the family gave it in the
   * e-service. A professional never widens their own access by a consent they recorded.
   */
  recordedByProfessional: string | null;
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
  // Both are YYYY-MM-DD, so month and day compare as text. No arrays: a list of 200 children asks
  // this for every child, for the gate and for the life stage.
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
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
export function consentInForce(consent: Pick<ConsentFacts, 'withdrawnAt' | 'validFrom' | 'validTo'>, now: Date): boolean {
  if (consent.withdrawnAt) return false;
  const at = now.getTime();
  if (at < stockholmDayStartMs(consent.validFrom)) return false;
  return consent.validTo === null || at < stockholmDayEndMs(consent.validTo);
}

/** A party as a consent can name it: its organisation, and its secrecy domain when it has one. */
export interface ConsentPartyRef {
  organisationId: string;
  domainId: string | null;
}

/** Whether the consent names this party, as a whole organisation or by its domain. */
export function consentNames(consent: Pick<ConsentFacts, 'organisationIds' | 'domainIds'>, party: ConsentPartyRef): boolean {
  return consent.organisationIds.includes(party.organisationId) || (party.domainId !== null && consent.domainIds.includes(party.domainId));
}

/** Whether the consent leaves out entries of this category written there. */
export function consentExcludes(consent: Pick<ConsentFacts, 'exclusions'>, category: InfoCategory, written: { organisationId: string; secrecyDomainId: string; unitId: string | null }): boolean {
  return consent.exclusions.some((x) => {
    if (!x.categories.includes(category)) return false;
    if (x.scope === 'organisation') return x.id === written.organisationId;
    if (x.scope === 'secrecy_domain') return x.id === written.secrecyDomainId;
    return x.id === written.unitId;
  });
}
