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

/** The named person's life stages: maternity care → child health care → school → youth follow-up. */
export const lifeStages = ['maternity_care', 'child_health_care', 'school', 'youth_follow_up'] as const;
export const LifeStage = z.enum(lifeStages);
export type LifeStage = z.infer<typeof LifeStage>;

export const handoverStatuses = ['pending', 'accepted', 'declined'] as const;
export const HandoverStatus = z.enum(handoverStatuses);
export type HandoverStatus = z.infer<typeof HandoverStatus>;

export const HandoverInput = z.object({
  toUserId: z.uuid(),
  toOrganisationId: z.uuid(),
  lifeStage: LifeStage,
  note: z.string().trim().min(1).max(2000).optional(),
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
  note: z.string().nullable(),
  proposedBy: UserRef,
  proposedAt: z.iso.datetime(),
  status: HandoverStatus,
  acceptedAt: z.iso.datetime().nullable(),
  declinedAt: z.iso.datetime().nullable(),
});
export type HandoverView = z.infer<typeof HandoverView>;

export const HandoverList = z.object({ handovers: z.array(HandoverView) });
