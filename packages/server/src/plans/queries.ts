import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { EntryFacts, PlanContents, PlanFacts } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The child's plans with where each was started, its head revision's contents and whether the
 * caller has approved the head (when it is a proposal), oldest first.
 */
export async function plansOf(db: Db, childId: string, actorUserId: string, planId?: string) {
  let query = planRows(db)
    .select((eb) => eb.exists(eb.selectFrom('plan_approval as a').select('a.id').whereRef('a.plan_id', '=', 'p.id').whereRef('a.revision', '=', 'p.head_revision').where('a.user_id', '=', actorUserId).where('a.decision', '=', 'approved')).as('approved_by_caller'))
    .where('p.child_id', '=', childId);
  if (planId) query = query.where('p.id', '=', planId);
  return query.orderBy('p.created_at').orderBy('p.id').execute();
}

function planRows(db: Db) {
  return db
    .selectFrom('plan as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .innerJoin('secrecy_domain as sd', 'sd.id', 'p.secrecy_domain_id')
    .innerJoin('plan_revision as h', (j) => j.onRef('h.plan_id', '=', 'p.id').onRef('h.number', '=', 'p.head_revision'))
    .select([
      'p.id', 'p.kind', 'p.consent_id', 'p.organisation_id', 'p.unit_id', 'p.secrecy_domain_id', 'p.created_by', 'p.created_at',
      'p.head_revision', 'p.in_force_revision', 'p.established_at', 'p.closed_at', 'p.close_reason', 'p.close_note',
      'o.name as organisation_name', 'sd.name as secrecy_domain_name', 'h.contents as head_contents',
    ]);
}

/**
 * The open plans of many children, each as `plansOf` gives it to each of many users (the inbox's
 * sweep): two statements for all, not one per child and user. Keyed by user, oldest plan first.
 */
export async function openPlansFor(db: Db, childIdsByUser: ReadonlyMap<string, readonly string[]>): Promise<Map<string, (PlanRow & { child_id: string })[]>> {
  const childIds = [...new Set([...childIdsByUser.values()].flat())];
  const userIds = [...childIdsByUser.keys()];
  const byUser = new Map<string, (PlanRow & { child_id: string })[]>();
  if (childIds.length === 0) return byUser;
  const [rows, approvals] = await Promise.all([
    planRows(db).select('p.child_id').where('p.child_id', 'in', childIds).where('p.closed_at', 'is', null).orderBy('p.created_at').orderBy('p.id').execute(),
    db.selectFrom('plan_approval as a').innerJoin('plan as p', (j) => j.onRef('p.id', '=', 'a.plan_id').onRef('p.head_revision', '=', 'a.revision')).select(['a.plan_id', 'a.user_id']).where('p.child_id', 'in', childIds).where('a.user_id', 'in', userIds).where('a.decision', '=', 'approved').execute(),
  ]);
  const approved = new Set(approvals.map((a) => `${a.plan_id}|${a.user_id}`));
  const plansOfChild = new Map<string, typeof rows>();
  for (const r of rows) plansOfChild.set(r.child_id, [...(plansOfChild.get(r.child_id) ?? []), r]);
  for (const [userId, ids] of childIdsByUser) {
    byUser.set(userId, [...new Set(ids)].flatMap((id) => (plansOfChild.get(id) ?? []).map((r) => ({ ...r, approved_by_caller: approved.has(`${r.id}|${userId}`) }))));
  }
  return byUser;
}
export type PlanRow = Awaited<ReturnType<typeof plansOf>>[number];

/** One plan of this child (a change holds the child's lock already). */
export async function planOf(db: Db, childId: string, actorUserId: string, planId: string): Promise<PlanRow | undefined> {
  return (await plansOf(db, childId, actorUserId, planId))[0];
}

export function planStatus(row: Pick<PlanRow, 'closed_at' | 'in_force_revision'>): PlanFacts['status'] {
  if (row.closed_at) return 'closed';
  return row.in_force_revision === null ? 'draft' : 'established';
}

/** What the plan's rule weighs about a plan. */
export function planFacts(row: PlanRow): PlanFacts {
  const head = row.head_contents as PlanContents;
  return {
    kind: row.kind,
    status: planStatus(row),
    consentId: row.consent_id,
    home: { organisationId: row.organisation_id, secrecyDomainId: row.secrecy_domain_id, unitId: row.unit_id, writtenAt: new Date(row.created_at) },
    createdBy: row.created_by,
    planningLeadUserId: head.coordination.planningLeadUserId,
    headRevision: row.head_revision,
    inForceRevision: row.in_force_revision,
    approvedByCaller: Boolean(row.approved_by_caller),
  };
}

/** How many of a plan's newest revisions its view lists, and an older page holds: a plan's history grows with every save. */
export const revisionPage = 10;

/**
 * Revisions `from`..`to` of a plan (numbers run 1, 2, 3 … with every save), and `also` (the one in
 * force, wherever it is), newest first, with their authors and where each was written, and the
 * contents of `also` only: the head's come with the plan's row, and any other's are read on their
 * own (`revisionOf`). Carried whole, every revision's contents made each save and read grow with
 * the plan's history.
 */
export async function revisionsOf(db: Db, planId: string, range: { from: number; to: number; also: number | null }) {
  const also = range.also ?? 0;
  return revisionRows(db, sql<unknown>`case when r.number = ${also} then r.contents end`)
    .where('r.plan_id', '=', planId)
    .where((eb) => eb.or([eb.between('r.number', range.from, range.to), eb('r.number', '=', also)]))
    .orderBy('r.number', 'desc')
    .execute();
}

/** One revision of a plan with its contents. */
export async function revisionOf(db: Db, planId: string, number: number) {
  return revisionRows(db, sql<unknown>`r.contents`).where('r.plan_id', '=', planId).where('r.number', '=', number).executeTakeFirst();
}

function revisionRows(db: Db, contents: RawBuilder<unknown>) {
  return db
    .selectFrom('plan_revision as r')
    .innerJoin('app_user as u', 'u.id', 'r.author_id')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .innerJoin('secrecy_domain as sd', 'sd.id', 'r.secrecy_domain_id')
    .select(['r.number', 'r.based_on', contents.as('contents'), 'r.note', 'r.organisation_id', 'r.unit_id', 'r.secrecy_domain_id', 'r.saved_at', 'u.display_name as author_name', 'o.name as organisation_name', 'sd.name as secrecy_domain_name']);
}
export type RevisionRow = Awaited<ReturnType<typeof revisionsOf>>[number];

export function revisionEntry(r: Pick<RevisionRow, 'organisation_id' | 'secrecy_domain_id' | 'unit_id' | 'saved_at'>): EntryFacts {
  return { organisationId: r.organisation_id, secrecyDomainId: r.secrecy_domain_id, unitId: r.unit_id, writtenAt: new Date(r.saved_at) };
}

export async function approvalsOf(db: Db, planId: string) {
  return db.selectFrom('plan_approval').select(['revision', 'user_id', 'given_as', 'guardian_id', 'decision', 'comment', 'at']).where('plan_id', '=', planId).orderBy('at').orderBy('id').execute();
}

export interface Writer {
  organisationId: string;
  unitId: string | null;
  secrecyDomainId: string;
  userId: string;
  at: Date;
}

export async function insertPlan(trx: Transaction<DB>, p: { childId: string; kind: PlanFacts['kind']; consentId: string; contents: PlanContents; writer: Writer }): Promise<string> {
  const { writer } = p;
  const row = await trx
    .insertInto('plan')
    .values({ child_id: p.childId, kind: p.kind, consent_id: p.consentId, organisation_id: writer.organisationId, unit_id: writer.unitId, secrecy_domain_id: writer.secrecyDomainId, created_by: writer.userId, created_at: writer.at, in_force_revision: null, established_by: null, closed_by: null, close_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertRevision(trx, { planId: row.id, number: 1, basedOn: null, contents: p.contents, note: '', writer });
  return row.id;
}

export async function insertRevision(trx: Transaction<DB>, r: { planId: string; number: number; basedOn: number | null; contents: PlanContents; note: string; writer: Writer }): Promise<void> {
  const { writer } = r;
  await trx
    .insertInto('plan_revision')
    .values({ plan_id: r.planId, number: r.number, based_on: r.basedOn, contents: JSON.stringify(r.contents), note: r.note, organisation_id: writer.organisationId, unit_id: writer.unitId, secrecy_domain_id: writer.secrecyDomainId, author_id: writer.userId, saved_at: writer.at })
    .execute();
}

/**
 * Moves the head to a new revision, only from the revision the editor started from: the check
 * and the move are one statement, so of two saves on the same base exactly one wins.
 */
export async function moveHead(trx: Transaction<DB>, planId: string, from: number, to: number): Promise<boolean> {
  const result = await trx.updateTable('plan').set({ head_revision: to }).where('id', '=', planId).where('head_revision', '=', from).where('closed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts a revision in force (establishing the plan the first time); the pointer only moves forward. */
export async function putInForce(trx: Transaction<DB>, planId: string, revision: number, established?: { by: string; at: Date }): Promise<void> {
  await trx
    .updateTable('plan')
    .set(established ? { in_force_revision: revision, established_at: established.at, established_by: established.by } : { in_force_revision: revision })
    .where('id', '=', planId)
    .execute();
}

export async function closePlan(trx: Transaction<DB>, planId: string, c: { by: string; at: Date; reason: NonNullable<DB['plan']['close_reason']>; note: string }): Promise<void> {
  await trx.updateTable('plan').set({ closed_at: c.at, closed_by: c.by, close_reason: c.reason, close_note: c.note }).where('id', '=', planId).where('closed_at', 'is', null).execute();
}

export async function insertApproval(trx: Transaction<DB>, a: { planId: string; revision: number; userId: string; givenAs: 'guardian' | 'child'; guardianId: string | null; decision: 'approved' | 'commented'; comment: string; at: Date }): Promise<void> {
  await trx.insertInto('plan_approval').values({ plan_id: a.planId, revision: a.revision, user_id: a.userId, given_as: a.givenAs, guardian_id: a.guardianId, decision: a.decision, comment: a.comment, at: a.at }).execute();
}

/** The child's guardians, and which of them (if any) is this user. */
export async function guardiansOf(db: Db, childId: string) {
  return db.selectFrom('child_guardian as cg').innerJoin('guardian as g', 'g.id', 'cg.guardian_id').select(['g.id', 'g.user_id']).where('cg.child_id', '=', childId).orderBy('g.id').execute();
}

/** Names of users (planning leads), by id. */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The names of these organisations and of those owning these secrecy domains, once each, in Swedish order. */
export async function principalNames(db: Db, organisationIds: readonly string[], domainIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0 && domainIds.length === 0) return [];
  const rows = await db
    .selectFrom('organisation as o')
    .select('o.name')
    .where((eb) => eb.or([
      ...(organisationIds.length ? [eb('o.id', 'in', [...organisationIds])] : []),
      ...(domainIds.length ? [eb('o.id', 'in', eb.selectFrom('secrecy_domain as d').select('d.organisation_id').where('d.id', 'in', [...domainIds]))] : []),
    ]))
    .execute();
  return [...new Set(rows.map((r) => r.name))].sort((a, b) => a.localeCompare(b, 'sv'));
}
