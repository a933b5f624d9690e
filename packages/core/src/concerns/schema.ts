import { z } from 'zod';
import { AccessBasis } from '../children/schema.ts';
import { wellbeingAreaSchema } from '../wellbeing/areas.ts';

/** How serious a concern (oro) is, in the practitioner's judgement: stable codes, labels are translations. */
export const concernLevels = ['observation', 'concern', 'serious_concern'] as const;
export const ConcernLevel = z.enum(concernLevels);
export type ConcernLevel = z.infer<typeof ConcernLevel>;

/** Where the concern came from. */
export const concernSources = ['own_observation', 'child', 'guardian', 'other_person'] as const;
export const ConcernSource = z.enum(concernSources);
export type ConcernSource = z.infer<typeof ConcernSource>;

/** A concern as a professional records it: the wheel areas it touches, what was seen, how serious, from whom. */
export const ConcernInput = z.object({
  areas: z.array(wellbeingAreaSchema).min(1).max(8).refine((a) => new Set(a).size === a.length, { message: 'duplicate_area' }),
  description: z.string().trim().min(1).max(4000),
  level: ConcernLevel,
  source: ConcernSource,
  /** The day it was seen or told; today when left out. Never in the future. */
  occurredOn: z.iso.date().optional(),
});
export type ConcernInput = z.infer<typeof ConcernInput>;

export const ConcernView = z.object({
  id: z.uuid(),
  areas: z.array(wellbeingAreaSchema),
  description: z.string(),
  level: ConcernLevel,
  source: ConcernSource,
  occurredOn: z.iso.date(),
  recordedAt: z.iso.datetime(),
  authorName: z.string(),
  organisationName: z.string(),
  /** The secrecy domain it was written in. */
  secrecyDomainName: z.string(),
  /** Why the caller may read it: their own domain, or a consent. */
  basis: AccessBasis,
});
export type ConcernView = z.infer<typeof ConcernView>;

/**
 * The concerns the caller's basis allows, newest first. Concerns the caller may not read are
 * left out without a trace: no count, no date, no author.
 */
export const ConcernList = z.object({
  concerns: z.array(ConcernView),
  /** Whether concerns written in other secrecy domains can be shared with the caller at all (a consent covers them). */
  sharedFromOthers: z.boolean(),
  /** The gate's answer to whether the caller may record a concern (a team member with a secrecy domain). */
  mayRecord: z.boolean(),
});
export type ConcernList = z.infer<typeof ConcernList>;
