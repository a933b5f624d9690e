import type { InfoCategory } from '../children/schema.ts';
import type { ConsentFacts, ConsentRules } from '../access/consent.ts';
import { consentReaches } from '../consent/policy.ts';

/** What a rule needs to know about a legal ground (a row of data, not code). */
export interface LegalGroundFacts {
  code: string;
  kind: 'consent' | 'duty_to_report' | 'necessary_disclosure' | 'emergency' | 'care_team';
  validFrom: string;
  validTo: string | null;
}

/** A ground applies on a Stockholm date within its period; a repealed law's row keeps its end date. */
export function legalGroundInForce(ground: Pick<LegalGroundFacts, 'validFrom' | 'validTo'>, onDate: string): boolean {
  return ground.validFrom <= onDate && (ground.validTo === null || onDate <= ground.validTo);
}

/** The kinds of ground under which information may be disclosed without the consent itself. */
export const disclosureGroundKinds: readonly LegalGroundFacts['kind'][] = ['duty_to_report', 'necessary_disclosure', 'emergency'];

export type DisclosureRefusal =
  | 'same_organisation'
  | 'same_secrecy_domain'
  | 'no_ground_for_sharing'
  | 'unknown_legal_ground'
  | 'legal_ground_not_applicable'
  | 'unknown_consent'
  | 'consent_does_not_cover';

export interface DisclosureFacts {
  decision: 'shared' | 'not_shared';
  fromOrganisationId: string;
  /** The sharer's secrecy domain: where the information comes from. */
  fromDomainId: string | null;
  toOrganisationId: string;
  /** The receiving secrecy domain, when the disclosure names one (required within one organisation). */
  toDomainId?: string | null;
  categories: readonly InfoCategory[];
  /** As asked for, and as found (undefined when no such ground or no such consent for this child). */
  legalGroundCode?: string | undefined;
  legalGround?: LegalGroundFacts | undefined;
  consentId?: string | undefined;
  consent?: ConsentFacts | undefined;
  child: { birthDate: string; guardianCount: number };
  rules: ConsentRules;
  now: Date;
  today: string;
}

/**
 * Whether a ledger entry may be recorded. Sharing goes to another organisation, or to another
 * secrecy domain of the same organisation (OSL 8 kap. 2 §: its independent parts), and rests on a
 * consent that reaches that organisation and covers every category shared, or on a legal ground
 * in force that allows disclosure. A decision not to share needs only its reason; a ground it
 * names must exist.
 */
export function decideDisclosure(f: DisclosureFacts): { ok: true } | { ok: false; reason: DisclosureRefusal } {
  if (f.fromOrganisationId === f.toOrganisationId) {
    if (!f.toDomainId) return { ok: false, reason: 'same_organisation' };
    if (f.toDomainId === f.fromDomainId) return { ok: false, reason: 'same_secrecy_domain' };
  }
  if (f.legalGroundCode !== undefined && !f.legalGround) return { ok: false, reason: 'unknown_legal_ground' };
  if (f.consentId !== undefined && !f.consent) return { ok: false, reason: 'unknown_consent' };
  if (f.decision === 'not_shared') return { ok: true };
  if (!f.legalGround && !f.consent) return { ok: false, reason: 'no_ground_for_sharing' };
  if (f.consent) {
    const consent = f.consent;
    const covers = consentReaches(consent, { organisationId: f.toOrganisationId, domainId: f.toDomainId ?? null }, f.child, f.rules, f.now) && f.categories.every((c) => consent.categories.includes(c));
    if (!covers) return { ok: false, reason: 'consent_does_not_cover' };
  }
  if (f.legalGround) {
    const ground = f.legalGround;
    // The 'consent' ground is only a ground together with the consent it refers to.
    const kindFits = disclosureGroundKinds.includes(ground.kind) || (ground.kind === 'consent' && f.consent !== undefined);
    if (!kindFits || !legalGroundInForce(ground, f.today)) return { ok: false, reason: 'legal_ground_not_applicable' };
  }
  return { ok: true };
}
