import { ChildParams, ConsentInput, ConsentList, ConsentParams, ConsentView, ConsentWithdrawInput } from '@samsyn/core';
import { withChildAccess, withChildWrite } from '../access/gate.ts';
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
      const consent = await withChildWrite(request, request.params.id, 'consent', { auditAction: 'child.consent.give' }, (trx, access) => giveConsent(trx, request, access, request.body));
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
      const options = { auditAction: 'child.consent.withdraw' as const, details: { consentId: request.params.consentId } };
      return withChildWrite(request, request.params.id, 'consent', options, (trx, access) => withdraw(trx, request, access, request.params.consentId, request.body));
    },
  });
}
