import { z } from 'zod';
import { CareTeamRole } from '../children/schema.ts';
import { CareTeamMemberView, PersonName } from '../children/record.ts';

// Schemas of the care-team area (members and the named person's handover), shared by server
// and web; its pure rules travel with them.

export const CareTeamParams = z.object({ id: z.uuid() });
export const CareTeamMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });
export const CareTeamQuery = z.object({
  /** `true`: every membership there has been, ended ones included. */
  history: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/** What lets a member onto the team. */
export const TeamBasisInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own_organisation') }),
  z.object({ kind: z.literal('consent'), consentId: z.uuid() }),
  z.object({ kind: z.literal('legal_duty'), legalGroundCode: z.string().min(1).max(100) }),
]);
export type TeamBasisInput = z.infer<typeof TeamBasisInput>;

export const CareTeamAddInput = z.object({
  userId: z.uuid(),
  organisationId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  role: CareTeamRole,
  basis: TeamBasisInput,
});
export type CareTeamAddInput = z.infer<typeof CareTeamAddInput>;

const UserRef = z.object({ id: z.uuid(), displayName: z.string() });

/** One membership, current or ended: the team's history is these rows. */
export const CareTeamEntry = CareTeamMemberView.extend({
  unitId: z.uuid().nullable(),
  consentId: z.uuid().nullable(),
  legalGroundCode: z.string().nullable(),
  current: z.boolean(),
  addedBy: UserRef.nullable(),
  endedBy: UserRef.nullable(),
});
export type CareTeamEntry = z.infer<typeof CareTeamEntry>;

export const CareTeamList = z.object({ members: z.array(CareTeamEntry) });

/** The named person's life stages: maternity care → child health care → preschool → school → youth follow-up. */
export const lifeStages = ['maternity_care', 'child_health_care', 'preschool', 'school', 'youth_follow_up'] as const;
export const LifeStage = z.enum(lifeStages);
export type LifeStage = z.infer<typeof LifeStage>;

export const handoverStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const HandoverStatus = z.enum(handoverStatuses);
export type HandoverStatus = z.infer<typeof HandoverStatus>;

export const HandoverInput = z.object({
  toUserId: z.uuid(),
  toOrganisationId: z.uuid(),
  lifeStage: LifeStage,
  note: z.string().trim().min(1).max(2000).optional(),
  /**
   * What lets the receiver onto the team, as for any member: a receiver from another
   * organisation needs a consent that reaches it or a legal ground. Left out, the proposer's
   * own organisation, which is weighed like any other basis.
   */
  basis: TeamBasisInput.default({ kind: 'own_organisation' }),
  /**
   * What becomes of the named person handing over when the receiver accepts: stays on the team as
   * a member, or leaves it. Required when the child has a named person (nobody is silently removed).
   */
  previousNamedPerson: z.enum(['stays_member', 'leaves']).optional(),
});
export type HandoverInput = z.infer<typeof HandoverInput>;

export const HandoverParams = z.object({ id: z.uuid() });
export const HandoverQuery = z.object({ status: z.enum([...handoverStatuses, 'all']).default('pending') });

export const HandoverView = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  /** Only when the caller's basis allows reading the record; the receiver is often not yet in the team. */
  childName: PersonName.nullable(),
  lifeStage: LifeStage,
  from: UserRef.nullable(),
  to: UserRef,
  toOrganisation: z.object({ id: z.uuid(), name: z.string() }),
  /** The receiver's basis for joining the team, weighed at the proposal and again at acceptance. */
  basis: CareTeamMemberView.shape.basis,
  consentId: z.uuid().nullable(),
  legalGroundCode: z.string().nullable(),
  note: z.string().nullable(),
  proposedBy: UserRef,
  proposedAt: z.iso.datetime(),
  status: HandoverStatus,
  acceptedAt: z.iso.datetime().nullable(),
  declinedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnBy: UserRef.nullable(),
  /** Whether the named person handing over stays on the team as a member; null when there was none. */
  previousStaysMember: z.boolean().nullable(),
  /** Whether the caller proposed it (and, while it is pending, may withdraw it). */
  proposedByCaller: z.boolean(),
});
export type HandoverView = z.infer<typeof HandoverView>;

export const HandoverList = z.object({ handovers: z.array(HandoverView) });

/** The child's pending handover, as the record shows it to its team. */
export const PendingHandover = z.object({ handover: HandoverView.nullable() });
export type PendingHandover = z.infer<typeof PendingHandover>;

/** A search finds nobody with fewer characters than this: too wide to be a search for someone. */
export const candidateQueryMinLength = 2;

/**
 * Finding colleagues to add to the team or hand over to, by name, username, title, organisation or
 * unit (every word must match one of them). A shorter text is not refused but finds nobody, so
 * the gate still answers (and logs) every call.
 */
export const CareTeamCandidateQuery = z.object({ query: z.string().trim().max(100).default('') });
export type CareTeamCandidateQuery = z.infer<typeof CareTeamCandidateQuery>;

/** Which bases would let this person join the team for this organisation. */
export const CandidateBases = z.object({
  ownOrganisation: z.boolean(),
  /** Consents in force, given by someone whose consent counts, that name the organisation. */
  consentIds: z.array(z.uuid()),
  /** Always possible: the adder then names a legal ground, and the server weighs it. */
  legalDuty: z.boolean(),
});
export type CandidateBases = z.infer<typeof CandidateBases>;

/** One place a candidate works as a professional: organisation, unit and the bases open there. */
export const CandidatePlace = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  bases: CandidateBases,
});
export type CandidatePlace = z.infer<typeof CandidatePlace>;

export const CareTeamCandidate = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  username: z.string(),
  title: z.string().nullable(),
  /** Already a current member of the child's team. */
  inTeam: z.boolean(),
  places: z.array(CandidatePlace),
});
export type CareTeamCandidate = z.infer<typeof CareTeamCandidate>;

/** At most a page of candidates; `more` says that others match too (the user narrows the search). */
export const CareTeamCandidateList = z.object({ candidates: z.array(CareTeamCandidate), more: z.boolean() });
export type CareTeamCandidateList = z.infer<typeof CareTeamCandidateList>;
export type HandoverList = z.infer<typeof HandoverList>;
