/**
 * Importing local statistics (CSV or Excel) for an indicator of source kind `local`. The preview
 * checks the whole file and writes nothing. The import is answered at once with its id and runs
 * as a job the page polls, as a survey import does: the rows are checked in slices (progress after
 * each), then, in one transaction, new values are added, changed ones revised with the earlier
 * version kept, and the import moves to done. A file with a bad row writes nothing unless the
 * analyst accepted skipping the bad rows; the same figures again change nothing.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { checkLocalRows, localLayout, localRowKey, LocalRowChecker, type IndicatorView, type LocalImportUpload, type LocalLayout, type LocalPreviewView, type LocalRow } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { readLocalFile, type LocalTable } from './local-file.ts';
import { currentLocalValues, runningLocalImport, upsertLocalValues } from './local-queries.ts';

/** Rows checked between two progress updates (and two yields to the event loop). */
const SLICE_ROWS = 5_000;

async function tableAndLayout(upload: LocalImportUpload): Promise<{ table: LocalTable; layout: LocalLayout }> {
  const table = await readLocalFile(upload.format, upload.content);
  const { layout, errors } = localLayout(table.header, upload.mapping);
  if (!layout) throw new AppError('local_file_invalid', { details: errors });
  return { table, layout };
}

/** What the file would write, and every bad row with its column and reason; nothing is written. */
export async function previewLocalFile(upload: LocalImportUpload): Promise<LocalPreviewView> {
  const { table, layout } = await tableAndLayout(upload);
  const checked = checkLocalRows(table.rows, layout, upload.mapping);
  return { header: table.header, total: checked.total, valid: checked.rows.length, rejected: checked.rejected, errors: checked.errors, sample: checked.rows.slice(0, 20) };
}

export interface LocalImportDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export async function startLocalImport(deps: LocalImportDeps, request: FastifyRequest, actor: Actor, indicator: IndicatorView, upload: LocalImportUpload): Promise<{ id: string; run: () => Promise<void> }> {
  const { table, layout } = await tableAndLayout(upload);
  if (await runningLocalImport(deps.db, indicator.id)) throw new AppError('local_import_state', { details: { reason: 'import_running' } });
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  const now = deps.clock.now();
  const audit = auditFrom(request);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('local_import')
      .values({ indicator_id: indicator.id, file_name: upload.fileName, file_sha256: sha256, format: upload.format, mapping: JSON.stringify(upload.mapping), status: 'reading', imported_by: actor.userId, started_at: now, total_rows: table.rows.length })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [{ ...audit, action: 'indicator.local.import', subjectType: 'local_import', subjectId: row.id, organisationId: indicator.owner.id, outcome: 'success', details: { indicatorId: indicator.id, fileName: upload.fileName, sha256, skipInvalidRows: upload.skipInvalidRows } }], now);
    return row.id;
  });
  const run = () => runLocalImport(deps, { importId: id, indicator, table, layout, upload, audit });
  return { id, run };
}

interface RunContext {
  importId: string;
  indicator: IndicatorView;
  table: LocalTable;
  layout: LocalLayout;
  upload: LocalImportUpload;
  audit: Pick<AuditEntry, 'actorId' | 'actorUsername' | 'requestId' | 'clientIp'>;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Checks and writes one import; its state is in the database throughout. */
export async function runLocalImport(deps: LocalImportDeps, ctx: RunContext, log?: FastifyBaseLogger): Promise<void> {
  const { db } = deps;
  try {
    const checker = new LocalRowChecker(ctx.layout, ctx.upload.mapping);
    for (const [i, { line, fields }] of ctx.table.rows.entries()) {
      checker.add(line, fields);
      if ((i + 1) % SLICE_ROWS === 0) {
        await db.updateTable('local_import').set({ processed_rows: i + 1 }).where('id', '=', ctx.importId).execute();
        await tick();
      }
    }
    const fail = (failure: string) => db.updateTable('local_import').set({ status: 'failed', failure, finished_at: deps.clock.now(), processed_rows: ctx.table.rows.length, rejected_rows: checker.rejected, errors: JSON.stringify(checker.errors) }).where('id', '=', ctx.importId).execute();
    if (checker.rejected > 0 && !ctx.upload.skipInvalidRows) return void (await fail('rows_invalid'));
    if (checker.rows.length === 0) return void (await fail('no_rows'));
    await db.updateTable('local_import').set({ status: 'saving', processed_rows: ctx.table.rows.length }).where('id', '=', ctx.importId).execute();
    await save(deps, ctx, checker);
  } catch (error) {
    log?.error({ err: error, importId: ctx.importId }, 'local statistics import failed');
    await db.updateTable('local_import').set({ status: 'failed', failure: 'internal_error', finished_at: deps.clock.now() }).where('id', '=', ctx.importId).execute();
  }
}

/** Adds new values, revises changed ones (keeping the earlier version), leaves equal ones alone. */
async function save(deps: LocalImportDeps, ctx: RunContext, checker: LocalRowChecker): Promise<void> {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = await currentLocalValues(trx, ctx.indicator.id);
    const changed: LocalRow[] = [];
    const revisions = [];
    let added = 0;
    for (const row of checker.rows) {
      const before = current.get(localRowKey(row));
      if (before && before.value === row.value && before.status === row.status && before.count === row.count) continue;
      changed.push(row);
      if (!before) added += 1;
      else revisions.push({ indicator_id: ctx.indicator.id, municipality: row.municipality, school_unit: row.schoolUnit, year: row.year, gender: row.gender, value: before.value, status: before.status, count: before.count, import_id: before.import_id, replaced_by_import_id: ctx.importId, replaced_at: at });
    }
    for (let i = 0; i < revisions.length; i += 1000) await trx.insertInto('local_value_revision').values(revisions.slice(i, i + 1000)).execute();
    await upsertLocalValues(trx, ctx.indicator.id, ctx.importId, changed);
    const counts = { added, revised: revisions.length, unchanged: checker.rows.length - changed.length, rejected: checker.rejected };
    await trx.updateTable('local_import').set({ status: 'done', finished_at: at, added: counts.added, revised: counts.revised, unchanged: counts.unchanged, rejected_rows: checker.rejected, errors: JSON.stringify(checker.errors) }).where('id', '=', ctx.importId).execute();
    await appendAudit(trx, [{ ...ctx.audit, action: 'indicator.local.import.run', subjectType: 'local_import', subjectId: ctx.importId, organisationId: ctx.indicator.owner.id, outcome: 'success', details: { indicatorId: ctx.indicator.id, ...counts } }], at);
  });
}
