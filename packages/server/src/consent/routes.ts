import { ChildParams, ConsentInput, ConsentList, ConsentParams, ConsentView, ConsentWithdrawInput } from '@samsyn/core';
import { withChildAccess, withRefusalsLogged } from '../access/gate.ts';
import { errorResponses, type App } from '../http/types.ts';
import { giveConsent, listConsents, withdraw } from './service.ts';

export async function consentRoutes(app: App): Promise<void> {
  app.get('/api/children/:id/consents', {
    schema: {
      tags: ['consent'],
      summary: "The child's consents, current and past, with who recorded and who withdrew them (logged)",
      params: ChildParams,
      response: { 200: ConsentList, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'consent', { auditAction: 'child.consent.list' });
      return { consents: await listConsents(request, access) };
    },
  });

  app.post('/api/children/:id/consents', {
    schema: {
      tags: ['consent'],
      summary: 'Record a consent: a professional records a written or verbal one, a guardian or the child gives their own digitally (logged)',
      params: ChildParams,
      body: ConsentInput,
      response: { 201: ConsentView, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const access = await withChildAccess(request, request.params.id, 'write', 'consent', { auditAction: 'child.consent.give' });
      const consent = await withRefusalsLogged(request, access, 'child.consent.give', () => giveConsent(request, access, request.body));
      return reply.status(201).send(consent);
    },
  });

  app.post('/api/children/:id/consents/:consentId/withdraw', {
    schema: {
      tags: ['consent'],
      summary: 'Withdraw a consent; it stops access from the next request and stays in the history (logged)',
      params: ConsentParams,
      body: ConsentWithdrawInput,
      response: { 200: ConsentView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'write', 'consent', { auditAction: 'child.consent.withdraw', details: { consentId: request.params.consentId } });
      return withRefusalsLogged(request, access, 'child.consent.withdraw', () => withdraw(request, access, request.params.consentId, request.body));
    },
  });
}
