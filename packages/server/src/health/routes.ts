import { z } from 'zod';
import type { App } from '../http/types.ts';
import type { DatabaseKind } from '../db/database.ts';
import { version } from '../version.ts';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string() });

export async function healthRoutes(app: App, deps: { databaseKind: DatabaseKind }): Promise<void> {
  const body = { status: 'ok' as const, database: deps.databaseKind, version };
  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Liveness, database kind and version', response: { 200: Health } },
    handler: async () => body,
  });
}
