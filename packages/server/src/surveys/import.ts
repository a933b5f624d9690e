/**
 * Importing survey microdata. The upload is checked (header) and answered at once with the
 * import's id; the file is then read as a job the page polls: first every row is parsed and
 * summed (progress per slice of rows), then, in one transaction with COPY, the raw rows and the
 * pre-aggregated sums are written and the import moves to done. A file with a bad row writes
 * nothing unless the analyst asked to skip bad rows; the same file again changes nothing; a file
 * for years already imported is refused unless it is to replace that wave.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { aggregateCopyLine, countDataLines, fileLines, headerLine, RespondentReader, respondentCopyColumns, respondentLayout, SurveyAggregator, type RespondentLayout, type SurveyDefinitionView, type SurveyImportUpload, type SurveyRowError } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { BulkWriter } from '../db/bulk.ts';
import type { Clock } from '../clock.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { doneImportOfFile, doneImports, runningImport } from './queries.ts';
import { buildIndicatorCellsSql } from './indicator-cells.ts';

/** Rows parsed between two progress updates (and two yields to the event loop). */
const SLICE_ROWS = 25_000;
/** Rejected rows kept with their reasons; the count says how many in all. */
const KEPT_ERRORS = 200;

export interface ImportDeps {
  db: Kysely<DB>;
  bulk: BulkWriter;
  clock: Clock;
}

export interface StartedImport {
  id: string;
  /** False when the same file was already in force: nothing new was started. */
  started: boolean;
  run?: () => Promise<void>;
}

export async function startSurveyImport(deps: ImportDeps, request: FastifyRequest, actor: Actor, survey: SurveyDefinitionView, upload: SurveyImportUpload): Promise<StartedImport> {
  const { layout, errors } = respondentLayout(headerLine(upload.content), survey);
  if (!layout) throw new AppError('survey_file_invalid', { details: errors });
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  const existing = await doneImportOfFile(deps.db, survey.id, sha256);
  if (existing) return { id: existing, started: false };
  if (await runningImport(deps.db, survey.id)) throw new AppError('survey_import_state', { details: { reason: 'import_running' } });
  const now = deps.clock.now();
  const audit = auditFrom(request);
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('survey_import')
      .values({ survey_id: survey.id, file_name: upload.fileName, file_sha256: sha256, status: 'reading', imported_by: actor.userId, started_at: now, questions: survey.questions.map((q) => q.id), total_rows: countDataLines(upload.content) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [{ ...audit, action: 'survey.import', subjectType: 'survey_import', subjectId: row.id, organisationId: survey.owner.id, outcome: 'success', details: { surveyId: survey.id, fileName: upload.fileName, sha256 } }], now);
    return row.id;
  });
  const run = () => runSurveyImport(deps, { importId: id, survey, layout, content: upload.content, replaceWave: upload.replaceWave, skipInvalidRows: upload.skipInvalidRows, audit });
  return { id, started: true, run };
}

export interface RunContext {
  importId: string;
  survey: SurveyDefinitionView;
  layout: RespondentLayout;
  content: string;
  replaceWave: boolean;
  skipInvalidRows: boolean;
  audit: Pick<AuditEntry, 'actorId' | 'actorUsername' | 'requestId' | 'clientIp'>;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Parses, sums and writes one import; its state is in the database throughout. */
export async function runSurveyImport(deps: ImportDeps, ctx: RunContext, log?: FastifyBaseLogger): Promise<void> {
  const { db } = deps;
  try {
    const parsed = await parseAll(db, ctx);
    const finish = (failure: string) => db.updateTable('survey_import').set({ status: 'failed', failure, finished_at: deps.clock.now(), processed_rows: parsed.processed, rejected_rows: parsed.rejected, errors: JSON.stringify(parsed.errors) }).where('id', '=', ctx.importId).execute();
    if (parsed.rejected > 0 && !ctx.skipInvalidRows) return void (await finish('rows_invalid'));
    if (parsed.rows === 0) return void (await finish('no_rows'));
    const years = parsed.aggregator.years();
    const overlapping = (await doneImports(db, ctx.survey.id)).filter((i) => i.years.some((y) => years.includes(y)));
    if (overlapping.length > 0 && !ctx.replaceWave) return void (await finish('wave_exists'));
    await db.updateTable('survey_import').set({ status: 'saving', processed_rows: parsed.processed }).where('id', '=', ctx.importId).execute();
    await deps.bulk(async (s) => {
      await s.copy('survey_respondent', respondentCopyColumns, parsed.copy, 'binary');
      await s.copy('survey_aggregate', ['import_id', 'year', 'municipality', 'gender', 'grade', 'question', 'answer', 'respondents', 'weight_sum', 'weight_squared_sum'], mapLines(parsed.aggregator.rows(), (r) => aggregateCopyLine(ctx.importId, r)));
      // Each linked indicator's cells of this import, what its panels read (indicator-cells.ts).
      for (const statement of buildIndicatorCellsSql(db, { importId: ctx.importId })) await s.query(statement.sql, statement.parameters);
      if (overlapping.length > 0) await s.query(`UPDATE survey_import SET status = 'replaced' WHERE id = ANY($1::uuid[])`, [overlapping.map((o) => o.id)]);
      await s.query(`UPDATE survey_import SET status = 'done', finished_at = $2, years = $3, imported_rows = $4, rejected_rows = $5, errors = $6 WHERE id = $1`, [ctx.importId, deps.clock.now().toISOString(), years, parsed.rows, parsed.rejected, JSON.stringify(parsed.errors)]);
    });
    const now = deps.clock.now();
    await db.transaction().execute((trx) => appendAudit(trx, [{ ...ctx.audit, action: 'survey.import.run', subjectType: 'survey_import', subjectId: ctx.importId, organisationId: ctx.survey.owner.id, outcome: 'success', details: { surveyId: ctx.survey.id, years, rows: parsed.rows, rejected: parsed.rejected, replaced: overlapping.map((o) => o.id) } }], now));
  } catch (error) {
    log?.error({ err: error, importId: ctx.importId }, 'survey import failed');
    await db.updateTable('survey_import').set({ status: 'failed', failure: 'internal_error', finished_at: deps.clock.now() }).where('id', '=', ctx.importId).execute();
  }
}

/** Every row read, summed and made COPY text, in slices; the progress moves on after each. */
async function parseAll(db: Kysely<DB>, ctx: RunContext) {
  const maxCode = Math.max(...ctx.survey.questions.flatMap((q) => q.options.map((o) => o.code)));
  const aggregator = new SurveyAggregator(ctx.survey.questions.length, maxCode);
  const reader = new RespondentReader(ctx.layout, aggregator, ctx.importId);
  const errors: SurveyRowError[] = [];
  let rejected = 0;
  let processed = 0;
  for (const { line, number } of fileLines(ctx.content)) {
    const refused = reader.read(line, number);
    processed += 1;
    if (refused) {
      rejected += 1;
      if (errors.length < KEPT_ERRORS) errors.push(...refused.slice(0, KEPT_ERRORS - errors.length));
    }
    if (processed % SLICE_ROWS === 0) {
      await db.updateTable('survey_import').set({ processed_rows: processed, rejected_rows: rejected }).where('id', '=', ctx.importId).execute();
      await tick();
    }
  }
  return { aggregator, copy: reader.copyChunks(), rows: reader.rows, errors, rejected, processed };
}

function* mapLines<T>(items: Iterable<T>, f: (t: T) => string): Generator<string> {
  for (const item of items) yield f(item);
}
