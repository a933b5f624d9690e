import type { CareTeamFacts, AccessContext, AccessPurpose, PolicyActor, PolicyChild } from './policy.ts';
import { holdsRole } from './membership.ts';
import { ageOn } from './consent.ts';
import { stockholmDate } from '../time/stockholm.ts';

/**
 * What an allowed caller may see beyond the bare record. A protected identity (name, address,
 * school, contacts) is shown only to a team member who opened the record on purpose, and to the
 * child; a protected guardian only to that team member, never to the family, since the
 * protection may be from someone in it.
 */
export interface AccessFields {
  protectedIdentity: boolean;
  protectedGuardians: boolean;
}

export const noFields: AccessFields = { protectedIdentity: false, protectedGuardians: false };

/**
 * The actions a caller may take on this child's record, as the server will allow them; the
 * web app offers exactly these.
 * - `change_team`: add or end members (the named person and the lead professional);
 * - `hand_over`: propose a handover of the named person (the named person, while none is pending);
 * - `withdraw_handover`: take back the pending handover one proposed (its proposer);
 * - `record_consent`: record a written or verbal consent on the family's behalf (the named
 *   person or the lead professional, unless their own place rests on a consent);
 * - `record_withdrawal`: record a withdrawal said to them (any member: it only narrows);
 * - `record_disclosure`: enter a disclosure or a decision not to share in the ledger (any member);
 * - `open_emergency_access`: a professional without a basis;
 * - `give_consent`: a guardian, or the child from the age their own consent counts;
 * - `review_log`: a unit manager or coordinator whose organisation works with the child;
 * - `export_fhir`: take the child's shared data out as a FHIR R4 bundle (any current member:
 *   the bundle holds only what the member may read; never emergency access, whose reads are
 *   for the emergency, nor the family, who have the register extract).
 */
export const childActions = ['change_team', 'hand_over', 'withdraw_handover', 'record_consent', 'record_withdrawal', 'record_disclosure', 'open_emergency_access', 'give_consent', 'review_log', 'export_fhir'] as const;
export type ChildAction = (typeof childActions)[number];

export type Standing =
  | { kind: 'citizen'; guardian: boolean }
  | { kind: 'member'; member: CareTeamFacts }
  | { kind: 'emergency' }
  | { kind: 'none' };

/**
 * A professional: someone who holds the professional role somewhere, granted by someone else.
 * Only professionals search for children, and one without a basis may open emergency access.
 */
export function isProfessional(actor: PolicyActor): boolean {
  return actor.roles.some((r) => r.role === 'professional' && holdsRole(actor, r.organisationId, 'professional'));
}

export function fieldsFor(standing: Standing, purpose: AccessPurpose | undefined): AccessFields {
  if (standing.kind === 'member') {
    const opened = purpose === 'open_record';
    return { protectedIdentity: opened, protectedGuardians: opened };
  }
  if (standing.kind === 'citizen') return { protectedIdentity: !standing.guardian, protectedGuardians: false };
  return noFields;
}

export function actionsFor(standing: Standing, actor: PolicyActor | undefined, child: PolicyChild, context: Pick<AccessContext, 'now' | 'rules'>): ChildAction[] {
  if (standing.kind === 'citizen') {
    const age = ageOn(child.birthDate, stockholmDate(context.now));
    return standing.guardian || age >= context.rules.childConsentFromAge ? ['give_consent'] : [];
  }
  if (standing.kind === 'emergency') return [];
  if (standing.kind === 'none') return actor && isProfessional(actor) ? ['open_emergency_access'] : [];
  const { member } = standing;
  const coordinates = member.role === 'named_person' || member.role === 'lead_professional';
  const actions: ChildAction[] = [];
  if (coordinates) actions.push('change_team');
  const pending = child.pendingHandover ?? null;
  if (member.role === 'named_person' && pending === null) actions.push('hand_over');
  if (pending !== null && pending.proposedBy === member.userId) actions.push('withdraw_handover');
  if (coordinates && member.basis !== 'consent') actions.push('record_consent');
  actions.push('record_withdrawal', 'record_disclosure', 'export_fhir');
  return actions;
}
