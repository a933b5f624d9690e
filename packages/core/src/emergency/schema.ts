import { z } from 'zod';
import { Id } from '../organisations/schema.ts';

// Schemas of the emergency area (nödåtkomst), shared by server and web.

/** Opening emergency access: a stated reason and a legal ground of kind `emergency`. */
export const EmergencyAccessOpen = z.object({
  reason: z.string().trim().min(10).max(2000),
  legalGroundCode: z.string().trim().min(1).max(100),
});
export type EmergencyAccessOpen = z.infer<typeof EmergencyAccessOpen>;

/**
 * Emergency access from a search: a refused search never gives the record's id, so the access is
 * opened by the identity number searched for.
 */
export const EmergencyAccessByNumber = EmergencyAccessOpen.extend({ identityNumber: z.string().trim().min(1).max(20) });
export type EmergencyAccessByNumber = z.infer<typeof EmergencyAccessByNumber>;

export const emergencyReviewOutcomes = ['justified', 'unjustified'] as const;
export const EmergencyReviewOutcome = z.enum(emergencyReviewOutcomes);
export type EmergencyReviewOutcome = z.infer<typeof EmergencyReviewOutcome>;

/** The unit manager's (or coordinator's) judgement of one emergency access; set once. */
export const EmergencyReviewInput = z.object({
  outcome: EmergencyReviewOutcome,
  comment: z.string().trim().min(1).max(2000),
});
export type EmergencyReviewInput = z.infer<typeof EmergencyReviewInput>;

export const EmergencyReviewQuery = z.object({
  status: z.enum(['pending', 'reviewed']).default('pending'),
});

export const EmergencyAccessParams = z.object({ id: Id });

export const LegalGroundView = z.object({ code: z.string(), title: z.string(), reference: z.string() });
export type LegalGroundView = z.infer<typeof LegalGroundView>;

/** An emergency ground as the form offers it to this opener: with its one-line explanation, in the reader's language. */
export const EmergencyLegalGround = LegalGroundView.extend({ explanation: z.string() });
export type EmergencyLegalGround = z.infer<typeof EmergencyLegalGround>;
export const EmergencyLegalGroundList = z.object({ grounds: z.array(EmergencyLegalGround), sector: z.string().nullable() });
export type EmergencyLegalGroundList = z.infer<typeof EmergencyLegalGroundList>;

/** Whether a ground fits the sector of the unit the opener works at: a ground naming no sector fits every one. */
export function groundFitsSector(ground: { sectors: readonly string[] }, sector: string | null): boolean {
  return ground.sectors.length === 0 || (sector !== null && ground.sectors.includes(sector));
}

/**
 * One emergency access as the opener and the reviewers see it. The child appears by id and
 * masked identity number; a protected identity shows neither name nor number.
 */
export const EmergencyAccessView = z.object({
  id: Id,
  child: z.object({ id: Id, identityNumber: z.string().nullable(), protectedIdentity: z.boolean() }),
  user: z.object({ id: Id, name: z.string(), username: z.string(), title: z.string().nullable() }),
  organisation: z.object({ id: Id, name: z.string() }),
  unit: z.object({ id: Id, name: z.string() }).nullable(),
  reason: z.string(),
  /** `title` in the request's language; both titles, so a page switching language need not ask again. */
  legalGround: LegalGroundView.extend({ titleSv: z.string(), titleEn: z.string() }),
  startsAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  active: z.boolean(),
  review: z
    .object({ outcome: EmergencyReviewOutcome, comment: z.string().nullable(), reviewedAt: z.iso.datetime(), reviewer: z.object({ id: Id, name: z.string() }) })
    .nullable(),
});
export type EmergencyAccessView = z.infer<typeof EmergencyAccessView>;

/** When an emergency access opened at `startsAt` ends. */
export function emergencyAccessExpiry(startsAt: Date, hours: number): Date {
  return new Date(startsAt.getTime() + hours * 3_600_000);
}
