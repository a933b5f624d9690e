import type { CareTeamRole } from '../children/schema.ts';
import type { ConsentFacts, ConsentRules } from '../access/consent.ts';
import { consentReaches } from '../consent/policy.ts';
import { legalGroundInForce, type LegalGroundFacts } from '../sharing/policy.ts';
import type { CandidateBases, TeamBasisInput } from './schema.ts';

/** The kinds of legal ground that let a member from another organisation onto the team without consent. */
export const teamGroundKinds: readonly LegalGroundFacts['kind'][] = ['care_team', 'duty_to_report', 'necessary_disclosure'];

/** Roles held by one person at a time. */
const singleHolderRoles: readonly CareTeamRole[] = ['named_person', 'lead_professional'];

export type TeamAdditionRefusal =
  | 'not_a_professional_there'
  | 'already_in_team'
  | 'role_taken'
  | 'own_organisation_mismatch'
  | 'unknown_consent'
  | 'consent_does_not_cover'
  | 'unknown_legal_ground'
  | 'legal_ground_not_applicable';

export interface TeamAdditionFacts {
  /** The organisation the adder sits on the team for. */
  adderOrganisationId: string;
  candidate: { userId: string; organisationId: string; professionalOrganisationIds: readonly string[]; /** The secrecy domain of the unit they join from. */ domainId: string | null };
  role: CareTeamRole;
  basis: TeamBasisInput;
  /** The memberships current now. */
  currentTeam: readonly { userId: string; role: CareTeamRole }[];
  /** The named consent or ground, when it exists (a consent only when it is this child's). */
  consent?: ConsentFacts | undefined;
  legalGround?: LegalGroundFacts | undefined;
  child: { birthDate: string; guardianCount: number };
  rules: ConsentRules;
  now: Date;
  today: string;
}

/**
 * Whether a member may be added. The person must work as a professional in the organisation
 * they join for, must not already be in the team (a role change ends the old membership
 * first), and a named person or lead professional must be the only one. The basis must hold:
 * `own_organisation` only for the adder's own organisation; `consent` only with a consent in
 * force that reaches the member's organisation; `legal_duty` only with a ground in force of a
 * kind that allows it.
 */
export function decideTeamAddition(f: TeamAdditionFacts): { ok: true } | { ok: false; reason: TeamAdditionRefusal } {
  const refuse = (reason: TeamAdditionRefusal) => ({ ok: false as const, reason });
  if (!f.candidate.professionalOrganisationIds.includes(f.candidate.organisationId)) return refuse('not_a_professional_there');
  if (f.currentTeam.some((m) => m.userId === f.candidate.userId)) return refuse('already_in_team');
  if (singleHolderRoles.includes(f.role) && f.currentTeam.some((m) => m.role === f.role)) return refuse('role_taken');
  switch (f.basis.kind) {
    case 'own_organisation':
      return f.candidate.organisationId === f.adderOrganisationId ? { ok: true } : refuse('own_organisation_mismatch');
    case 'consent':
      if (!f.consent) return refuse('unknown_consent');
      return consentReaches(f.consent, f.candidate, f.child, f.rules, f.now) ? { ok: true } : refuse('consent_does_not_cover');
    case 'legal_duty':
      if (!f.legalGround) return refuse('unknown_legal_ground');
      return teamGroundKinds.includes(f.legalGround.kind) && legalGroundInForce(f.legalGround, f.today) ? { ok: true } : refuse('legal_ground_not_applicable');
  }
}

/**
 * The bases open for adding a person to the team for one organisation, by the same rule as the
 * addition itself (`decideTeamAddition`), asked for each basis. Membership and role are left
 * out: the question is what could carry the person there, not whether a seat is free.
 */
export function possibleTeamBases(
  f: Pick<TeamAdditionFacts, 'adderOrganisationId' | 'child' | 'rules' | 'now' | 'today'> & {
    candidate: TeamAdditionFacts['candidate'];
    consents: readonly ConsentFacts[];
  },
): CandidateBases {
  const allows = (basis: TeamBasisInput, consent?: ConsentFacts) =>
    decideTeamAddition({ ...f, role: 'member', basis, currentTeam: [], consent }).ok;
  return {
    ownOrganisation: allows({ kind: 'own_organisation' }),
    consentIds: f.consents.filter((c) => allows({ kind: 'consent', consentId: c.id }, c)).map((c) => c.id),
    legalDuty: f.candidate.professionalOrganisationIds.includes(f.candidate.organisationId),
  };
}

/**
 * Whether accepting a handover ends this membership: it ends every named person's (the one
 * handing over, or one added while it waited) and any earlier one of the receiver (a role
 * change is an end and an add).
 */
export function endsAtHandover(member: { userId: string; role: CareTeamRole }, receiverUserId: string): boolean {
  return member.role === 'named_person' || member.userId === receiverUserId;
}

/** An addition's facts for a handover: the proposer is the adder, the receiver the candidate, the team the current one. */
export type HandoverBasisFacts = Omit<TeamAdditionFacts, 'role'>;

/**
 * Whether the receiver may join the team as named person on the basis stated: the rule of any
 * addition (`decideTeamAddition`), on the team as the handover leaves it. A receiver from
 * another organisation thus needs a consent that reaches it or a legal ground, as any member
 * from there does.
 */
export function decideHandoverBasis(f: HandoverBasisFacts): { ok: true } | { ok: false; reason: TeamAdditionRefusal } {
  const currentTeam = f.currentTeam.filter((m) => !endsAtHandover(m, f.candidate.userId));
  return decideTeamAddition({ ...f, role: 'named_person', currentTeam });
}

/**
 * Whether the basis a handover was proposed on still holds when the receiver accepts: a consent
 * may have been withdrawn or have run out since, a legal ground may have ceased to apply. The
 * own organisation was settled at the proposal (the receiving organisation was the proposer's)
 * and cannot lapse, so it is weighed with the receiving organisation as the adder's.
 */
export function decideHandoverBasisAtAcceptance(f: Omit<HandoverBasisFacts, 'adderOrganisationId'>): { ok: true } | { ok: false; reason: TeamAdditionRefusal } {
  return decideHandoverBasis({ ...f, adderOrganisationId: f.candidate.organisationId });
}

export type HandoverRefusal =
  | 'not_named_person'
  | 'receiver_not_professional_there'
  | 'receiver_is_named_person'
  | 'handover_pending'
  | 'not_receiver'
  | 'not_pending'
  | 'not_proposer'
  | 'previous_named_person_choice_required';

export interface HandoverProposalFacts {
  proposer: { userId: string; teamRole: CareTeamRole };
  currentNamedPersonUserId: string | null;
  receiver: { userId: string; professionalOrganisationIds: readonly string[] };
  toOrganisationId: string;
  pendingExists: boolean;
  /** What the proposer chose for the named person handing over (see `HandoverInput`). */
  previousNamedPerson?: 'stays_member' | 'leaves' | undefined;
}

/**
 * The current named person hands over to the next; when the child has none, the lead
 * professional may propose one. The receiver must work as a professional in the receiving
 * organisation, and one handover at a time is pending.
 */
export function decideHandoverProposal(f: HandoverProposalFacts): { ok: true } | { ok: false; reason: HandoverRefusal } {
  const mayPropose = f.currentNamedPersonUserId === null ? f.proposer.teamRole !== 'member' : f.currentNamedPersonUserId === f.proposer.userId;
  if (!mayPropose) return { ok: false, reason: 'not_named_person' };
  if (f.receiver.userId === f.currentNamedPersonUserId) return { ok: false, reason: 'receiver_is_named_person' };
  if (!f.receiver.professionalOrganisationIds.includes(f.toOrganisationId)) return { ok: false, reason: 'receiver_not_professional_there' };
  if (f.pendingExists) return { ok: false, reason: 'handover_pending' };
  if (f.currentNamedPersonUserId !== null && f.previousNamedPerson === undefined) return { ok: false, reason: 'previous_named_person_choice_required' };
  return { ok: true };
}

type HandoverDates = { acceptedAt: Date | null; declinedAt: Date | null; withdrawnAt?: Date | null };

/** Only its proposer withdraws a handover, and only while it is pending. */
export function decideHandoverWithdrawal(f: { actorUserId: string; handover: HandoverDates & { proposedBy: string } }): { ok: true } | { ok: false; reason: HandoverRefusal } {
  if (f.actorUserId !== f.handover.proposedBy) return { ok: false, reason: 'not_proposer' };
  if (handoverStatus(f.handover) !== 'pending') return { ok: false, reason: 'not_pending' };
  return { ok: true };
}

/** Only the receiver answers a pending handover, and accepts only while still working in the receiving organisation. */
export function decideHandoverAnswer(f: {
  actorUserId: string;
  answer: 'accept' | 'decline';
  handover: HandoverDates & { toUserId: string; toOrganisationId: string };
  actorProfessionalOrganisationIds: readonly string[];
}): { ok: true } | { ok: false; reason: HandoverRefusal } {
  if (f.actorUserId !== f.handover.toUserId) return { ok: false, reason: 'not_receiver' };
  if (handoverStatus(f.handover) !== 'pending') return { ok: false, reason: 'not_pending' };
  if (f.answer === 'accept' && !f.actorProfessionalOrganisationIds.includes(f.handover.toOrganisationId)) return { ok: false, reason: 'receiver_not_professional_there' };
  return { ok: true };
}

export function handoverStatus(h: HandoverDates): 'pending' | 'accepted' | 'declined' | 'withdrawn' {
  if (h.acceptedAt) return 'accepted';
  if (h.declinedAt) return 'declined';
  return h.withdrawnAt ? 'withdrawn' : 'pending';
}

/** The named person handing over stays on as a member: their named-person membership ends and a member's starts. */
export function staysAsMember(member: { userId: string; role: CareTeamRole }, h: { receiverUserId: string; previousUserId: string | null; previousStaysMember: boolean | null }): boolean {
  return member.role === 'named_person' && member.userId === h.previousUserId && member.userId !== h.receiverUserId && h.previousStaysMember === true;
}
