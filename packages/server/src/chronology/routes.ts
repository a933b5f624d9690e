import { ChildOverview, ChildParams, ChronologyQuery, ChronologyView } from '@samsyn/core';
import { withChildAccessLoading } from '../access/gate.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { chronologyWithFacts } from './queries.ts';
import { childNameOf, chronologyView, gateJudge, judgeEvents, overviewOf } from './service.ts';

/**
 * The chronology and the child's overview. Each read is one gate decision (asked as a read of the
 * record, on the facts kept for the child's facts version that the events' statement read) and one
 * audit entry; each event is then decided as the record decides its entries.
 */
export async function chronologyRoutes(app: App): Promise<void> {
  app.get('/api/children/:id/chronology', {
    schema: {
      tags: ['chronology'],
      summary: "The child's chronology: the events the caller may see, filtered and paged, and how many more exist without saying what (logged)",
      params: ChildParams,
      querystring: ChronologyQuery,
      response: { 200: ChronologyView, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const query = request.query;
      const filters = { organisation: query.organisation, secrecyDomain: query.secrecyDomain, types: query.types, from: query.from, to: query.to };
      const { access, loaded } = await withChildAccessLoading(request, request.params.id, 'read', 'record', { auditAction: 'child.chronology.read', purpose: 'open_record', details: { view: 'chronology', filters, order: query.order, page: query.page } }, chronologyWithFacts);
      const judged = judgeEvents(loaded, gateJudge(access, requireActor(request.actor)), access.now);
      return chronologyView(judged, query, childNameOf(loaded, access.decision.fields.protectedIdentity));
    },
  });

  app.get('/api/children/:id/overview', {
    schema: {
      tags: ['chronology'],
      summary: "The child's overview: the latest wheel from each respondent, the open concerns and the latest events, as far as the caller may see (one look, logged)",
      params: ChildParams,
      response: { 200: ChildOverview, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const { access, loaded } = await withChildAccessLoading(request, request.params.id, 'read', 'record', { auditAction: 'child.overview.read', purpose: 'open_record', details: { view: 'overview' } }, chronologyWithFacts);
      const judged = judgeEvents(loaded, gateJudge(access, requireActor(request.actor)), access.now);
      return overviewOf(judged, childNameOf(loaded, access.decision.fields.protectedIdentity), (category) => access.sharedFromOtherDomains(category));
    },
  });
}
