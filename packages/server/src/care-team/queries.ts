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
    .select(['m.id', 'm.user_id', 'u.display_name', 'u.title', 'm.organisation_id', 'o.name as organisation_name', 'un.name as unit_name', 'm.role', 'm.basis', 'm.starts_at', 'm.ends_at'])
    .where('m.child_id', '=', childId);
  if (!options.history) query = query.where('m.starts_at', '<=', now).where((eb) => eb.or([eb('m.ends_at', 'is', null), eb('m.ends_at', '>', now)]));
  return query.orderBy('m.starts_at', 'desc').orderBy('u.display_name');
}
export type TeamRow = Awaited<ReturnType<typeof teamOf>>[number];

/** Current memberships, read inside the transaction that changes the team. */
export async function currentMembers(db: Db, childId: string, now: Date) {
  return db
    .selectFrom('care_team_member')
    .select(['id', 'user_id', 'role', 'organisation_id'])
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

/** Handovers waiting for this user's answer, newest first. */
export async function handoversAwaiting(db: Db, userId: string) {
  return handoverQuery(db).where('h.to_user_id', '=', userId).where('h.accepted_at', 'is', null).where('h.declined_at', 'is', null).orderBy('h.proposed_at', 'desc').execute();
}

/**
 * Decided handovers this user took part in, as receiver, as the named person handing over or as
 * proposer: the latest decisions first, at most `limit`.
 */
export async function handoversDecidedWith(db: Db, userId: string, outcome: 'accepted' | 'declined' | 'all', limit: number) {
  return handoverQuery(db)
    .where((eb) => eb.or([eb('h.to_user_id', '=', userId), eb('h.from_user_id', '=', userId), eb('h.proposed_by', '=', userId)]))
    .where((eb) => {
      const accepted = eb('h.accepted_at', 'is not', null);
      const declined = eb('h.declined_at', 'is not', null);
      return outcome === 'accepted' ? accepted : outcome === 'declined' ? declined : eb.or([accepted, declined]);
    })
    .orderBy(sql`coalesce(h.accepted_at, h.declined_at)`, 'desc')
    .orderBy('h.id')
    .limit(limit)
    .execute();
}

export async function handover(db: Db, id: string) {
  return handoverQuery(db).where('h.id', '=', id).executeTakeFirst();
}
export type HandoverRow = NonNullable<Awaited<ReturnType<typeof handover>>>;

function handoverQuery(db: Db) {
  return db
    .selectFrom('named_person_handover as h')
    .innerJoin('app_user as t', 't.id', 'h.to_user_id')
    .innerJoin('organisation as o', 'o.id', 'h.to_organisation_id')
    .innerJoin('app_user as p', 'p.id', 'h.proposed_by')
    .leftJoin('app_user as f', 'f.id', 'h.from_user_id')
    .select([
      'h.id', 'h.child_id', 'h.life_stage', 'h.from_user_id', 'f.display_name as from_name', 'h.to_user_id', 't.display_name as to_name',
      'h.to_organisation_id', 'o.name as to_organisation_name', 'h.basis', 'h.consent_id', 'h.legal_ground_code', 'h.note', 'h.proposed_by', 'p.display_name as proposed_by_name',
      'h.proposed_at', 'h.accepted_at', 'h.declined_at',
    ]);
}

export async function pendingHandoverExists(db: Db, childId: string): Promise<boolean> {
  const row = await db.selectFrom('named_person_handover').select('id').where('child_id', '=', childId).where('accepted_at', 'is', null).where('declined_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function insertHandover(
  trx: Transaction<DB>,
  h: BasisColumns & { childId: string; lifeStage: HandoverRow['life_stage']; fromUserId: string | null; toUserId: string; toOrganisationId: string; note: string | null; proposedBy: string; proposedAt: Date },
): Promise<string> {
  const row = await trx
    .insertInto('named_person_handover')
    .values({
      child_id: h.childId,
      life_stage: h.lifeStage,
      from_user_id: h.fromUserId,
      to_user_id: h.toUserId,
      to_organisation_id: h.toOrganisationId,
      basis: h.basis,
      consent_id: h.consentId,
      legal_ground_code: h.legalGroundCode,
      note: h.note,
      proposed_by: h.proposedBy,
      proposed_at: h.proposedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Answers a pending handover once; false when it was answered already. */
export async function answerHandover(trx: Transaction<DB>, id: string, answer: 'accept' | 'decline', at: Date): Promise<boolean> {
  const rows = await trx
    .updateTable('named_person_handover')
    .set(answer === 'accept' ? { accepted_at: at } : { declined_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('declined_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
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
