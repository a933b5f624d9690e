import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import { gateVersion } from '../access/facts-cache.ts';
import { attentionWindowDays, defaultEarlySignalRule } from '@samsyn/core';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * "Mina barn": the caller's current places on children's teams, with the child and what waits
 * for the caller about each, in one statement: pending handovers to or from them, unread notices,
 * and the facts the service needs for the items of issue 13 (point 7): for a named person's row,
 * the rule and the concerns it counts (where and when written, nothing more); the self-ratings
 * newer than the caller's last look at the wheel; intake's answers to the caller's own reports
 * newer than their last look at the receipts, and each child's facts version (migration 0049),
 * for which the gate decides on the facts it keeps (access/facts-cache.ts). The rows hold the
 * child's data: only the gate decides what of it is shown. The bench's ceiling runs the same statement.
 */
export async function teamChildrenOf(db: Db, userId: string, now: Date) {
  return teamChildrenQuery(db, { userId, now: now.toISOString() });
}

const teamChildrenQuery = reusableQuery(['userId', 'now'], (db, p) => teamChildrenSelect(db, p).select(gateVersion));

function teamChildrenSelect(db: Kysely<DB>, p: { userId: string; now: string }) {
  const now = sql<Date>`${p.now}::timestamptz`;
  const windowStart = sql<Date>`${now} - make_interval(days => ${attentionWindowDays})`;
  return db
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .leftJoin('attention_seen as sw', (j) => j.onRef('sw.child_id', '=', 'm.child_id').on('sw.user_id', '=', p.userId).on('sw.subject', '=', 'wellbeing'))
    .leftJoin('attention_seen as sr', (j) => j.onRef('sr.child_id', '=', 'm.child_id').on('sr.user_id', '=', p.userId).on('sr.subject', '=', 'reports'))
    // The early-signal rule of the child's home municipality, else the county's default: for a named person's row only.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('early_signal_rule as r')
          .select(['r.min_concerns', 'r.min_domains', 'r.window_days'])
          .where(sql<boolean>`m.role = 'named_person'`)
          .where((w) => w.or([w('r.organisation_id', '=', w.ref('c.home_organisation_id')), w('r.organisation_id', 'is', null)]))
          .orderBy(sql`r.organisation_id IS NULL`)
          .limit(1)
          .as('rule'),
      (j) => j.onTrue(),
    )
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
      'rule.min_concerns',
      'rule.min_domains',
      'rule.window_days',
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
      // Every concern the rule counts, readable by the caller or not: only where and when.
      jsonArrayFrom(
        eb
          .selectFrom('concern as k')
          .select(['k.secrecy_domain_id', 'k.created_at'])
          .whereRef('k.child_id', '=', 'm.child_id')
          .where(sql<boolean>`m.role = 'named_person'`)
          .where('k.created_at', '>', sql<Date>`${now} - make_interval(days => coalesce(rule.window_days, ${defaultEarlySignalRule.windowDays}))`)
          .where('k.created_at', '<=', now),
      ).as('signal_concerns'),
      // The child's and guardians' own views, unseen by the caller; the service decides each as an entry.
      jsonArrayFrom(
        eb
          .selectFrom('wellbeing_assessment as a')
          .select(['a.respondent', 'a.organisation_id', 'a.unit_id', 'a.secrecy_domain_id', 'a.created_at'])
          .whereRef('a.child_id', '=', 'm.child_id')
          .where('a.respondent', 'in', ['child', 'guardian'])
          .where('a.created_at', '>', sql<Date>`greatest(${windowStart}, sw.seen_at)`)
          .where('a.created_at', '<=', now)
          // A view given in a meeting on the caller's own device is not news to them.
          .where((w) => w.not(w.and([w('a.via', '=', 'meeting'), w('a.recorded_by', '=', p.userId)]))),
      ).as('self_ratings'),
      // The caller's own reports about the child whose feedback (the receipt, then intake's answer) is unseen.
      jsonArrayFrom(
        eb
          .selectFrom('report_of_concern as rc')
          .leftJoin('report_step as s', (j) => j.onRef('s.report_id', '=', 'rc.id').on('s.step', '=', 'initial_assessment').on('s.decided_at', '<=', now))
          .select(['rc.id', 's.outcome', sql<string>`coalesce(s.decided_at, rc.received_at)`.as('changed_at')])
          .where('rc.reporter_id', '=', p.userId)
          .whereRef('rc.child_id', '=', 'm.child_id')
          .where('rc.received_at', '<=', now)
          .where(sql<boolean>`coalesce(s.decided_at, rc.received_at) > greatest(${windowStart}, sr.seen_at)`)
          .orderBy('rc.received_at', 'desc'),
      ).as('report_feedback'),
    ])
    .where('m.user_id', '=', p.userId)
    .where('m.starts_at', '<=', now)
    .where((eb) => eb.or([eb('m.ends_at', 'is', null), eb('m.ends_at', '>', now)]))
    .orderBy('m.starts_at', 'desc')
    .orderBy('m.id');
}

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

/**
 * The caller has now seen the child's wheel, or the receipts of their own reports about the child:
 * the marker moves forward (never back, if two looks cross). Called after the gate allowed the look.
 */
export async function markSeen(db: Db, userId: string, childIds: readonly string[], subject: 'wellbeing' | 'reports', at: Date): Promise<void> {
  const ids = [...new Set(childIds)];
  if (ids.length === 0) return;
  await db
    .insertInto('attention_seen')
    .values(ids.map((childId) => ({ user_id: userId, child_id: childId, subject, seen_at: at })))
    .onConflict((oc) => oc.columns(['user_id', 'child_id', 'subject']).doUpdateSet({ seen_at: sql<Date>`greatest(attention_seen.seen_at, excluded.seen_at)` }))
    .execute();
}
