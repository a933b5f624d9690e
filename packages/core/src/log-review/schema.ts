import { z } from 'zod';
import { Id } from '../organisations/schema.ts';
import { AccessBasis } from '../children/schema.ts';

// Schemas of the log-review area (loggkontroll), shared by server and web.
export * from './outliers.ts';
export * from './scope.ts';

/** Filters of a log review; `from` and `to` are Stockholm calendar days, both included. */
export const LogReviewQuery = z.object({
  userId: Id.optional(),
  childId: Id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  basis: AccessBasis.optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  flagged: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type LogReviewQuery = z.infer<typeof LogReviewQuery>;
export type LogReviewFilters = Omit<LogReviewQuery, 'page' | 'pageSize'>;

/**
 * Why an entry is highlighted for the reviewer: an emergency access, a protected identity, an
 * outlier's entry, a consent a professional recorded on the family's behalf, or a look in a
 * session that began with a password an administrator reset.
 */
export const logReviewFlags = ['emergency_access', 'protected_identity', 'outlier', 'consent_recorded_by_professional', 'password_reset_session'] as const;
export const LogReviewFlag = z.enum(logReviewFlags);
export type LogReviewFlag = z.infer<typeof LogReviewFlag>;

/**
 * One audited access to a child; never the child's name, and no number at all for a protected
 * identity. An entry about a child the reviewer may not review (the gate's `review_log`) is shown
 * without the child: no id, no number and no reason (free text), so paging and totals stay true.
 */
export const LogReviewEntry = z.object({
  seq: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ id: Id.nullable(), name: z.string().nullable(), username: z.string().nullable() }),
  child: z.object({ id: Id.nullable(), identityNumber: z.string().nullable(), protectedIdentity: z.boolean() }),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  basis: AccessBasis.nullable(),
  category: z.string().nullable(),
  reason: z.string().nullable(),
  flags: z.array(LogReviewFlag),
});
export type LogReviewEntry = z.infer<typeof LogReviewEntry>;

export const LogReviewOutlier = z.object({
  userId: Id,
  name: z.string().nullable(),
  username: z.string().nullable(),
  distinctChildren: z.number().int(),
});

export const LogReviewResult = z.object({
  entries: z.array(LogReviewEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Users in the reviewer's scope who opened many more records in the period than their peers. */
  outliers: z.array(LogReviewOutlier),
  outlierThreshold: z.number().nullable(),
});
export type LogReviewResult = z.infer<typeof LogReviewResult>;
export * from './csv.ts';
