import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.ts';
import { reusableQuery } from '../db/reusable-query.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * "Mina barn": the caller's current places on children's teams, with the child and what waits
 * for the caller about each (pending handovers to or from them, unread notices), in one
 * statement. The rows hold the child's data: only the gate decides what of it is shown.
 */
export async function teamChildrenOf(db: Db, userId: string, now: Date) {
  return teamChildrenQuery(db, { userId, now: now.toISOString() });
}

const teamChildrenQuery = reusableQuery(['userId', 'now'], (db, p) =>
  db
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select((eb) => [
      'm.id',
      'm.child_id',
      'm.role',
      'm.starts_at',
      'm.organisation_id',
      'o.name as organisation_name',
      'c.given_name',
      'c.family_name',
      'c.birth_date',
      'c.protected_identity',
      jsonArrayFrom(
        eb
          .selectFrom('named_person_handover as h')
          .select(['h.id', 'h.to_user_id', 'h.proposed_at'])
          .whereRef('h.child_id', '=', 'm.child_id')
          .where('h.accepted_at', 'is', null)
          .where('h.declined_at', 'is', null)
          .where((w) => w.or([w('h.to_user_id', '=', p.userId), w('h.proposed_by', '=', p.userId)])),
      ).as('handovers'),
      eb
        .selectFrom('notice as n')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('n.child_id', '=', 'm.child_id')
        .where('n.recipient_id', '=', p.userId)
        .where('n.read_at', 'is', null)
        .as('unread_notices'),
    ])
    .where('m.user_id', '=', p.userId)
    .where('m.starts_at', '<=', sql<Date>`${p.now}::timestamptz`)
    .where((eb) => eb.or([eb('m.ends_at', 'is', null), eb('m.ends_at', '>', sql<Date>`${p.now}::timestamptz`)]))
    .orderBy('m.starts_at', 'desc')
    .orderBy('m.id'),
);

export type TeamChildRow = Awaited<ReturnType<typeof teamChildrenOf>>[number];

/** Pending handovers waiting for this user's answer: the navigation's count. */
export async function handoversToAnswerCount(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('named_person_handover')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('to_user_id', '=', userId)
    .where('accepted_at', 'is', null)
    .where('declined_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
