import type { AccessBasis, AccessCategory, InfoCategory } from '../children/schema.ts';
import type { ConsentFacts, ConsentRules } from './consent.ts';
import type { ChildAction } from './grants.ts';
import type { AccessAction, AccessContext, CareTeamFacts, DenyReason, PolicyActor, PolicyChild } from './policy.ts';

/**
 * A reference model of the policy gate, for the property tests only (not exported from index.ts).
 * It is written from the rules (issue 11, DESIGN.md "Secrecy domains", the doc comments of the
 * gate), not from policy.ts, and on purpose in another style, so that a shared mistake is unlikely:
 * - calendar rules compare Stockholm calendar strings from Intl (the gate compares instants);
 * - every way to be allowed is a separate grant; all grants that apply are collected, and the
 *   first in order of preference is the answer;
 * - a refusal's reason comes from one ordered checklist: the first item that applies.
 */
export interface Expected {
  allow: boolean;
  basis: AccessBasis | null;
  reason: string;
  fields: { protectedIdentity: boolean; protectedGuardians: boolean };
  actions: ChildAction[];
  flagged: boolean;
}

const calendar = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The Stockholm calendar date, YYYY-MM-DD (Swedish formatting is ISO). */
export const stockholmDay = (instant: Date): string => calendar.format(instant);

const recordParts: readonly AccessCategory[] = ['record', 'care_team', 'consent'];

/**
 * What each emergency ground is for, written out as "ground:category" pairs (the gate keeps a
 * table per ground): health care's danger to life or health, LVU's immediate care, and necessity
 * for everyone else. Any other ground opens no information category.
 */
const emergencyOpensPairs = new Set([
  'osl_emergency_health:health', 'osl_emergency_health:concern', 'osl_emergency_health:plan', 'osl_emergency_health:wellbeing',
  'lvu_urgent:social_services', 'lvu_urgent:concern', 'lvu_urgent:plan', 'lvu_urgent:wellbeing', 'lvu_urgent:school',
  'brb_necessity:concern', 'brb_necessity:plan',
]);
const citizenReadable: readonly AccessCategory[] = ['record', 'care_team', 'consent', 'access_log'];

/** Everything the rules look at, worked out once for the question asked. */
interface Situation {
  actor: PolicyActor;
  child: PolicyChild;
  action: AccessAction;
  category: AccessCategory;
  context: AccessContext;
  nowMs: number;
  today: string;
  age: number;
  /** Roles that count: granted by someone else (`org/role`). */
  counted: Set<string>;
  guardian: boolean;
  self: boolean;
  place: CareTeamFacts | null;
  placeDomain: string | null;
  openEmergencies: PolicyChild['emergencyAccesses'];
}
/** The situation before the actor's place on the team is known. */
type Known = Omit<Situation, 'place' | 'placeDomain'>;

function ageOnDay(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const within = (from: Date, to: Date | null, ms: number) => from.getTime() <= ms && (to === null || ms < to.getTime());

/** The domain of a unit at an instant: the period of its history that covers it. */
function domainOf(member: CareTeamFacts, instant: Date): string | null {
  const covering = member.secrecyDomains.filter((p) => within(p.from, p.to, instant.getTime()));
  return covering.length > 0 ? covering[0]!.domainId : null;
}

/** A consent stands for this reader today: not withdrawn, in its dates, given by someone who may, not recorded by the reader. */
function stands(s: Known, c: ConsentFacts, readerId: string): boolean {
  const rules: ConsentRules = s.context.rules;
  if (c.withdrawnAt !== null) return false;
  if (s.today < c.validFrom || (c.validTo !== null && s.today > c.validTo)) return false;
  if (c.recordedByProfessional === readerId) return false;
  if (c.givenBy === 'child') return s.age >= rules.childConsentFromAge;
  if (s.age >= 18) return false;
  return c.givenBy === 'both_guardians' || s.child.guardianCount < 2 || rules.jointCustody === 'either_guardian';
}

const names = (c: ConsentFacts, organisationId: string, domainId: string | null) => c.organisationIds.includes(organisationId) || (domainId !== null && c.domainIds.includes(domainId));

function isPlace(s: Known, m: CareTeamFacts): boolean {
  if (m.userId !== s.actor.userId || !within(m.startsAt, m.endsAt, s.nowMs)) return false;
  if (!s.counted.has(`${m.organisationId}/professional`)) return false;
  if (m.basis !== 'consent') return true;
  const basis = s.child.consents.filter((c) => c.id === m.consentId);
  return basis.some((c) => stands(s, c, m.userId) && names(c, m.organisationId, domainOf(m, s.context.now)));
}

function situationOf(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): Situation {
  const nowMs = context.now.getTime();
  const today = stockholmDay(context.now);
  const age = ageOnDay(child.birthDate, today);
  const counted = new Set(actor.roles.filter((r) => r.grantedBy !== actor.userId).map((r) => `${r.organisationId}/${r.role}`));
  const guardian = actor.citizen !== undefined && actor.citizen.guardianOf.includes(child.id) && age < 18;
  const self = actor.citizen !== undefined && actor.citizen.selfChildId === child.id;
  const openEmergencies = child.emergencyAccesses.filter((e) => e.userId === actor.userId && within(e.startsAt, e.expiresAt, nowMs));
  const partial: Known = { actor, child, action, category, context, nowMs, today, age, counted, guardian, self, openEmergencies };
  const place = actor.citizen ? null : (child.careTeam.filter((m) => isPlace(partial, m))[0] ?? null);
  return { ...partial, place, placeDomain: place ? domainOf(place, context.now) : null };
}

type Via = 'guardian' | 'self' | 'member' | 'emergency' | 'reviewer' | 'receiver';
interface Grant {
  basis: AccessBasis;
  reason: string;
  via: Via;
}

const isInfo = (c: AccessCategory): c is InfoCategory => !recordParts.includes(c) && c !== 'access_log';
const coordinates = (m: CareTeamFacts) => m.role === 'named_person' || m.role === 'lead_professional';
const holdsAnywhere = (s: Situation, role: string) => [...s.counted].some((k) => k.endsWith(`/${role}`));
const validEmergencies = (s: Situation) => s.openEmergencies.filter((e) => s.counted.has(`${e.organisationId}/professional`));

/** One rule each; a rule gives a grant when it applies. Their order is the order of preference. */
const grantRules: ReadonlyArray<(s: Situation) => Grant | null> = [
  // A guardian of a child under 18, or the child from the access age, reads the record's parts and the log, changes consents and gives their own view on the wheel.
  (s) => {
    if (!s.actor.citizen) return null;
    if (!s.guardian && !(s.self && s.age >= s.context.rules.childAccessFromAge)) return null;
    const ok = (s.action === 'read' && citizenReadable.includes(s.category)) || (s.action === 'write' && (s.category === 'consent' || s.category === 'wellbeing'));
    return ok ? { basis: 'own_record', reason: s.guardian ? 'guardian' : 'self', via: s.guardian ? 'guardian' : 'self' } : null;
  },
  // Log review: a unit manager or coordinator of an organisation with a place on the team (ever),
  // or in which someone opened emergency access to the child (its unit manager reviews it), for the access log.
  (s) => {
    if (s.actor.citizen || s.action !== 'review_log' || s.category !== 'access_log') return null;
    const orgs = [...s.child.careTeam.map((m) => m.organisationId), ...s.child.emergencyAccesses.map((e) => e.organisationId)];
    const reviews = orgs.some((o) => s.counted.has(`${o}/unit_manager`) || s.counted.has(`${o}/collaboration_coordinator`));
    return reviews ? { basis: 'legal_duty', reason: 'log_review', via: 'reviewer' } : null;
  },
  // A member reads the record, the team and the consents, writes them; only coordinators change the team.
  (s) => {
    if (!s.place || s.action === 'review_log' || !recordParts.includes(s.category)) return null;
    if (s.action === 'write' && s.category === 'care_team' && !coordinates(s.place)) return null;
    return { basis: s.place.basis, reason: 'care_team_member', via: 'member' };
  },
  // A member reads, without consent, an entry written in the domain their unit was in at its writing.
  (s) => {
    const entry = s.context.entry;
    if (!s.place || s.action !== 'read' || !isInfo(s.category) || !entry) return null;
    return domainOf(s.place, entry.writtenAt) === entry.secrecyDomainId ? { basis: 'own_organisation', reason: 'own_secrecy_domain_entry', via: 'member' } : null;
  },
  // Across domains: a consent standing for the reader that covers the category, names the writer AND the reader, and does not exclude the entry.
  (s) => {
    const entry = s.context.entry;
    const m = s.place;
    if (!m || s.action !== 'read' || !isInfo(s.category) || !entry) return null;
    const category = s.category;
    const excluded = (c: ConsentFacts) =>
      c.exclusions.some((x) => x.categories.includes(category) && x.id === (x.scope === 'organisation' ? entry.organisationId : x.scope === 'secrecy_domain' ? entry.secrecyDomainId : entry.unitId));
    const lifting = s.child.consents.filter(
      (c) => c.categories.includes(category) && names(c, entry.organisationId, entry.secrecyDomainId) && names(c, m.organisationId, s.placeDomain) && !excluded(c) && stands(s, c, m.userId),
    );
    return lifting.length > 0 ? { basis: 'consent', reason: 'consent_covers_category', via: 'member' } : null;
  },
  // A member writes an entry in their unit's current domain.
  (s) => {
    if (!s.place || s.action !== 'write' || !isInfo(s.category) || s.placeDomain === null) return null;
    const entry = s.context.entry;
    return !entry || entry.secrecyDomainId === s.placeDomain ? { basis: 'own_organisation', reason: 'own_secrecy_domain_entry', via: 'member' } : null;
  },
  // The receiver of the pending handover previews it (the record, for the name), while a professional somewhere.
  (s) => {
    if (s.actor.citizen || s.place || s.action !== 'read' || s.category !== 'record' || s.context.purpose !== 'handover_preview') return null;
    const receiver = s.child.pendingHandover != null && s.child.pendingHandover.toUserId === s.actor.userId;
    return receiver && holdsAnywhere(s, 'professional') ? { basis: 'handover', reason: 'handover_receiver', via: 'receiver' } : null;
  },
  // Emergency access, for someone without a place: read only, while they hold the professional role where
  // it was opened, of the record's parts and of the categories its ground is for.
  (s) => {
    if (s.actor.citizen || s.place || s.action !== 'read') return null;
    const valid = validEmergencies(s).filter((e) => recordParts.includes(s.category) || emergencyOpensPairs.has(`${e.legalGroundCode}:${s.category}`));
    return valid.length > 0 ? { basis: 'emergency', reason: 'emergency_access', via: 'emergency' } : null;
  },
];

/** Why a refusal is a refusal: the first item that applies. */
const refusals: ReadonlyArray<readonly [DenyReason, (s: Situation) => boolean]> = [
  ['not_guardian', (s) => !!s.actor.citizen && !s.guardian && !s.self],
  ['below_access_age', (s) => !!s.actor.citizen && !s.guardian && s.age < s.context.rules.childAccessFromAge],
  ['not_shared_with_citizens', (s) => !!s.actor.citizen],
  ['not_log_reviewer', (s) => s.action === 'review_log'],
  ['not_team_coordinator', (s) => !!s.place && s.action === 'write' && s.category === 'care_team'],
  ['not_log_reviewer', (s) => !!s.place && s.category === 'access_log'],
  ['no_secrecy_domain', (s) => !!s.place && s.action === 'write' && s.placeDomain === null],
  ['other_secrecy_domain', (s) => !!s.place && (s.action === 'write' || !s.context.entry)],
  ['no_consent_for_category', (s) => !!s.place],
  ['emergency_is_read_only', (s) => s.openEmergencies.length > 0 && s.action !== 'read'],
  ['emergency_ground_does_not_cover', (s) => validEmergencies(s).length > 0],
  ['emergency_needs_professional_role', (s) => s.openEmergencies.length > 0],
  ['team_consent_not_in_force', (s) => s.child.careTeam.some((m) => m.userId === s.actor.userId && m.basis === 'consent' && within(m.startsAt, m.endsAt, s.nowMs))],
  ['not_in_care_team', (s) => holdsAnywhere(s, 'professional')],
  ['analyst_no_identifiable_data', (s) => holdsAnywhere(s, 'analyst')],
  // As the gate has it: an administrator's role is named even when self-granted (the reason only; nothing is allowed by it).
  ['administrator_no_child_data', (s) => s.actor.roles.some((r) => r.role === 'org_admin' || r.role === 'system_admin')],
  ['not_in_care_team', () => true],
];

/** What the caller may do next, from where they stand (allowed or not). */
function actionsOf(s: Situation, grant: Grant | null): ChildAction[] {
  if (s.actor.citizen) return grant && (s.guardian || s.age >= s.context.rules.childConsentFromAge) ? ['give_consent'] : [];
  if (s.action === 'review_log') return grant ? ['review_log'] : [];
  if (s.place) {
    const m = s.place;
    const wanted: Array<[ChildAction, boolean]> = [
      ['change_team', coordinates(m)],
      ['hand_over', m.role === 'named_person' && !s.child.pendingHandover],
      ['withdraw_handover', s.child.pendingHandover?.proposedBy === m.userId],
      ['record_consent', coordinates(m) && m.basis !== 'consent'],
      ['record_withdrawal', true],
      ['record_disclosure', true],
      // Every current member may take out what they may read as FHIR; nobody else.
      ['export_fhir', true],
    ];
    return wanted.filter(([, yes]) => yes).map(([a]) => a);
  }
  if (s.openEmergencies.length > 0) return [];
  return holdsAnywhere(s, 'professional') ? ['open_emergency_access'] : [];
}

export function referenceDecision(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): Expected {
  const s = situationOf(actor, child, action, category, context);
  const grants = grantRules.map((rule) => rule(s)).filter((g): g is Grant => g !== null);
  const grant = grants[0] ?? null;
  const actions = actionsOf(s, grant).sort();
  if (!grant) {
    const reason = refusals.find(([, applies]) => applies(s))![0];
    return { allow: false, basis: null, reason, fields: { protectedIdentity: false, protectedGuardians: false }, actions, flagged: child.protectedIdentity !== null };
  }
  const opened = grant.via === 'member' && context.purpose === 'open_record';
  const fields = { protectedIdentity: opened || grant.via === 'self', protectedGuardians: opened };
  return { allow: true, basis: grant.basis, reason: grant.reason, fields, actions, flagged: child.protectedIdentity !== null || grant.basis === 'emergency' };
}
