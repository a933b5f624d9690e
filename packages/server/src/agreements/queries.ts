import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function agreementRows(db: Db, id?: string) {
  let q = db.selectFrom('agreement').selectAll().orderBy('revision_due_on').orderBy('title');
  if (id) q = q.where('id', '=', id);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [parties, owners, versions] = await Promise.all([
    db.selectFrom('agreement_party as p').innerJoin('organisation as o', 'o.id', 'p.organisation_id').select(['p.agreement_id', 'o.id', 'o.name']).where('p.agreement_id', 'in', ids).orderBy('o.name').execute(),
    db.selectFrom('agreement_owner as w').innerJoin('app_user as u', 'u.id', 'w.user_id').select(['w.agreement_id', 'u.id', 'u.display_name as name']).where('w.agreement_id', 'in', ids).orderBy('u.display_name').execute(),
    db.selectFrom('agreement_version as v').innerJoin('app_user as u', 'u.id', 'v.recorded_by').select(['v.agreement_id', 'v.version', 'v.summary', 'v.content', 'v.decided_on', 'v.recorded_by', 'u.display_name', 'v.recorded_at']).where('v.agreement_id', 'in', ids).orderBy('v.version', 'desc').execute(),
  ]);
  return rows.map((r) => ({
    ...r,
    parties: parties.filter((p) => p.agreement_id === r.id).map(({ id: oid, name }) => ({ id: oid, name })),
    owners: owners.filter((o) => o.agreement_id === r.id).map(({ id: uid, name }) => ({ id: uid, name })),
    versions: versions.filter((v) => v.agreement_id === r.id),
  }));
}
export type AgreementRow = Awaited<ReturnType<typeof agreementRows>>[number];

export async function placementRows(db: Db) {
  const rows = await db
    .selectFrom('joint_placement as p')
    .innerJoin('organisation as r', 'r.id', 'p.region_id')
    .innerJoin('organisation as m', 'm.id', 'p.municipality_id')
    .select(['p.id', 'p.case_reference', 'p.region_id', 'r.name as region_name', 'p.municipality_id', 'm.name as municipality_name', 'p.region_share_percent', 'p.starts_on', 'p.ends_on', 'p.agreement_id'])
    .orderBy('p.case_reference')
    .execute();
  const costs = rows.length === 0 ? [] : await db.selectFrom('joint_placement_cost').selectAll().where('placement_id', 'in', rows.map((r) => r.id)).orderBy('year').execute();
  return rows.map((r) => ({ ...r, costs: costs.filter((c) => c.placement_id === r.id).map((c) => ({ year: c.year, amount: Number(c.amount) })) }));
}
export type PlacementRow = Awaited<ReturnType<typeof placementRows>>[number];

export async function organisationKinds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('organisation').select(['id', 'kind']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.kind as string]));
}

export async function trainingRows(db: Db) {
  return db
    .selectFrom('training_record as t')
    .innerJoin('unit as u', 'u.id', 't.unit_id')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .innerJoin('training_course as c', 'c.id', 't.course_id')
    .select(['t.unit_id', 'u.name as unit_name', 'u.organisation_id', 'o.name as org_name', 't.course_id', 'c.name_sv', 'c.name_en', 'c.target_percent', 't.staff_count', 't.completed_count', 't.recorded_on'])
    .orderBy('o.name')
    .orderBy('u.name')
    .orderBy('t.course_id')
    .execute();
}
export type TrainingRow = Awaited<ReturnType<typeof trainingRows>>[number];

export const courses = (db: Db) => db.selectFrom('training_course').selectAll().orderBy('id').execute();
