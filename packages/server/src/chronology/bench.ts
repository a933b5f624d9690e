import { ChildOverview, ChildParams } from '@samsyn/core';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { loadChronologyUngated } from './queries.ts';
import { childNameOf, judgeEvents, overviewOf, type Judge } from './service.ts';

// The ceiling decides nothing: every event is shown.
const showAll: Judge = () => ({ shown: true, basis: 'own_organisation' });

/**
 * The ceiling of the child's overview, for `npm run bench` only (registered with the bench's
 * other routes, behind --bench-routes, never in production): the same statement without the
 * gate's facts, the same view without a decision per event, and no audit entry.
 */
export async function chronologyBenchRoutes(app: App): Promise<void> {
  app.get('/api/bench/children/:id/overview/ungated', {
    schema: { hide: true, params: ChildParams, response: { 200: ChildOverview, ...errorResponses(401, 404) } },
    handler: async (request) => {
      const { db, clock } = request.server.services;
      const loaded = await loadChronologyUngated(db, request.params.id);
      if (!loaded) throw new AppError('not_found');
      return overviewOf(judgeEvents(loaded, showAll, clock.now()), childNameOf(loaded, true), () => true);
    },
  });
}
