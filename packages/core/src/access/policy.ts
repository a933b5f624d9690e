import type { AccessBasis, AccessCategory, CareTeamRole, InfoCategory, ProtectedIdentityLevel } from '../children/schema.ts';
import { infoCategories } from '../children/schema.ts';
import type { Role } from '../users/schema.ts';
import { stockholmDate } from '../time/stockholm.ts';
import { domainAt, type DomainPeriod } from '../secrecy/domains.ts';
import { ageOn, consentExcludes, consentGiverCounts, consentInForce, consentNames, type ConsentFacts, type ConsentRules } from './consent.ts';
import { actionsFor, fieldsFor, isProfessional, noFields, type AccessFields, type ChildAction } from './grants.ts';
import { emergencyGroundOpens } from './emergency-grounds.ts';

export type { ConsentFacts, ConsentRules };

/**
 * The one policy gate for a child's data: a pure decision from facts the server loads.
 * Every route that touches a child's data asks it, and writes its answer to the audit log.
 * Besides yes or no it answers which fields the caller may see and which actions they may take,
 * so views and the web app never derive a rule of their own.
 */

export interface PolicyRole {
  organisationId: string;
  role: Role;
  /** Who granted the role; a role someone granted themselves never counts for reading. */
  grantedBy?: string | null;
}

export interface PolicyActor {
  userId: string;
  roles: readonly PolicyRole[];
  /** A citizen account: the children this person is guardian of, and the child they are. */
  citizen?: { guardianOf: readonly string[]; selfChildId: string | null };
}

export interface CareTeamFacts {
  userId: string;
  organisationId: string;
  /** The unit the member works from; its secrecy domain is the member's. */
  unitId: string | null;
  role: CareTeamRole;
  startsAt: Date;
  endsAt: Date | null;
  /** What allowed this member onto the team; a consent basis names the consent. */
  basis: 'own_organisation' | 'consent' | 'legal_duty';
  consentId: string | null;
  /** The periods the member's unit belonged to each secrecy domain (history: a unit can move). */
  secrecyDomains: readonly DomainPeriod[];
}

export interface EmergencyAccessFacts {
  userId: string;
  /** The organisation the access was opened for: the professional role must hold there at every read. */
  organisationId: string;
  startsAt: Date;
  expiresAt: Date;
  /** The legal ground it was opened on: the ground decides which information categories it opens. */
  legalGroundCode: string;
}

/** The child's pending handover of the named person, if any: one at a time. */
export interface PendingHandoverFacts {
  id: string;
  toUserId: string;
  proposedBy: string;
}

export interface PolicyChild {
  id: string;
  birthDate: string;
  guardianCount: number;
  protectedIdentity: ProtectedIdentityLevel | null;
  careTeam: readonly CareTeamFacts[];
  consents: readonly ConsentFacts[];
  emergencyAccesses: readonly EmergencyAccessFacts[];
  /** A pending handover: its receiver may preview it, its proposer withdraw it, nobody propose another. */
  pendingHandover?: PendingHandoverFacts | null;
}

export type AccessAction = 'read' | 'write' | 'review_log';

/**
 * Why the record is asked for: opened on purpose, shown in a list, or previewed by the receiver of
 * a pending handover (the child's name, the life stage and the note, nothing more).
 */
export type AccessPurpose = 'open_record' | 'list' | 'handover_preview';

/** A record entry asked about: where and when it was written. */
export interface EntryFacts {
  organisationId: string;
  secrecyDomainId: string;
  unitId: string | null;
  writtenAt: Date;
}

export interface AccessContext {
  now: Date;
  rules: ConsentRules;
  /** For information categories: the entry asked about (for a write, the entry about to be written). */
  entry?: EntryFacts;
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
  'other_secrecy_domain',
  'no_secrecy_domain',
  'emergency_is_read_only',
  'emergency_needs_professional_role',
  'emergency_ground_does_not_cover',
  'not_team_coordinator',
  'not_log_reviewer',
] as const;
export type DenyReason = (typeof denyReasons)[number];

export type AccessDecision =
  | { allow: true; basis: AccessBasis; reason: string; fields: AccessFields; actions: readonly ChildAction[]; flagged: boolean }
  | { allow: false; basis: null; reason: DenyReason; fields: AccessFields; actions: readonly ChildAction[]; flagged: boolean };

const infoSet: ReadonlySet<AccessCategory> = new Set(infoCategories);

/** What the gate knows about the actor's standing towards this child, before the category is weighed. */
type Standing =
  | { kind: 'citizen'; guardian: boolean }
  | { kind: 'member'; member: CareTeamFacts }
  | { kind: 'emergency' }
  | { kind: 'none' };

export function decideAccess(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): AccessDecision {
  return childDecider(actor, child, context).decide(action, category, context.entry);
}

/** The gate for one reader and one child at one instant, asked for any action, category and entry. */
export interface ChildDecider {
  decide(action: AccessAction, category: AccessCategory, entry?: EntryFacts): AccessDecision;
  /** Whether entries of a category written in other domains can reach the reader at all (see `sharedFromOtherDomains`). */
  sharedFromOtherDomains(category: InfoCategory): boolean;
}

/**
 * The same gate as `decideAccess` (which is this, asked once), for a read that asks it many times:
 * every entry of a record, the 500 events of an overview, every child of a list. What does not
 * depend on the question is found once: the reader's place on the team, their domain now, the
 * consents that count for them and name them. Equal answers are one frozen object, so a long list
 * of entries leaves no garbage. Only a member's information categories depend on the entry; every
 * other answer depends on the action and the category alone (`context.entry` is not read here).
 */
export function childDecider(actor: PolicyActor, child: PolicyChild, context: AccessContext): ChildDecider {
  return new Decider(actor, child, context);
}

// A class, not closures: a list makes one per child, and its methods are made once.
class Decider implements ChildDecider {
  private readonly asked: AccessContext;
  private readonly member: CareTeamFacts | undefined;
  private readonly standing: Standing | undefined;
  private readonly own: string | null = null;
  private answers: Map<string, AccessDecision> | undefined;
  private readable: readonly ConsentFacts[] | undefined;

  constructor(
    private readonly actor: PolicyActor,
    private readonly child: PolicyChild,
    context: AccessContext,
  ) {
    this.asked = context.purpose ? { now: context.now, rules: context.rules, purpose: context.purpose } : { now: context.now, rules: context.rules };
    this.member = actor.citizen ? undefined : activeMembership(actor, child, this.asked);
    if (this.member) {
      this.standing = { kind: 'member', member: this.member };
      this.own = domainAt(this.member.secrecyDomains, context.now);
    }
  }

  decide(action: AccessAction, category: AccessCategory, entry?: EntryFacts): AccessDecision {
    const { actor, child, asked } = this;
    if (actor.citizen) return this.known(`${action}:${category}`) ?? this.keep(`${action}:${category}`, decideForCitizen(actor.citizen, child, action, category, asked));
    if (action === 'review_log') return this.known(`log:${category}`) ?? this.keep(`log:${category}`, decideLogReview(actor, child, category));
    if (this.member) return this.decideForMember(this.member, action, category, entry);
    return this.known(`${action}:${category}`) ?? this.keep(`${action}:${category}`, decideWithoutPlace(actor, child, action, category, asked));
  }

  /** `sharedFromOtherDomains` on this decider's facts: a record asks it for every category. */
  sharedFromOtherDomains(category: InfoCategory): boolean {
    const { actor, child, asked } = this;
    const member = actor.citizen ? activeMembership(actor, child, asked) : this.member;
    if (!member) return child.emergencyAccesses.some((e) => e.userId === actor.userId && e.startsAt <= asked.now && asked.now < e.expiresAt && holdsRole(actor, e.organisationId, 'professional') && emergencyOpens(e, category));
    // The consents that count for the member and name them (as for an entry), of which one covers the category.
    const readable = member === this.member ? (this.readable ??= consentsForReader(child, member, asked)) : consentsForReader(child, member, asked);
    return readable.some((c) => c.categories.includes(category));
  }

  /** A member's answers: the record, the team and the consents by their category; an information category by the entry, where and when it was written. */
  private decideForMember(member: CareTeamFacts, action: AccessAction, category: AccessCategory, entry: EntryFacts | undefined): AccessDecision {
    if (category === 'record' || category === 'care_team' || category === 'consent') {
      if (action === 'write' && category === 'care_team' && member.role === 'member') return this.refuse('not_team_coordinator');
      return this.allowAs(member.basis, 'care_team_member');
    }
    if (category === 'access_log' || !infoSet.has(category)) return this.refuse('not_log_reviewer');
    if (action === 'write') {
      // An entry is written in the writer's own domain; without one they cannot write.
      if (this.own === null) return this.refuse('no_secrecy_domain');
      return !entry || entry.secrecyDomainId === this.own ? this.allowAs('own_organisation', 'own_secrecy_domain_entry') : this.refuse('other_secrecy_domain');
    }
    if (entry && writtenInMemberDomain(member, entry)) return this.allowAs('own_organisation', 'own_secrecy_domain_entry');
    if (!entry) return this.refuse('other_secrecy_domain');
    this.readable ??= consentsForReader(this.child, member, this.asked);
    return coversEntry(this.readable, category as InfoCategory, entry) ? this.allowAs('consent', 'consent_covers_category') : this.refuse('no_consent_for_category');
  }

  private allowAs(basis: AccessBasis, reason: string): AccessDecision {
    const key = `allow:${basis}:${reason}`;
    return this.known(key) ?? this.keep(key, allow(basis, reason, this.child, this.standing!, this.asked, this.actor));
  }

  private refuse(reason: DenyReason): AccessDecision {
    const key = `deny:${reason}`;
    return this.known(key) ?? this.keep(key, deny(reason, this.child, this.actor, this.asked, this.standing));
  }

  private known(key: string): AccessDecision | undefined {
    return this.answers?.get(key);
  }

  /** A shared answer is frozen: none of the many callers that hold it can change it for the others. */
  private keep(key: string, decision: AccessDecision): AccessDecision {
    Object.freeze(decision.fields);
    Object.freeze(decision.actions);
    (this.answers ??= new Map()).set(key, Object.freeze(decision));
    return decision;
  }
}

/** A professional without a current place on the team: a handover's receiver, emergency access, or an outsider. */
function decideWithoutPlace(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): AccessDecision {
  if (previewsHandover(actor, child, action, category, context)) return allow('handover', 'handover_receiver', child, standingOf(actor, child, context), context, actor);
  const open = child.emergencyAccesses.filter((e) => e.userId === actor.userId && e.startsAt <= context.now && context.now < e.expiresAt);
  if (open.length > 0) {
    if (action !== 'read') return deny('emergency_is_read_only', child, actor, context);
    // Emergency access rests on the professional role at every read, not only when it was opened.
    const valid = open.filter((e) => holdsRole(actor, e.organisationId, 'professional'));
    if (valid.length === 0) return deny('emergency_needs_professional_role', child, actor, context);
    // It shows only what its ground opens: the record, the team and the consents, and the ground's categories.
    if (!valid.some((e) => emergencyOpens(e, category))) return deny('emergency_ground_does_not_cover', child, actor, context);
    return allow('emergency', 'emergency_access', child, { kind: 'emergency' }, context);
  }
  return deny(outsiderReason(actor, child, context.now), child, actor, context);
}

/** What an emergency access shows: the record, its team and consents always (who to call), an information category only when its ground opens it. */
export function emergencyOpens(access: Pick<EmergencyAccessFacts, 'legalGroundCode'>, category: AccessCategory): boolean {
  if (category === 'record' || category === 'care_team' || category === 'consent') return true;
  return (emergencyGroundOpens[access.legalGroundCode] ?? []).some((c) => c === category);
}

/**
 * Being proposed as the next named person is a basis to see what one is asked to take on, and
 * only that: the record (for the child's name) read for the purpose `handover_preview`, by the
 * receiver of the child's pending handover, while they work as a professional somewhere.
 */
function previewsHandover(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): boolean {
  return context.purpose === 'handover_preview' && action === 'read' && category === 'record' && child.pendingHandover?.toUserId === actor.userId && isProfessional(actor);
}

/** `standing`, where the caller has already found it (a member's refusal), is not looked up again. */
function deny(reason: DenyReason, child: PolicyChild, actor: PolicyActor, context: AccessContext, standing: Standing = standingOf(actor, child, context)): AccessDecision {
  return { allow: false, basis: null, reason, fields: noFields, actions: actionsFor(standing, actor, child, context), flagged: child.protectedIdentity !== null };
}

function allow(basis: AccessBasis, reason: string, child: PolicyChild, standing: Standing, context: AccessContext, actor?: PolicyActor): AccessDecision {
  return {
    allow: true,
    basis,
    reason,
    fields: fieldsFor(standing, context.purpose),
    actions: actionsFor(standing, actor, child, context),
    flagged: child.protectedIdentity !== null || basis === 'emergency',
  };
}

/** The actor's standing, for the actions a refusal can still offer (emergency access, a search's next step). */
function standingOf(actor: PolicyActor, child: PolicyChild, context: AccessContext): Standing {
  if (actor.citizen) return { kind: 'none' };
  const member = activeMembership(actor, child, context);
  if (member) return { kind: 'member', member };
  return child.emergencyAccesses.some((e) => e.userId === actor.userId && e.startsAt <= context.now && context.now < e.expiresAt) ? { kind: 'emergency' } : { kind: 'none' };
}

function decideForCitizen(
  citizen: NonNullable<PolicyActor['citizen']>,
  child: PolicyChild,
  action: AccessAction,
  category: AccessCategory,
  context: AccessContext,
): AccessDecision {
  const age = ageOn(child.birthDate, stockholmDate(context.now));
  const isGuardian = citizen.guardianOf.includes(child.id) && age < 18;
  const isSelf = citizen.selfChildId === child.id;
  const refuse = (reason: DenyReason): AccessDecision => ({ allow: false, basis: null, reason, fields: noFields, actions: [], flagged: child.protectedIdentity !== null });
  if (!isGuardian && !isSelf) return refuse('not_guardian');
  if (!isGuardian && age < context.rules.childAccessFromAge) return refuse('below_access_age');
  const readable: AccessCategory[] = ['record', 'care_team', 'consent', 'access_log'];
  const standing: Standing = { kind: 'citizen', guardian: isGuardian };
  const reason = isGuardian ? 'guardian' : 'self';
  if (action === 'read' && readable.includes(category)) return allow('own_record', reason, child, standing, context);
  // The family changes consents and gives its own view on the wellbeing wheel (the child's or a guardian's).
  if (action === 'write' && (category === 'consent' || category === 'wellbeing')) return allow('own_record', reason, child, standing, context);
  return refuse('not_shared_with_citizens');
}

/**
 * Log review (loggkontroll) is a duty of unit managers and collaboration coordinators, for
 * children their organisation works with: one of its people is or was on the child's team, or
 * opened emergency access to the child (the manager of the unit it was opened at reviews it).
 */
function decideLogReview(actor: PolicyActor, child: PolicyChild, category: AccessCategory): AccessDecision {
  const reviewing = new Set(actor.roles.filter((r) => (r.role === 'unit_manager' || r.role === 'collaboration_coordinator') && !selfGranted(actor, r)).map((r) => r.organisationId));
  const refuse: AccessDecision = { allow: false, basis: null, reason: 'not_log_reviewer', fields: noFields, actions: [], flagged: child.protectedIdentity !== null };
  if (reviewing.size === 0 || category !== 'access_log') return refuse;
  if (!child.careTeam.some((m) => reviewing.has(m.organisationId)) && !child.emergencyAccesses.some((e) => reviewing.has(e.organisationId))) return refuse;
  return { allow: true, basis: 'legal_duty', reason: 'log_review', fields: noFields, actions: ['review_log'], flagged: child.protectedIdentity !== null };
}

function selfGranted(actor: PolicyActor, role: PolicyRole): boolean {
  return role.grantedBy === actor.userId;
}

/** Whether the actor holds this role in the organisation, granted by someone else. */
export function holdsRole(actor: PolicyActor, organisationId: string, role: Role): boolean {
  return actor.roles.some((r) => r.organisationId === organisationId && r.role === role && !selfGranted(actor, r));
}

/**
 * The actor's current place on the team: within its dates, while they still work as a
 * professional for the organisation they joined for (a role they granted themselves does not
 * count), and while the consent that let them on is in force.
 */
export function activeMembership(actor: PolicyActor, child: PolicyChild, context: Pick<AccessContext, 'now' | 'rules'>): CareTeamFacts | undefined {
  const { now } = context;
  return child.careTeam.find(
    (m) =>
      m.userId === actor.userId &&
      m.startsAt <= now &&
      (m.endsAt === null || now < m.endsAt) &&
      holdsRole(actor, m.organisationId, 'professional') &&
      (m.basis !== 'consent' || teamConsentInForce(child, m, context)),
  );
}

function teamConsentInForce(child: PolicyChild, member: CareTeamFacts, context: Pick<AccessContext, 'now' | 'rules'>): boolean {
  const consent = child.consents.find((c) => c.id === member.consentId);
  return consent !== undefined && consentCountsFor(child, consent, member.userId, context) && consentNames(consent, partyOf(member, context.now));
}

/** The member as a party a consent can name: their organisation, and their unit's domain now. */
export function partyOf(member: CareTeamFacts, now: Date): { organisationId: string; domainId: string | null } {
  return { organisationId: member.organisationId, domainId: domainAt(member.secrecyDomains, now) };
}

/**
 * In force now, given by someone whose consent counts for a child of this age, and not recorded
 * by this reader: a professional never widens their own access by a consent they recorded.
 */
export function consentCountsFor(child: PolicyChild, consent: ConsentFacts, readerUserId: string | null, context: Pick<AccessContext, 'now' | 'rules'>): boolean {
  if (readerUserId !== null && consent.recordedByProfessional === readerUserId) return false;
  if (!consentInForce(consent, context.now)) return false;
  const age = ageOn(child.birthDate, stockholmDate(context.now));
  return consentGiverCounts(consent.givenBy, age, child.guardianCount, context.rules);
}

/**
 * Read without consent: the entry was written in the domain the member's unit belonged to when it
 * was written. So moving a unit into another domain never opens that domain's earlier entries.
 */
function writtenInMemberDomain(member: CareTeamFacts, entry: EntryFacts): boolean {
  return domainAt(member.secrecyDomains, entry.writtenAt) === entry.secrecyDomainId;
}

/**
 * Across domains: a consent in force, counting for this reader, covering the category, naming
 * both the writer's domain (or organisation) and the reader's, and not excluding the entry.
 */
export function consentCoversEntry(child: PolicyChild, member: CareTeamFacts, category: InfoCategory, entry: EntryFacts, context: Pick<AccessContext, 'now' | 'rules'>): boolean {
  return coversEntry(consentsForReader(child, member, context), category, entry);
}

/** The child's consents that count for this member now and name them: what of a consent does not depend on the entry. */
function consentsForReader(child: PolicyChild, member: CareTeamFacts, context: Pick<AccessContext, 'now' | 'rules'>): ConsentFacts[] {
  const reader = partyOf(member, context.now);
  return child.consents.filter((c) => consentNames(c, reader) && consentCountsFor(child, c, member.userId, context));
}

/** Of the consents that count for the reader and name them: one covers the category, names the writer and does not exclude the entry. */
function coversEntry(readable: readonly ConsentFacts[], category: InfoCategory, entry: EntryFacts): boolean {
  const writer = { organisationId: entry.organisationId, domainId: entry.secrecyDomainId };
  return readable.some((c) => c.categories.includes(category) && consentNames(c, writer) && !consentExcludes(c, category, entry));
}

/**
 * Whether entries of a category written in other domains can reach the caller at all: some
 * consent in force for them covers it, or an emergency access whose ground opens it. Views say "not
 * available – no consent" where this is false.
 */
export function sharedFromOtherDomains(actor: PolicyActor, child: PolicyChild, category: InfoCategory, context: Pick<AccessContext, 'now' | 'rules'>): boolean {
  return new Decider(actor, child, context).sharedFromOtherDomains(category);
}

function outsiderReason(actor: PolicyActor, child: PolicyChild, now: Date): DenyReason {
  if (child.careTeam.some((m) => m.userId === actor.userId && m.startsAt <= now && (m.endsAt === null || now < m.endsAt) && m.basis === 'consent')) {
    return 'team_consent_not_in_force';
  }
  const counted = actor.roles.filter((r) => !selfGranted(actor, r)).map((r) => r.role);
  const roles = new Set(counted);
  if (roles.has('professional')) return 'not_in_care_team';
  if (roles.has('analyst')) return 'analyst_no_identifiable_data';
  if (actor.roles.some((r) => r.role === 'system_admin' || r.role === 'org_admin')) return 'administrator_no_child_data';
  return 'not_in_care_team';
}
