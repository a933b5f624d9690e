import { z } from 'zod';
import { SecrecyDomainKind } from '../secrecy/domains.ts';

// Schemas of the retention area (gallring), shared by server and web.

/** What a rule erases: record entries, the sharing ledger, or the audit log's oldest entries. */
export const retentionCategories = ['record_entry', 'disclosure', 'audit_log'] as const;
export const RetentionCategory = z.enum(retentionCategories);
export type RetentionCategory = z.infer<typeof RetentionCategory>;

/** Where a period counts from: the child's last activity in Samsyn, or the row's own time. */
export const RetentionStartsFrom = z.enum(['child_last_activity', 'recorded']);
export type RetentionStartsFrom = z.infer<typeof RetentionStartsFrom>;

export const RetentionRule = z.object({
  id: z.string(),
  category: RetentionCategory,
  /** Null: every secrecy domain kind without a rule of its own. */
  secrecyDomainKind: SecrecyDomainKind.nullable(),
  startsFrom: RetentionStartsFrom,
  defaultYears: z.number().int(),
  /** The organisation's own decision; null: the default holds. */
  years: z.number().int().nullable(),
  /** What holds now: `years`, else `defaultYears`. */
  effectiveYears: z.number().int(),
  legalReference: z.string(),
  updatedAt: z.iso.datetime().nullable(),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

export const RetentionRuleParams = z.object({ id: z.string().min(1).max(100) });
/** A new period in whole years, or null to go back to the default. */
export const RetentionRuleUpdate = z.object({ years: z.number().int().min(1).max(100).nullable() }).strict();

/** Why the audit log's expired entries were not erased in a run. */
export const auditErasureSkips = ['nothing_expired', 'no_checkpoint', 'chain_broken'] as const;
export const AuditErasureSkip = z.enum(auditErasureSkips);
export type AuditErasureSkip = z.infer<typeof AuditErasureSkip>;

/** One rule's share of a dry run or a run: how much goes, and the range of its times. */
export const RetentionPlanItem = z.object({
  ruleId: z.string(),
  category: RetentionCategory,
  secrecyDomainKind: SecrecyDomainKind.nullable(),
  years: z.number().int(),
  legalReference: z.string(),
  /** Rows recorded before this (or of children inactive since before it) have passed their time. */
  cutoff: z.iso.datetime(),
  count: z.number().int(),
  oldest: z.iso.datetime().nullable(),
  newest: z.iso.datetime().nullable(),
  /** The audit log: the entries 1..throughSeq that go (cut at a signed checkpoint), or why none go. */
  throughSeq: z.string().nullable(),
  skipped: AuditErasureSkip.nullable(),
});
export type RetentionPlanItem = z.infer<typeof RetentionPlanItem>;

/** What would go (a dry run) or what went (a run). Ids and dates only, never content. */
export const RetentionPlan = z.object({
  at: z.iso.datetime(),
  dryRun: z.boolean(),
  runId: z.string().nullable(),
  items: z.array(RetentionPlanItem),
  total: z.number().int(),
});
export type RetentionPlan = z.infer<typeof RetentionPlan>;

export const RetentionTombstone = z.object({
  id: z.string(),
  ruleId: z.string(),
  category: z.string(),
  subject: z.string(),
  recordedAt: z.iso.datetime().nullable(),
  erasedAt: z.iso.datetime(),
});
export type RetentionTombstone = z.infer<typeof RetentionTombstone>;

export const RetentionTombstoneQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const RetentionTombstoneList = z.object({
  tombstones: z.array(RetentionTombstone),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RetentionTombstoneList = z.infer<typeof RetentionTombstoneList>;

/** The one rule for a category and domain kind: the kind's own, else the category's catch-all. */
export function ruleFor<T extends { category: string; secrecyDomainKind: string | null }>(rules: readonly T[], category: RetentionCategory, kind: string | null): T | undefined {
  return rules.find((r) => r.category === category && r.secrecyDomainKind === kind) ?? rules.find((r) => r.category === category && r.secrecyDomainKind === null);
}

/** `years` whole years before `now` (calendar years, UTC). */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}
