import type { Kysely, Transaction, Updateable } from 'kysely';
import { localRowKey, type KoladaValueStatus, type LocalImportView, type LocalRow } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { isUniqueViolation } from '../db/errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

function importQuery(db: Db) {
  return db
    .selectFrom('local_import as l')
    .innerJoin('app_user as u', 'u.id', 'l.imported_by')
    .select(['l.id', 'l.indicator_id', 'l.file_name', 'l.format', 'l.status', 'l.imported_by', 'u.display_name', 'l.started_at', 'l.finished_at', 'l.total_rows', 'l.processed_rows', 'l.added', 'l.revised', 'l.unchanged', 'l.rejected_rows', 'l.errors', 'l.failure']);
}
type ImportRow = Awaited<ReturnType<ReturnType<typeof importQuery>['executeTakeFirstOrThrow']>>;

function toView(r: ImportRow): LocalImportView {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    fileName: r.file_name,
    format: r.format,
    status: r.status,
    importedBy: { id: r.imported_by, displayName: r.display_name },
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    counts: { added: r.added, revised: r.revised, unchanged: r.unchanged, rejected: r.rejected_rows },
    errors: r.errors,
    failure: r.failure,
  };
}

export async function findLocalImport(db: Db, id: string): Promise<LocalImportView | undefined> {
  const row = await importQuery(db).where('l.id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** An indicator's import history, newest first. */
export async function localImportsOf(db: Db, indicatorId: string): Promise<LocalImportView[]> {
  return (await importQuery(db).where('l.indicator_id', '=', indicatorId).orderBy('l.started_at', 'desc').limit(200).execute()).map(toView);
}

const running = ['reading', 'saving'] as const;

/**
 * Fails the indicator's running import whose heartbeat is older than `staleBefore` (its process
 * died): its id, or undefined. A row locked by a live save is skipped: it is not stale.
 */
export async function failStaleLocalImport(trx: Transaction<DB>, indicatorId: string, staleBefore: Date, now: Date): Promise<{ id: string; heartbeat_at: Date } | undefined> {
  return trx
    .updateTable('local_import')
    .set({ status: 'failed', failure: 'internal_error', finished_at: now })
    .where('id', 'in', (eb) => eb.selectFrom('local_import').select('id').where('indicator_id', '=', indicatorId).where('status', 'in', [...running]).where('heartbeat_at', '<', staleBefore).forUpdate().skipLocked())
    .returning(['id', 'heartbeat_at'])
    .executeTakeFirst();
}

/** Whether a database error is the second running import of an indicator (migration 0047's index). */
export function isSecondRunningImport(error: unknown): boolean {
  return isUniqueViolation(error, 'local_import_one_running');
}

/**
 * Moves a running import on and beats its heartbeat, only while it is still in `from`: false when
 * it is not (a new import failed it as stale), and the run then stops.
 */
export async function advanceLocalImport(db: Db, id: string, from: 'reading' | 'saving' | readonly ('reading' | 'saving')[], set: Updateable<DB['local_import']>, now: Date): Promise<boolean> {
  const states = typeof from === 'string' ? [from] : [...from];
  const result = await db.updateTable('local_import').set({ ...set, heartbeat_at: now }).where('id', '=', id).where('status', 'in', states).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The indicator's current values by key, for an import to compare against. */
export async function currentLocalValues(db: Db, indicatorId: string): Promise<Map<string, { value: number | null; status: KoladaValueStatus; count: number | null; import_id: string }>> {
  const rows = await db.selectFrom('local_value').select(['municipality', 'school_unit', 'year', 'gender', 'value', 'status', 'count', 'import_id']).where('indicator_id', '=', indicatorId).execute();
  return new Map(rows.map((r) => [localRowKey({ municipality: r.municipality, schoolUnit: r.school_unit, year: r.year, gender: r.gender }), r]));
}

const BATCH = 1000;

/** Inserts or replaces values, a batch at a time (a large file has tens of thousands). */
export async function upsertLocalValues(trx: Transaction<DB>, indicatorId: string, importId: string, rows: readonly LocalRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => ({ indicator_id: indicatorId, municipality: r.municipality, school_unit: r.schoolUnit, year: r.year, gender: r.gender, value: r.value, status: r.status, count: r.count, import_id: importId }));
    await trx
      .insertInto('local_value')
      .values(values)
      .onConflict((oc) => oc.columns(['indicator_id', 'municipality', 'school_unit', 'year', 'gender']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), status: eb.ref('excluded.status'), count: eb.ref('excluded.count'), import_id: eb.ref('excluded.import_id') })))
      .execute();
  }
}

/** An indicator's current values, each with its earlier versions, newest first. */
export async function localValuesOf(db: Db, indicatorId: string) {
  const rows = await db.selectFrom('local_value').select(['municipality', 'school_unit', 'year', 'gender', 'value', 'status', 'count']).where('indicator_id', '=', indicatorId).orderBy('municipality').orderBy('school_unit').orderBy('year').orderBy('gender').execute();
  const revisions = await db.selectFrom('local_value_revision').select(['municipality', 'school_unit', 'year', 'gender', 'value', 'status', 'replaced_at']).where('indicator_id', '=', indicatorId).orderBy('replaced_at', 'desc').orderBy('id', 'desc').execute();
  const history = new Map<string, { value: number | null; status: KoladaValueStatus; replacedAt: string }[]>();
  for (const r of revisions) {
    const key = localRowKey({ municipality: r.municipality, schoolUnit: r.school_unit, year: r.year, gender: r.gender as 'T' });
    history.set(key, [...(history.get(key) ?? []), { value: r.value, status: r.status as KoladaValueStatus, replacedAt: new Date(r.replaced_at).toISOString() }]);
  }
  return rows.map((r) => ({
    municipality: r.municipality,
    schoolUnit: r.school_unit || null,
    year: r.year,
    gender: r.gender,
    value: r.value,
    status: r.status,
    count: r.count,
    history: history.get(localRowKey({ municipality: r.municipality, schoolUnit: r.school_unit, year: r.year, gender: r.gender })) ?? [],
  }));
}
