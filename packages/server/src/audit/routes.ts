import { z } from 'zod';
import { isSystemAdmin } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { verifyAuditChain } from './verify.ts';

const ChainReport = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z
    .object({ seq: z.string(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'head_mismatch']) })
    .nullable(),
});

export async function auditRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  app.get('/api/admin/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: 'Check the whole hash chain of the audit log (system administrators)',
      response: { 200: ChainReport, ...errorResponses(401, 403) },
    },
    handler: async (request) => {
      if (!isSystemAdmin(requireActor(request.actor))) throw new AppError('forbidden');
      return verifyAuditChain(deps.db);
    },
  });
}
