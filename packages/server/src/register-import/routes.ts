import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RegisterImportList, RegisterImportPreview, RegisterImportSummary, RegisterImportUpload, registerOrganisations } from '@samsyn/core';
import { loadPolicyActor } from '../access/facts.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { importHistory, importSummary, keptMunicipalities } from './queries.ts';
import { previewImport } from './preview.ts';
import { runImport } from './run.ts';

const ImportParams = z.object({ id: z.uuid() });
/** A register file of tens of thousands of rows is a few megabytes. */
const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;

/** An organisation administrator imports a register file: preview, accept (a job the page polls), history. */
export async function registerImportRoutes(app: App): Promise<void> {
  const { db, clock } = app.services;
  // Runs in progress, so that closing the server waits for them; their state is in the database.
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  /** The import, if the caller keeps the register it was made for; 404 otherwise, so ids reveal nothing. */
  async function ownImport(request: FastifyRequest, id: string) {
    const actor = await loadPolicyActor(db, requireActor(request.actor));
    const summary = await importSummary(db, id);
    if (!summary || !registerOrganisations(actor).includes(summary.organisation.id)) throw new AppError('not_found');
    return { actor, summary };
  }

  app.post('/api/register-imports', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: {
      tags: ['register-import'],
      summary: 'Upload a register file (CSV) and preview it: errors per row and what would change; nothing is written to any child (logged)',
      body: RegisterImportUpload,
      response: { 201: RegisterImportPreview, ...errorResponses(400, 401, 403, 413) },
    },
    handler: async (request, reply) => reply.status(201).send(await previewImport(request, request.body)),
  });

  app.get('/api/register-imports', {
    schema: {
      tags: ['register-import'],
      summary: 'The import history of the registers the caller keeps: who, when, which file, the counts; and those registers (no child data)',
      response: { 200: RegisterImportList, ...errorResponses(401) },
    },
    handler: async (request) => {
      const actor = await loadPolicyActor(db, requireActor(request.actor));
      const kept = registerOrganisations(actor);
      const [imports, registers] = await Promise.all([importHistory(db, kept), keptMunicipalities(db, kept)]);
      return { imports, registers: registers.map((m) => ({ id: m.id, name: m.name })) };
    },
  });

  app.get('/api/register-imports/:id', {
    schema: {
      tags: ['register-import'],
      summary: "An import's state and progress (rows processed of all), for the page to poll (no child data)",
      params: ImportParams,
      response: { 200: RegisterImportSummary, ...errorResponses(401, 404) },
    },
    handler: async (request) => (await ownImport(request, request.params.id)).summary,
  });

  app.post('/api/register-imports/:id/accept', {
    schema: {
      tags: ['register-import'],
      summary: 'Accept a previewed import: it runs as a job; poll the import for its progress (logged, one entry per child created or changed)',
      params: ImportParams,
      response: { 202: RegisterImportSummary, ...errorResponses(401, 404, 409) },
    },
    handler: async (request, reply) => {
      const { actor, summary } = await ownImport(request, request.params.id);
      const now = clock.now();
      const accepted = await db.transaction().execute(async (trx) => {
        // Only one accept wins: the status moves from previewed to running once.
        const row = await trx.updateTable('register_import').set({ status: 'running', accepted_at: now }).where('id', '=', summary.id).where('status', '=', 'previewed').returning('id').executeTakeFirst();
        if (row) await appendAudit(trx, [{ ...auditFrom(request), action: 'register_import.accept', subjectType: 'register_import', subjectId: summary.id, organisationId: summary.organisation.id, outcome: 'success', details: { fileName: summary.fileName, rows: summary.totalRows } }], now);
        return Boolean(row);
      });
      if (!accepted) throw new AppError('register_import_state', { details: { status: summary.status } });
      // runImport never throws: a run that stops ends 'failed' (run.ts).
      const job = runImport(app.services, request.log, { importId: summary.id, organisationId: summary.organisation.id, fileName: summary.fileName, actor, audit: auditFrom(request) })
        .finally(() => running.delete(job));
      running.add(job);
      return reply.status(202).send((await importSummary(db, summary.id))!);
    },
  });

  app.post('/api/register-imports/:id/discard', {
    schema: {
      tags: ['register-import'],
      summary: 'Discard a previewed import: its staged rows are deleted and nothing is written (logged)',
      params: ImportParams,
      response: { 200: RegisterImportSummary, ...errorResponses(401, 404, 409) },
    },
    handler: async (request) => {
      const { summary } = await ownImport(request, request.params.id);
      const now = clock.now();
      const discarded = await db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('register_import').set({ status: 'discarded', finished_at: now }).where('id', '=', summary.id).where('status', '=', 'previewed').returning('id').executeTakeFirst();
        if (!row) return false;
        await trx.deleteFrom('register_import_row').where('import_id', '=', summary.id).execute();
        await appendAudit(trx, [{ ...auditFrom(request), action: 'register_import.discard', subjectType: 'register_import', subjectId: summary.id, organisationId: summary.organisation.id, outcome: 'success', details: { fileName: summary.fileName } }], now);
        return true;
      });
      if (!discarded) throw new AppError('register_import_state', { details: { status: summary.status } });
      return (await importSummary(db, summary.id))!;
    },
  });
}
