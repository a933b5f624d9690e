import { TeamChildList, type AccessDecision } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { teamChildrenOf } from './queries.ts';
import { toTeamChildren } from './service.ts';

/**
 * The ceiling of "Mina barn", for `npm run bench` only (registered with the bench's other
 * routes, behind --bench-routes): the same statement and the same view as GET
 * /api/start/children, without the gate and without the audit entries.
 */
export async function startBenchRoutes(app: App): Promise<void> {
  // An allowing answer whose entries are all readable: the ceiling shows what the gated list may show at most.
  const decision = { allow: true } as AccessDecision & { allow: true };
  const allowed = { allow: true as const, access: { decision, decide: () => decision } as unknown as ChildAccess };
  app.get('/api/bench/start/children/ungated', {
    schema: { hide: true, response: { 200: TeamChildList, ...errorResponses(401) } },
    handler: async (request) => {
      const { db, clock } = request.server.services;
      const userId = requireActor(request.actor).userId;
      const now = clock.now();
      const rows = await teamChildrenOf(db, userId, now);
      return { children: toTeamChildren(rows, userId, now, () => allowed) };
    },
  });
}
