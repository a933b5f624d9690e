/**
 * A SIP (samordnad individuell plan) is statutory: SoL 16 kap. 4 § and HSL 16 kap. 4 § fix what it
 * must contain. Samsyn refuses to mark a SIP as established while any of it is missing; a child's
 * plan (voluntary) has no such list. The codes name what is missing, for the form and the API.
 */

export const sipRequiredContents = [
  /** Which interventions are needed. */
  'interventions_needed',
  /** Which interventions the municipality provides. */
  'municipality_interventions',
  /** Which interventions the region provides. */
  'region_interventions',
  /** What others do (the school, the police, Försäkringskassan…), or that no one else takes part. */
  'others_interventions',
  /** Which principal holds the overall responsibility (huvudansvar). */
  'overall_responsibility',
] as const;
export type SipContent = (typeof sipRequiredContents)[number];

export interface SipContentsFacts {
  interventionsNeeded: readonly string[];
  municipalityInterventions: readonly string[];
  regionInterventions: readonly string[];
  othersInterventions: readonly string[];
  /** The plan says outright that no one but the two principals takes part. */
  noOthersTakePart: boolean;
  /** The principal (the municipality or the region) with the overall responsibility. */
  overallResponsibility: 'municipality' | 'region' | null;
}

const filled = (items: readonly string[]) => items.some((i) => i.trim().length > 0);

/** What the SIP still lacks by law, in the order of the list; empty when it may be established. */
export function missingSipContents(plan: SipContentsFacts): SipContent[] {
  const missing: SipContent[] = [];
  if (!filled(plan.interventionsNeeded)) missing.push('interventions_needed');
  if (!filled(plan.municipalityInterventions)) missing.push('municipality_interventions');
  if (!filled(plan.regionInterventions)) missing.push('region_interventions');
  if (!filled(plan.othersInterventions) && !plan.noOthersTakePart) missing.push('others_interventions');
  if (plan.overallResponsibility === null) missing.push('overall_responsibility');
  return missing;
}
