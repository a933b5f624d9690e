import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Which memberships: the current ones at `now` (the services' clock), or with `history` every one there has been. */
export interface TeamScope {
  history: boolean;
  /** A Date, or a placeholder's text in a reusable query (see db/reusable-query.ts). */
  now: Date | string;
}

/** The team's memberships: the current ones, or with `history` every one there has been. */
export async function teamOf(db: Db, childId: string, options: TeamScope) {
  return membersQuery(db, childId, options)
    .leftJoin('app_user as a', 'a.id', 'm.added_by')
    .leftJoin('app_user as e', 'e.id', 'm.ended_by')
    .select(['m.unit_id', 'm.consent_id', 'm.legal_ground_code', 'm.added_by', 'a.display_name as added_by_name', 'm.ended_by', 'e.display_name as ended_by_name'])
    .execute();
}

/** The members as the record lists them; `teamOf` adds who changed what. Nested in the record's one-round-trip read. */
export function membersQuery(db: Db, childId: string, options: TeamScope) {
  // The services' clock as a parameter, never the database's now(): the record's read is compiled
  // once and reused, with the time as one of its named values.
  const now = sql<Date>`${options.now}::timestamptz`;
  let query = db
    .selectFrom('care_team_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .leftJoin('unit as un', 'un.id', 'm.unit_id')
    .leftJoin('consent as k', 'k.id', 'm.consent_id')
    .select(['m.id', 'm.user_id', 'u.display_name', 'u.title', 'm.organisation_id', 'o.name as organisation_name', 'un.name as unit_name', 'm.role', 'm.basis', 'm.starts_at', 'm.ends_at'])
    // A member let on by a consent that has since been withdrawn or run out has no basis from that
    // day on (the Stockholm date): the team and the family see "grund saknas sedan …" until someone
    // ends the membership. A consent's last valid day is `valid_to`; it lapses the day after.
    .select(
      sql<string | null>`case when m.basis = 'consent' then (case
        when k.withdrawn_at is not null and k.withdrawn_at <= ${now} then ((k.withdrawn_at at time zone 'Europe/Stockholm')::date)::text
        when k.valid_to is not null and k.valid_to < (${now} at time zone 'Europe/Stockholm')::date then ((k.valid_to + 1)::date)::text
      end) end`.as('basis_lapsed_on'),
    )
    .where('m.child_id', '=', childId);
  if (!options.history) query = query.where('m.starts_at', '<=', now).where((eb) => eb.or([eb('m.ends_at', 'is', null), eb('m.ends_at', '>', now)]));
  return query.orderBy('m.starts_at', 'desc').orderBy('u.display_name');
}
export type TeamRow = Awaited<ReturnType<typeof teamOf>>[number];

/** Current memberships, read inside the transaction that changes the team. */
export async function currentMembers(db: Db, childId: string, now: Date) {
  return db
    .selectFrom('care_team_member')
    .select(['id', 'user_id', 'role', 'organisation_id', 'unit_id', 'basis', 'consent_id', 'legal_ground_code'])
    .where('child_id', '=', childId)
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
}

/** Where a user works as a professional: organisation and unit of each such role. */
export async function professionalRoles(db: Db, userId: string) {
  return db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .leftJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'r.unit_id').on('d.valid_to', 'is', null))
    .select(['r.organisation_id', 'r.unit_id', 'd.secrecy_domain_id'])
    .where('r.user_id', '=', userId)
    .where('r.role', '=', 'professional')
    .where('u.active', '=', true)
    .execute();
}

export async function unitOf(db: Db, unitId: string) {
  return db.selectFrom('unit').select(['id', 'organisation_id']).where('id', '=', unitId).executeTakeFirst();
}

/** A membership's basis as stored: the kind, and the consent or legal ground it names. */
export interface BasisColumns {
  basis: 'own_organisation' | 'consent' | 'legal_duty';
  consentId: string | null;
  legalGroundCode: string | null;
}

export interface NewMember extends BasisColumns {
  childId: string;
  userId: string;
  organisationId: string;
  unitId: string | null;
  role: 'named_person' | 'lead_professional' | 'member';
  addedBy: string;
  /** From the services' clock. */
  startsAt: Date;
}

export async function insertMember(trx: Transaction<DB>, m: NewMember): Promise<string> {
  const row = await trx
    .insertInto('care_team_member')
    .values({
      child_id: m.childId,
      user_id: m.userId,
      organisation_id: m.organisationId,
      unit_id: m.unitId,
      role: m.role,
      basis: m.basis,
      consent_id: m.consentId,
      legal_ground_code: m.legalGroundCode,
      added_by: m.addedBy,
      starts_at: m.startsAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends memberships (history is kept: the row stays, with its end and who ended it). */
export async function endMembers(trx: Transaction<DB>, memberIds: readonly string[], by: string, at: Date): Promise<void> {
  if (memberIds.length === 0) return;
  await trx.updateTable('care_team_member').set({ ends_at: at, ended_by: by }).where('id', 'in', [...memberIds]).where('ends_at', 'is', null).execute();
}

/**
 * Active professionals matching every word of the text in their name, username or title, or in
 * the name of an organisation or unit where they work as professionals ("BUP", "läkare").
 */
export async function professionalsMatching(db: Db, text: string, limit: number) {
  const words = text.split(/\s+/).filter(Boolean);
  const patterns = (words.length > 0 ? words : [text]).map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name', 'u.username', 'u.title'])
    .where('u.kind', '=', 'professional')
    .where('u.active', '=', true)
    .where((eb) =>
      eb.and(
        patterns.map((pattern) =>
          eb.or([
            eb('u.display_name', 'ilike', pattern),
            eb('u.username', 'ilike', pattern),
            eb('u.title', 'ilike', pattern),
            eb.exists(
              eb
                .selectFrom('user_role as rp')
                .innerJoin('organisation as o', 'o.id', 'rp.organisation_id')
                .leftJoin('unit as un', 'un.id', 'rp.unit_id')
                .select('rp.id')
                .whereRef('rp.user_id', '=', 'u.id')
                .where('rp.role', '=', 'professional')
                .where((inner) => inner.or([inner('o.name', 'ilike', pattern), inner('un.name', 'ilike', pattern)])),
            ),
          ]),
        ),
      ),
    )
    .where((eb) => eb.exists(eb.selectFrom('user_role as r').select('r.id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', 'professional')))
    .orderBy('u.display_name')
    .orderBy('u.username')
    .limit(limit)
    .execute();
}

/** Where these users work as professionals, with the organisation's and unit's names. */
export async function professionalPlaces(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_role as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('unit as un', 'un.id', 'r.unit_id')
    .leftJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'r.unit_id').on('d.valid_to', 'is', null))
    .select(['r.user_id', 'r.organisation_id', 'o.name as organisation_name', 'r.unit_id', 'un.name as unit_name', 'd.secrecy_domain_id'])
    .where('r.user_id', 'in', [...userIds])
    .where('r.role', '=', 'professional')
    .orderBy('o.name')
    .orderBy('un.name')
    .execute();
}
