import { sql, type Kysely } from 'kysely';
import type { ReviewScope } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { childLooks } from '../audit/child-looks.ts';

export async function childrenRows(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('child')
    .select(['id', 'given_name', 'family_name', 'birth_date', 'identity_number', 'protected_identity', 'user_id'])
    .where('id', 'in', ids)
    .orderBy('birth_date')
    .execute();
}

export interface AccessLogFilter {
  childId: string;
  /** The reader's own looks are left out: reading the log would otherwise fill it. */
  excludeActorId: string;
  /** A log reviewer sees the looks of the people in their review scope. */
  scope?: ReviewScope;
  /** Actions left out: the family never sees the entries of reports of concern (who reported). */
  hideActions?: readonly string[];
}

function looks(db: Kysely<DB>, filter: AccessLogFilter) {
  let query = db
    .selectFrom(childLooks(db, filter.childId).as('a'))
    .where('a.outcome', '=', 'success')
    .where((eb) => eb.or([eb('a.actor_id', 'is', null), eb('a.actor_id', '!=', filter.excludeActorId)]));
  if (filter.hideActions && filter.hideActions.length > 0) query = query.where('a.action', 'not in', filter.hideActions);
  const scope = filter.scope;
  if (scope) {
    query = query.where((eb) => {
      const parts = [];
      if (scope.unitIds.length > 0) parts.push(eb('a.actor_id', 'in', eb.selectFrom('user_role').select('user_role.user_id').where('user_role.unit_id', 'in', scope.unitIds)));
      if (scope.organisationIds.length > 0) {
        parts.push(eb('a.organisation_id', 'in', scope.organisationIds));
        parts.push(eb('a.actor_id', 'in', eb.selectFrom('user_role').select('user_role.user_id').where('user_role.organisation_id', 'in', scope.organisationIds)));
      }
      return eb.or(parts);
    });
  }
  return query;
}

export async function countLooks(db: Kysely<DB>, filter: AccessLogFilter): Promise<number> {
  return Number((await looks(db, filter).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** The successful looks at one child's record, newest first, with who looked and for which organisation. */
export async function findLooks(db: Kysely<DB>, filter: AccessLogFilter, page: { limit: number; offset: number }) {
  return looks(db, filter)
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('legal_ground as g', (join) => join.on(sql<boolean>`g.code = a.details ->> 'legalGround'`))
    .select((eb) => [
      'a.at', 'a.action', 'a.actor_id', 'u.display_name', 'u.title', 'u.kind', 'o.name as organisation_name', 'g.title_sv', 'g.title_en',
      sql<string | null>`a.details ->> 'basis'`.as('basis'),
      sql<string | null>`a.details ->> 'category'`.as('category'),
      // Reads outside a team (log review) carry no organisation: name the reader's own.
      eb
        .selectFrom('user_role as r')
        .innerJoin('organisation as ro', 'ro.id', 'r.organisation_id')
        .select('ro.name')
        .whereRef('r.user_id', '=', 'a.actor_id')
        .orderBy('r.role')
        .limit(1)
        .as('role_organisation_name'),
      // The role a reviewer looks in: named by it in the access log (core's describeLook).
      eb
        .selectFrom('user_role as rr')
        .select('rr.role')
        .whereRef('rr.user_id', '=', 'a.actor_id')
        .where('rr.role', 'in', ['unit_manager', 'collaboration_coordinator'])
        .orderBy('rr.role', 'desc')
        .limit(1)
        .as('reviewer_role'),
    ])
    .orderBy('a.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export type LookRow = Awaited<ReturnType<typeof findLooks>>[number];
