import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { endOfStockholmDay, startOfStockholmDay, type LogReviewFilters, type ReviewScope } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { childLooks } from '../audit/child-looks.ts';

type From = ExpressionBuilder<DB & { a: DB['audit_log']; c: DB['child'] }, 'a' | 'c'>;

const basisOf = sql<string | null>`a.details ->> 'basis'`;

/** Entries about children by people in the reviewer's scope: their units' staff, or their organisations'. */
function inScope(eb: From, scope: ReviewScope) {
  const parts = [];
  if (scope.unitIds.length > 0) {
    parts.push(eb('a.actor_id', 'in', eb.selectFrom('user_role').select('user_role.user_id').where('user_role.unit_id', 'in', scope.unitIds)));
  }
  if (scope.organisationIds.length > 0) {
    parts.push(eb('a.organisation_id', 'in', scope.organisationIds));
    parts.push(eb('a.actor_id', 'in', eb.selectFrom('user_role').select('user_role.user_id').where('user_role.organisation_id', 'in', scope.organisationIds)));
  }
  return eb.or(parts);
}

function inPeriod(eb: From, filters: Pick<LogReviewFilters, 'from' | 'to'>) {
  const parts = [];
  if (filters.from) parts.push(eb('a.at', '>=', startOfStockholmDay(filters.from)));
  if (filters.to) parts.push(eb('a.at', '<', endOfStockholmDay(filters.to)));
  return eb.and(parts);
}

/** A consent a professional recorded on the family's behalf (the consent service names them in the entry). */
const consentByProfessional = sql<boolean>`(a.action = 'child.consent.give' AND a.details ->> 'recordedByProfessional' IS NOT NULL)`;
/** A look in a session that began with a password an administrator reset (the gate names the administrator). */
const passwordResetSession = sql<boolean>`(a.details ->> 'passwordResetBy' IS NOT NULL)`;

/** Emergency access, a protected identity, an outlier's entry, a consent by a professional, or a reset password's session. */
function flaggedEntry(eb: From, outlierIds: readonly string[]) {
  const parts = [
    eb(basisOf, '=', 'emergency'),
    eb(sql<string>`a.action`, '=', 'child.emergency_access.open'),
    eb('c.protected_identity', 'is not', null),
    eb(consentByProfessional, '=', true),
    eb(passwordResetSession, '=', true),
  ];
  if (outlierIds.length > 0) parts.push(eb('a.actor_id', 'in', outlierIds));
  return eb.or(parts);
}

/**
 * The actions of log review's own looks, one per child shown: they are looks at the log, not the
 * record, and stay in the child's access log and the audit trail; left out here, or each page
 * viewed would push the next one down by the children it showed.
 */
export const ownLooks = ['child.log_review.search', 'child.log_review.export'] as const;

function childEntries(db: Kysely<DB>, scope: ReviewScope, childId?: string) {
  return db
    .selectFrom(childLooks(db, childId).as('a'))
    .leftJoin('child as c', (join) => join.on(sql<boolean>`c.id::text = a.subject_id`))
    .where('a.action', 'not in', ownLooks)
    .where((eb) => inScope(eb, scope));
}

function filtered(db: Kysely<DB>, scope: ReviewScope, filters: LogReviewFilters, outlierIds: readonly string[]) {
  return childEntries(db, scope, filters.childId ?? undefined).where((eb) => {
    const parts = [inPeriod(eb, filters)];
    if (filters.userId) parts.push(eb('a.actor_id', '=', filters.userId));
    if (filters.childId) parts.push(eb('a.subject_id', '=', filters.childId));
    if (filters.basis) parts.push(eb(basisOf, '=', filters.basis));
    if (filters.outcome) parts.push(eb('a.outcome', '=', filters.outcome));
    if (filters.flagged === true) parts.push(flaggedEntry(eb, outlierIds));
    if (filters.flagged === false) parts.push(eb.not(flaggedEntry(eb, outlierIds)));
    return eb.and(parts);
  });
}

/** How many distinct children each user in scope opened in the period: the outlier test's input. */
export async function distinctChildrenPerUser(db: Kysely<DB>, scope: ReviewScope, period: Pick<LogReviewFilters, 'from' | 'to'>) {
  const rows = await childEntries(db, scope)
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .where((eb) => inPeriod(eb, period))
    .where('a.outcome', '=', 'success')
    .where('a.actor_id', 'is not', null)
    // Opening records is what is compared; reviewing a child's log (the queue, the access log) is a duty.
    .where((eb) => eb.or([eb(sql<string | null>`a.details ->> 'category'`, 'is', null), eb(sql<string | null>`a.details ->> 'category'`, '!=', 'access_log')]))
    .select(['a.actor_id', 'u.display_name', 'u.username', sql<string>`count(DISTINCT a.subject_id)`.as('n')])
    .groupBy(['a.actor_id', 'u.display_name', 'u.username'])
    .execute();
  return rows.map((r) => ({ userId: r.actor_id as string, name: r.display_name, username: r.username, count: Number(r.n) }));
}

export async function countEntries(db: Kysely<DB>, scope: ReviewScope, filters: LogReviewFilters, outlierIds: readonly string[]): Promise<number> {
  const row = await filtered(db, scope, filters, outlierIds).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEntries(db: Kysely<DB>, scope: ReviewScope, filters: LogReviewFilters, outlierIds: readonly string[], page: { limit: number; offset: number }) {
  return filtered(db, scope, filters, outlierIds)
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .select([
      sql<string>`a.seq::text`.as('seq'),
      'a.at', 'a.actor_id', 'a.actor_username', 'u.display_name', 'a.subject_id', 'c.identity_number', 'c.protected_identity', 'a.action', 'a.outcome',
      basisOf.as('basis'),
      sql<string | null>`a.details ->> 'category'`.as('category'),
      sql<string | null>`a.details ->> 'reason'`.as('reason'),
      consentByProfessional.as('consent_by_professional'),
      passwordResetSession.as('password_reset_session'),
    ])
    .orderBy('a.seq', 'desc')
    // A list's look is one entry read as one row per child: the same seq, so the child orders them
    // and a page boundary between them stays put.
    .orderBy('a.subject_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export type LogRow = Awaited<ReturnType<typeof findEntries>>[number];
