import { ChildParams, ConcernInput, ConcernList, ConcernView, EarlySignalList } from '@samsyn/core';
import { withChildAccess, withChildWrite } from '../access/gate.ts';
import { errorResponses, type App } from '../http/types.ts';
import { listEarlySignals } from './early-signals.ts';
import { earlySignalRuleRoutes } from './rules.ts';
import { listConcerns, recordConcern } from './service.ts';

export async function concernRoutes(app: App): Promise<void> {
  // Asked as a read of the record; each concern is then decided with the category `concern`.
  app.get('/api/children/:id/concerns', {
    schema: {
      tags: ['concerns'],
      summary: 'The concerns (oro) about the child that the caller’s basis allows, and whether they may record one (logged)',
      params: ChildParams,
      response: { 200: ConcernList, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.concern.list' });
      return listConcerns(request, access);
    },
  });

  app.post('/api/children/:id/concerns', {
    schema: {
      tags: ['concerns'],
      summary: 'Record a concern in the writer’s own secrecy domain (logged)',
      params: ChildParams,
      body: ConcernInput,
      response: { 201: ConcernView, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const recorded = await withChildWrite(request, request.params.id, 'concern', { auditAction: 'child.concern.record' }, (trx, access) => recordConcern(trx, access, request.body));
      return reply.status(201).send(recorded);
    },
  });

  app.get('/api/early-signals', {
    schema: {
      tags: ['concerns'],
      summary: 'The early-signal suggestions for the children the caller is named person of; each child gated as a list (logged per child)',
      response: { 200: EarlySignalList, ...errorResponses(401) },
    },
    handler: async (request) => ({ signals: await listEarlySignals(request) }),
  });

  await earlySignalRuleRoutes(app);
}
