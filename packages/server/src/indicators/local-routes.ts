import { z } from 'zod';
import { canManageIndicators, LocalImportList, LocalImportUpload, LocalImportView, LocalPreviewView, LocalValueList, type IndicatorView } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { previewLocalFile, startLocalImport } from './local-import.ts';
import { findLocalImport, localImportsOf, localValuesOf } from './local-queries.ts';
import { findIndicator } from './queries.ts';

/**
 * Local statistics (source kind `local`): a preview, an import that runs as a job with progress,
 * the import history and the values with their earlier versions. Aggregates only, no child's data,
 * so no child gate. Those who keep the indicator import (its owner's analysts, a system
 * administrator); anyone logged in reads the values.
 */

const Params = z.object({ id: z.string().min(1).max(80) });
const ImportParams = z.object({ id: z.uuid() });
/** About 200,000 rows of CSV, or an Excel workbook of the same as base64. */
const UPLOAD_LIMIT_BYTES = 32 * 1024 * 1024;

async function localIndicator(db: Kysely<DB>, id: string): Promise<IndicatorView> {
  const indicator = await findIndicator(db, id);
  if (!indicator) throw new AppError('not_found');
  if (indicator.source.kind !== 'local') throw new AppError('validation_failed', { details: [{ path: 'params.id', message: 'not_a_local_indicator' }] });
  return indicator;
}

function keeper(actor: Actor, indicator: IndicatorView): void {
  if (!canManageIndicators(actor, indicator.owner.id)) throw new AppError('forbidden');
}

export async function localStatisticsRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  const { db } = deps;
  const { clock } = app.services;
  // Imports in progress, so that closing the server waits for them; their state is in the database.
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.post('/api/indicators/:id/local-imports/preview', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: { tags: ['indicators'], summary: 'Check a CSV or Excel file of local figures with its column mapping: the rows it would write and every bad row with its column and reason. Writes nothing', params: Params, body: LocalImportUpload, response: { 200: LocalPreviewView, ...errorResponses(400, 401, 403, 404, 413) } },
    handler: async (request) => {
      const indicator = await localIndicator(db, request.params.id);
      keeper(requireActor(request.actor), indicator);
      return previewLocalFile(request.body);
    },
  });

  app.post('/api/indicators/:id/local-imports', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: { tags: ['indicators'], summary: 'Import a CSV or Excel file of local figures: it runs as a job; poll the import for its progress. With a bad row nothing is written unless skipInvalidRows; the same figures again change nothing (logged)', params: Params, body: LocalImportUpload, response: { 202: LocalImportView, ...errorResponses(400, 401, 403, 404, 409, 413) } },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      const indicator = await localIndicator(db, request.params.id);
      keeper(actor, indicator);
      const started = await startLocalImport({ db, clock }, request, actor, indicator, request.body);
      const job = started.run().finally(() => running.delete(job));
      running.add(job);
      return reply.status(202).send((await findLocalImport(db, started.id))!);
    },
  });

  app.get('/api/indicators/:id/local-imports', {
    schema: { tags: ['indicators'], summary: 'A local indicator’s import history, newest first: who, when, which file, the rows added, revised, unchanged and rejected', params: Params, response: { 200: LocalImportList, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      const indicator = await localIndicator(db, request.params.id);
      keeper(requireActor(request.actor), indicator);
      return { imports: await localImportsOf(db, indicator.id) };
    },
  });

  app.get('/api/local-imports/:id', {
    schema: { tags: ['indicators'], summary: 'A local import’s state and progress (rows checked of all), for the page to poll', params: ImportParams, response: { 200: LocalImportView, ...errorResponses(401, 403, 404) } },
    handler: async (request) => {
      const found = await findLocalImport(db, request.params.id);
      if (!found) throw new AppError('not_found');
      keeper(requireActor(request.actor), (await findIndicator(db, found.indicatorId))!);
      return found;
    },
  });

  app.get('/api/indicators/:id/local-values', {
    // The raw figures, school units and counts unsuppressed, as imported: for the indicator's keepers, as the
    // import history is. Everyone else reads the judged, public breakdowns through the series.
    schema: { tags: ['indicators'], summary: 'A local indicator’s current values as imported, each with its status as a reason and its earlier versions (the indicator’s keepers)', params: Params, response: { 200: LocalValueList, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      const indicator = await localIndicator(db, request.params.id);
      keeper(requireActor(request.actor), indicator);
      return { values: await localValuesOf(db, indicator.id) };
    },
  });
}
