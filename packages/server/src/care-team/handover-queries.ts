import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { BasisColumns } from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A handover still waiting: neither accepted, declined nor withdrawn. */
function isPending(eb: ExpressionBuilder<DB, 'named_person_handover'>): Expression<SqlBool> {
  return eb.and([eb('accepted_at', 'is', null), eb('declined_at', 'is', null), eb('withdrawn_at', 'is', null)]);
}

/** Pending handovers this user is asked to answer or proposed (and may withdraw), newest first. */
export async function handoversPendingWith(db: Db, userId: string) {
  return handoverQuery(db)
    .where((eb) => eb.or([eb('h.to_user_id', '=', userId), eb('h.proposed_by', '=', userId)]))
    .where('h.accepted_at', 'is', null)
    .where('h.declined_at', 'is', null)
    .where('h.withdrawn_at', 'is', null)
    .orderBy('h.proposed_at', 'desc')
    .execute();
}

export type DecidedOutcome = 'accepted' | 'declined' | 'withdrawn' | 'all';

/**
 * Decided handovers this user took part in, as receiver, as the named person handing over or as
 * proposer: the latest decisions first, at most `limit`. A withdrawal is a decision too.
 */
export async function handoversDecidedWith(db: Db, userId: string, outcome: DecidedOutcome, limit: number) {
  return handoverQuery(db)
    .where((eb) => eb.or([eb('h.to_user_id', '=', userId), eb('h.from_user_id', '=', userId), eb('h.proposed_by', '=', userId)]))
    .where((eb) => {
      const accepted = eb('h.accepted_at', 'is not', null);
      const declined = eb('h.declined_at', 'is not', null);
      const withdrawn = eb('h.withdrawn_at', 'is not', null);
      return outcome === 'accepted' ? accepted : outcome === 'declined' ? declined : outcome === 'withdrawn' ? withdrawn : eb.or([accepted, declined, withdrawn]);
    })
    .orderBy(sql`coalesce(h.accepted_at, h.declined_at, h.withdrawn_at)`, 'desc')
    .orderBy('h.id')
    .limit(limit)
    .execute();
}

export async function handover(db: Db, id: string) {
  return handoverQuery(db).where('h.id', '=', id).executeTakeFirst();
}
export type HandoverRow = NonNullable<Awaited<ReturnType<typeof handover>>>;

/** The child's pending handover, if any (one at a time). */
export async function pendingHandoverOf(db: Db, childId: string): Promise<HandoverRow | undefined> {
  return handoverQuery(db).where('h.child_id', '=', childId).where('h.accepted_at', 'is', null).where('h.declined_at', 'is', null).where('h.withdrawn_at', 'is', null).executeTakeFirst();
}

function handoverQuery(db: Db) {
  return db
    .selectFrom('named_person_handover as h')
    .innerJoin('app_user as t', 't.id', 'h.to_user_id')
    .innerJoin('organisation as o', 'o.id', 'h.to_organisation_id')
    .innerJoin('app_user as p', 'p.id', 'h.proposed_by')
    .leftJoin('app_user as f', 'f.id', 'h.from_user_id')
    .leftJoin('app_user as w', 'w.id', 'h.withdrawn_by')
    .select([
      'h.id', 'h.child_id', 'h.life_stage', 'h.from_user_id', 'f.display_name as from_name', 'h.to_user_id', 't.display_name as to_name',
      'h.to_organisation_id', 'o.name as to_organisation_name', 'h.basis', 'h.consent_id', 'h.legal_ground_code', 'h.note', 'h.proposed_by', 'p.display_name as proposed_by_name',
      'h.proposed_at', 'h.accepted_at', 'h.declined_at', 'h.withdrawn_at', 'h.withdrawn_by', 'w.display_name as withdrawn_by_name', 'h.previous_stays_member',
    ]);
}

export async function pendingHandoverExists(db: Db, childId: string): Promise<boolean> {
  const row = await db.selectFrom('named_person_handover').select('id').where('child_id', '=', childId).where(isPending).executeTakeFirst();
  return row !== undefined;
}

export async function insertHandover(
  trx: Transaction<DB>,
  h: BasisColumns & {
    childId: string;
    lifeStage: HandoverRow['life_stage'];
    fromUserId: string | null;
    toUserId: string;
    toOrganisationId: string;
    note: string | null;
    previousStaysMember: boolean | null;
    proposedBy: string;
    proposedAt: Date;
  },
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
      previous_stays_member: h.previousStaysMember,
      proposed_by: h.proposedBy,
      proposed_at: h.proposedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Answers or withdraws a pending handover, once; false when it was decided already. */
export async function decideHandover(trx: Transaction<DB>, id: string, decision: 'accept' | 'decline' | 'withdraw', at: Date, by: string): Promise<boolean> {
  const set = decision === 'accept' ? { accepted_at: at } : decision === 'decline' ? { declined_at: at } : { withdrawn_at: at, withdrawn_by: by };
  const rows = await trx.updateTable('named_person_handover').set(set).where('id', '=', id).where(isPending).returning('id').execute();
  return rows.length === 1;
}
