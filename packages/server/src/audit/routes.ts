import { z } from 'zod';
import { AuditVerification, AuditVerifyFrom, Id, isSystemAdmin } from '@samsyn/core';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { findVerification, startVerification, type VerificationDeps } from './verification-job.ts';

const VerificationParams = z.object({ id: Id });
const VerificationStart = z.object({ from: AuditVerifyFrom.optional() }).strict().optional();

/**
 * Verification of the whole log is a job: a log of millions of entries takes minutes, and no
 * request is held open that long. POST starts it (or returns the run already going), GET polls.
 */
export async function auditRoutes(app: App, deps: Omit<VerificationDeps, 'log'>): Promise<void> {
  const jobDeps: VerificationDeps = { ...deps, log: app.log };

  app.post('/api/admin/audit/verifications', {
    schema: {
      tags: ['audit'],
      summary: 'Start checking the audit log\'s hash chain against the signed checkpoints (system administrators)',
      description: '`from`: `start` (the default) checks every entry; `last_checkpoint` starts at the last good signed checkpoint.',
      body: VerificationStart,
      response: { 202: AuditVerification, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      if (!isSystemAdmin(actor)) throw new AppError('forbidden');
      const from = request.body?.from ?? 'start';
      const view = await startVerification(jobDeps, { userId: actor.userId, username: actor.username, requestId: request.id, clientIp: request.ip }, from);
      return reply.code(202).send(view);
    },
  });

  app.get('/api/admin/audit/verifications/:id', {
    schema: {
      tags: ['audit'],
      summary: 'Progress and result of an audit log check (system administrators)',
      params: VerificationParams,
      response: { 200: AuditVerification, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      if (!isSystemAdmin(requireActor(request.actor))) throw new AppError('forbidden');
      const view = await findVerification(jobDeps, request.params.id);
      if (!view) throw new AppError('not_found');
      return view;
    },
  });
}
