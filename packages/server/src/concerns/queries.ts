import type { Kysely, Transaction } from 'kysely';
import { defaultEarlySignalRule, type ConcernInput, type EarlySignalRule } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Every concern about the child with what the gate weighs (domain, unit, time of writing), newest first. */
export async function concernsOf(db: Db, childId: string) {
  return db
    .selectFrom('concern as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .innerJoin('app_user as u', 'u.id', 'c.author_id')
    .innerJoin('secrecy_domain as sd', 'sd.id', 'c.secrecy_domain_id')
    .select(['c.id', 'c.areas', 'c.description', 'c.level', 'c.source', 'c.occurred_on', 'c.created_at', 'c.organisation_id', 'c.unit_id', 'c.secrecy_domain_id', 'o.name as organisation_name', 'u.display_name as author_name', 'sd.name as secrecy_domain_name'])
    .where('c.child_id', '=', childId)
    .orderBy('c.created_at', 'desc')
    .execute();
}
export type ConcernRow = Awaited<ReturnType<typeof concernsOf>>[number];

export interface NewConcern extends Omit<ConcernInput, 'occurredOn'> {
  childId: string;
  organisationId: string;
  unitId: string | null;
  secrecyDomainId: string;
  authorId: string;
  occurredOn: string;
  at: Date;
}

export async function insertConcern(trx: Transaction<DB>, c: NewConcern): Promise<string> {
  const row = await trx
    .insertInto('concern')
    .values({
      child_id: c.childId,
      organisation_id: c.organisationId,
      unit_id: c.unitId,
      secrecy_domain_id: c.secrecyDomainId,
      author_id: c.authorId,
      areas: c.areas,
      description: c.description,
      level: c.level,
      source: c.source,
      occurred_on: c.occurredOn,
      created_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The children a user is the current named person of, with their home organisation. */
export async function childrenAsNamedPerson(db: Db, userId: string, now: Date) {
  return db
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .select(['c.id', 'c.home_organisation_id'])
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'named_person')
    .where('m.starts_at', '<=', now)
    .where((eb) => eb.or([eb('m.ends_at', 'is', null), eb('m.ends_at', '>', now)]))
    .execute();
}

/** Where and when each concern about these children was written since `since`: all the rule weighs. */
export async function concernsCounted(db: Db, childIds: readonly string[], since: Date) {
  if (childIds.length === 0) return [];
  return db.selectFrom('concern').select(['child_id', 'secrecy_domain_id', 'created_at']).where('child_id', 'in', childIds).where('created_at', '>', since).execute();
}

/** The rule per home organisation (its own, else the county's default, else core's default). */
export async function earlySignalRules(db: Db): Promise<{ fallback: EarlySignalRule; byOrganisation: Map<string, EarlySignalRule> }> {
  const rows = await db.selectFrom('early_signal_rule').select(['organisation_id', 'min_concerns', 'min_domains', 'window_days']).execute();
  const toRule = (r: (typeof rows)[number]): EarlySignalRule => ({ minConcerns: r.min_concerns, minDomains: r.min_domains, windowDays: r.window_days });
  const fallbackRow = rows.find((r) => r.organisation_id === null);
  return {
    fallback: fallbackRow ? toRule(fallbackRow) : defaultEarlySignalRule,
    byOrganisation: new Map(rows.flatMap((r) => (r.organisation_id ? [[r.organisation_id, toRule(r)] as const] : []))),
  };
}
