/**
 * Importing local statistics (CSV or Excel) for an indicator of source kind `local`. The preview
 * checks the whole file and writes nothing. The import is answered at once with its id and runs
 * as a job the page polls, as a survey import does: the rows are checked in slices (progress after
 * each), then, in one transaction, new values are added, changed ones revised with the earlier
 * version kept, and the import moves to done. A file with a bad row writes nothing unless the
 * analyst accepted skipping the bad rows; the same figures again change nothing.
 *
 * One import per indicator runs at a time: the database refuses a second running row (migration
 * 0047), so two requests at once give one 202 and one 409. A running import beats its heartbeat
 * with each step; a new import fails one whose beat is older than `STALE_AFTER_MS` (its process
 * died) in the transaction that starts it, and a run whose row is no longer in its state stops.
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
import { advanceLocalImport, currentLocalValues, failStaleLocalImport, isSecondRunningImport, upsertLocalValues } from './local-queries.ts';

/** Rows checked between two progress updates (and two yields to the event loop). */
const SLICE_ROWS = 5_000;
/**
 * A running import beats at least every slice (well under a second) and while it saves holds its
 * row locked, which the stale check skips: a beat this old means the process that ran it is gone.
 */
export const STALE_AFTER_MS = 10 * 60_000;

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
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  const now = deps.clock.now();
  const audit = auditFrom(request);
  const id = await deps.db.transaction().execute(async (trx) => {
    const stale = await failStaleLocalImport(trx, indicator.id, new Date(now.getTime() - STALE_AFTER_MS), now);
    const row = await trx
      .insertInto('local_import')
      .values({ indicator_id: indicator.id, file_name: upload.fileName, file_sha256: sha256, format: upload.format, mapping: JSON.stringify(upload.mapping), status: 'reading', imported_by: actor.userId, started_at: now, heartbeat_at: now, total_rows: table.rows.length })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isSecondRunningImport(error)) throw new AppError('local_import_state', { details: { reason: 'import_running' } });
        throw error;
      });
    const entries: AuditEntry[] = [{ ...audit, action: 'indicator.local.import', subjectType: 'local_import', subjectId: row.id, organisationId: indicator.owner.id, outcome: 'success', details: { indicatorId: indicator.id, fileName: upload.fileName, sha256, skipInvalidRows: upload.skipInvalidRows, ...(stale ? { failedStale: stale.id } : {}) } }];
    if (stale) entries.unshift({ ...audit, action: 'indicator.local.import.run', subjectType: 'local_import', subjectId: stale.id, organisationId: indicator.owner.id, outcome: 'failure', details: { indicatorId: indicator.id, reason: 'stale', heartbeatAt: new Date(stale.heartbeat_at).toISOString() } });
    await appendAudit(trx, entries, now);
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
  const { db, clock } = deps;
  const id = ctx.importId;
  try {
    const checker = new LocalRowChecker(ctx.layout, ctx.upload.mapping);
    for (const [i, { line, fields }] of ctx.table.rows.entries()) {
      checker.add(line, fields);
      if ((i + 1) % SLICE_ROWS === 0) {
        if (!(await advanceLocalImport(db, id, 'reading', { processed_rows: i + 1 }, clock.now()))) return abandoned(ctx, log);
        await tick();
      }
    }
    const total = ctx.table.rows.length;
    const fail = (failure: string) => advanceLocalImport(db, id, 'reading', { status: 'failed', failure, finished_at: clock.now(), processed_rows: total, rejected_rows: checker.rejected, errors: JSON.stringify(checker.errors) }, clock.now());
    if (checker.rejected > 0 && !ctx.upload.skipInvalidRows) return void (await fail('rows_invalid'));
    if (checker.rows.length === 0) return void (await fail('no_rows'));
    if (!(await advanceLocalImport(db, id, 'reading', { status: 'saving', processed_rows: total }, clock.now()))) return abandoned(ctx, log);
    if (!(await save(deps, ctx, checker))) abandoned(ctx, log);
  } catch (error) {
    log?.error({ err: error, importId: id }, 'local statistics import failed');
    await advanceLocalImport(db, id, ['reading', 'saving'], { status: 'failed', failure: 'internal_error', finished_at: clock.now() }, clock.now());
  }
}

/** A run whose row a newer import failed as stale: it writes nothing more. */
function abandoned(ctx: RunContext, log?: FastifyBaseLogger): void {
  log?.warn({ importId: ctx.importId }, 'local statistics import was failed as stale; its run stops');
}

/** Adds new values, revises changed ones (keeping the earlier version), leaves equal ones alone. */
async function save(deps: LocalImportDeps, ctx: RunContext, checker: LocalRowChecker): Promise<boolean> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // Locks the row for the save (a stale check skips it) and finds it still saving.
    if (!(await advanceLocalImport(trx, ctx.importId, 'saving', {}, at))) return false;
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
    return true;
  });
}
