import type { AccessCategory, InfoCategory } from '../children/schema.ts';
import type { Role } from '../users/schema.ts';
import { stockholmDate } from '../time/stockholm.ts';
import { domainAt } from '../secrecy/domains.ts';
import { ageOn, consentExcludes, consentGiverCounts, consentInForce, consentNames, type ConsentFacts } from './consent.ts';
import { emergencyGroundOpens } from './emergency-grounds.ts';
import type { AccessContext, CareTeamFacts, EmergencyAccessFacts, EntryFacts, PolicyActor, PolicyChild, PolicyRole } from './policy.ts';

/** The reader's place on the team and their roles, and which of the child's consents count for them and cover an entry. */

export function selfGranted(actor: PolicyActor, role: PolicyRole): boolean {
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
export function writtenInMemberDomain(member: CareTeamFacts, entry: EntryFacts): boolean {
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
export function consentsForReader(child: PolicyChild, member: CareTeamFacts, context: Pick<AccessContext, 'now' | 'rules'>): ConsentFacts[] {
  const reader = partyOf(member, context.now);
  return child.consents.filter((c) => consentNames(c, reader) && consentCountsFor(child, c, member.userId, context));
}

/** Of the consents that count for the reader and name them: one covers the category, names the writer and does not exclude the entry. */
export function coversEntry(readable: readonly ConsentFacts[], category: InfoCategory, entry: EntryFacts): boolean {
  const writer = { organisationId: entry.organisationId, domainId: entry.secrecyDomainId };
  return readable.some((c) => c.categories.includes(category) && consentNames(c, writer) && !consentExcludes(c, category, entry));
}

/** What an emergency access shows: the record, its team and consents always (who to call), an information category only when its ground opens it. */
export function emergencyOpens(access: Pick<EmergencyAccessFacts, 'legalGroundCode'>, category: AccessCategory): boolean {
  if (category === 'record' || category === 'care_team' || category === 'consent') return true;
  return (emergencyGroundOpens[access.legalGroundCode] ?? []).some((c) => c === category);
}
