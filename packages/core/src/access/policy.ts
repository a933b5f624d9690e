import type { AccessBasis, AccessCategory, CareTeamRole, ProtectedIdentityLevel } from '../children/schema.ts';
import { infoCategories } from '../children/schema.ts';
import type { Role } from '../users/schema.ts';
import { stockholmDate } from '../time/stockholm.ts';
import { ageOn, consentGiverCounts, consentInForce, type ConsentFacts, type ConsentRules } from './consent.ts';

export type { ConsentFacts, ConsentRules };

/**
 * The one policy gate for a child's data: a pure decision from facts the server loads.
 * Every route that touches a child's data asks it, and writes its answer to the audit log.
 */

export interface PolicyActor {
  userId: string;
  roles: readonly { organisationId: string; role: Role }[];
  /** A citizen account: the children this person is guardian of, and the child they are. */
  citizen?: { guardianOf: readonly string[]; selfChildId: string | null };
}

export interface CareTeamFacts {
  userId: string;
  organisationId: string;
  role: CareTeamRole;
  startsAt: Date;
  endsAt: Date | null;
  /** What allowed this member onto the team; a consent basis names the consent. */
  basis: 'own_organisation' | 'consent' | 'legal_duty';
  consentId: string | null;
}

export interface PolicyChild {
  id: string;
  birthDate: string;
  guardianCount: number;
  protectedIdentity: ProtectedIdentityLevel | null;
  careTeam: readonly CareTeamFacts[];
  consents: readonly ConsentFacts[];
  emergencyAccesses: readonly { userId: string; startsAt: Date; expiresAt: Date }[];
}

export type AccessAction = 'read' | 'write' | 'review_log';

/** Why the record is asked for: opened on purpose, or shown in a list. */
export type AccessPurpose = 'open_record' | 'list';

export interface AccessContext {
  now: Date;
  rules: ConsentRules;
  /** For information categories: the organisation that wrote the entries asked about. */
  authorOrganisationId?: string;
  /** `open_record`: the professional opened this child's record on purpose. */
  purpose?: AccessPurpose;
}

export const denyReasons = [
  'not_guardian',
  'below_access_age',
  'not_shared_with_citizens',
  'analyst_no_identifiable_data',
  'administrator_no_child_data',
  'not_in_care_team',
  'team_consent_not_in_force',
  'no_consent_for_category',
  'emergency_is_read_only',
  'not_team_coordinator',
  'not_log_reviewer',
] as const;
export type DenyReason = (typeof denyReasons)[number];

export type AccessDecision =
  | { allow: true; basis: AccessBasis; reason: string; revealIdentity: boolean; flagged: boolean }
  | { allow: false; basis: null; reason: DenyReason; revealIdentity: false; flagged: boolean };

const infoSet: ReadonlySet<AccessCategory> = new Set(infoCategories);

function deny(reason: DenyReason, child: PolicyChild): AccessDecision {
  return { allow: false, basis: null, reason, revealIdentity: false, flagged: child.protectedIdentity !== null };
}

function allow(basis: AccessBasis, reason: string, child: PolicyChild, revealIdentity: boolean): AccessDecision {
  return { allow: true, basis, reason, revealIdentity, flagged: child.protectedIdentity !== null || basis === 'emergency' };
}

export function decideAccess(
  actor: PolicyActor,
  child: PolicyChild,
  action: AccessAction,
  category: AccessCategory,
  context: AccessContext,
): AccessDecision {
  if (actor.citizen) return decideForCitizen(actor.citizen, child, action, category, context);
  if (action === 'review_log') return decideLogReview(actor, child, category);
  const member = activeMembership(actor, child, context);
  if (member) return decideForMember(member, child, action, category, context);
  const emergency = child.emergencyAccesses.some((e) => e.userId === actor.userId && e.startsAt <= context.now && context.now < e.expiresAt);
  if (emergency) {
    if (action !== 'read') return deny('emergency_is_read_only', child);
    // Emergency access is not a place on the team: a protected identity stays hidden.
    return allow('emergency', 'emergency_access', child, false);
  }
  return deny(outsiderReason(actor, child, context.now), child);
}

function decideForCitizen(
  citizen: NonNullable<PolicyActor['citizen']>,
  child: PolicyChild,
  action: AccessAction,
  category: AccessCategory,
  context: AccessContext,
): AccessDecision {
  const isGuardian = citizen.guardianOf.includes(child.id) && ageOn(child.birthDate, stockholmDate(context.now)) < 18;
  const isSelf = citizen.selfChildId === child.id;
  if (!isGuardian && !isSelf) return deny('not_guardian', child);
  if (!isGuardian && ageOn(child.birthDate, stockholmDate(context.now)) < context.rules.childAccessFromAge) return deny('below_access_age', child);
  const readable: AccessCategory[] = ['record', 'care_team', 'consent', 'access_log'];
  // The child sees their own details; a guardian does not see a protected child's: the
  // protection may be from someone in the family.
  const reveal = !isGuardian;
  if (action === 'read' && readable.includes(category)) return allow('own_record', isGuardian ? 'guardian' : 'self', child, reveal);
  if (action === 'write' && category === 'consent') return allow('own_record', isGuardian ? 'guardian' : 'self', child, reveal);
  return deny('not_shared_with_citizens', child);
}

/**
 * Log review (loggkontroll) is a duty of unit managers and collaboration coordinators, for
 * children their organisation works with: one of its people is or was on the child's team.
 */
function decideLogReview(actor: PolicyActor, child: PolicyChild, category: AccessCategory): AccessDecision {
  const reviewing = new Set(actor.roles.filter((r) => r.role === 'unit_manager' || r.role === 'collaboration_coordinator').map((r) => r.organisationId));
  if (reviewing.size === 0 || category !== 'access_log') return deny('not_log_reviewer', child);
  if (!child.careTeam.some((m) => reviewing.has(m.organisationId))) return deny('not_log_reviewer', child);
  return allow('legal_duty', 'log_review', child, false);
}

/**
 * The actor's current place on the team: within its dates, while they still work for the
 * organisation they joined for, and while the consent that let them on is in force.
 */
function activeMembership(actor: PolicyActor, child: PolicyChild, context: AccessContext): CareTeamFacts | undefined {
  const { now } = context;
  return child.careTeam.find(
    (m) =>
      m.userId === actor.userId &&
      m.startsAt <= now &&
      (m.endsAt === null || now < m.endsAt) &&
      actor.roles.some((r) => r.organisationId === m.organisationId && r.role === 'professional') &&
      (m.basis !== 'consent' || teamConsentInForce(child, m, context)),
  );
}

function teamConsentInForce(child: PolicyChild, member: CareTeamFacts, context: AccessContext): boolean {
  const consent = child.consents.find((c) => c.id === member.consentId);
  return consent !== undefined && consent.organisationIds.includes(member.organisationId) && consentCounts(child, consent, context);
}

/** In force now, and given by someone whose consent counts for a child of this age. */
function consentCounts(child: PolicyChild, consent: ConsentFacts, context: AccessContext): boolean {
  if (!consentInForce(consent, context.now)) return false;
  const age = ageOn(child.birthDate, stockholmDate(context.now));
  return consentGiverCounts(consent.givenBy, age, child.guardianCount, context.rules);
}

function decideForMember(member: CareTeamFacts, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): AccessDecision {
  const reveal = context.purpose === 'open_record';
  if (category === 'record' || category === 'care_team' || category === 'consent') {
    if (action === 'write' && category === 'care_team' && member.role === 'member') return deny('not_team_coordinator', child);
    return allow(member.basis, 'care_team_member', child, reveal);
  }
  if (category === 'access_log') return deny('not_log_reviewer', child);
  if (context.authorOrganisationId === member.organisationId) return allow('own_organisation', 'own_organisation_entry', child, reveal);
  if (action === 'write') return deny('no_consent_for_category', child);
  const covered = infoSet.has(category) && child.consents.some(
    (c) => c.organisationIds.includes(member.organisationId) && c.categories.some((k) => k === category) && consentCounts(child, c, context),
  );
  return covered ? allow('consent', 'consent_covers_category', child, reveal) : deny('no_consent_for_category', child);
}

function outsiderReason(actor: PolicyActor, child: PolicyChild, now: Date): DenyReason {
  if (child.careTeam.some((m) => m.userId === actor.userId && m.startsAt <= now && (m.endsAt === null || now < m.endsAt) && m.basis === 'consent')) {
    return 'team_consent_not_in_force';
  }
  const roles = new Set(actor.roles.map((r) => r.role));
  if (roles.has('professional')) return 'not_in_care_team';
  if (roles.has('analyst')) return 'analyst_no_identifiable_data';
  if (roles.has('system_admin') || roles.has('org_admin')) return 'administrator_no_child_data';
  return 'not_in_care_team';
}
