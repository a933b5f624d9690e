import type { Kysely, Transaction } from 'kysely';
import type { Sector, Unit, UnitCreate, UnitUpdate } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

export interface UnitFilter {
  organisationId?: string | undefined;
  sector?: Sector | undefined;
  active?: boolean | undefined;
  id?: string;
}

export async function listUnits(db: Kysely<DB> | Transaction<DB>, filter: UnitFilter = {}): Promise<Unit[]> {
  let query = db
    .selectFrom('unit as un')
    .innerJoin('organisation as o', 'o.id', 'un.organisation_id')
    .select(['un.id', 'un.organisation_id', 'o.name as organisation_name', 'un.name', 'un.sector', 'un.active', 'un.created_at', 'un.updated_at'])
    .orderBy('o.name')
    .orderBy('un.name');
  if (filter.id) query = query.where('un.id', '=', filter.id);
  if (filter.organisationId) query = query.where('un.organisation_id', '=', filter.organisationId);
  if (filter.sector) query = query.where('un.sector', '=', filter.sector);
  if (filter.active !== undefined) query = query.where('un.active', '=', filter.active);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    name: r.name,
    sector: r.sector,
    active: r.active,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function findUnit(db: Kysely<DB> | Transaction<DB>, id: string): Promise<Unit | undefined> {
  return (await listUnits(db, { id }))[0];
}

export async function unitNameTaken(trx: Transaction<DB>, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = trx.selectFrom('unit').select('id').where('organisation_id', '=', organisationId).where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertUnit(trx: Transaction<DB>, unit: UnitCreate, now: Date): Promise<string> {
  const row = await trx
    .insertInto('unit')
    .values({ organisation_id: unit.organisationId, name: unit.name, sector: unit.sector, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(trx: Transaction<DB>, id: string, patch: UnitUpdate, now: Date): Promise<void> {
  await trx
    .updateTable('unit')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}
