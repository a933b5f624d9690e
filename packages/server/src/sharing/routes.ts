import { ChildParams, DisclosureInput, DisclosureList, DisclosureView } from '@samsyn/core';
import { withChildAccess, withChildWrite } from '../access/gate.ts';
import { errorResponses, type App } from '../http/types.ts';
import { fromOrganisation, listDisclosures, recordDisclosure } from './service.ts';

export async function sharingRoutes(app: App): Promise<void> {
  // The ledger says what went where about the child: readable with the record itself, so by the
  // care team and by the child and guardians, who have a right to know.
  app.get('/api/children/:id/disclosures', {
    schema: {
      tags: ['sharing'],
      summary: "The child's sharing ledger: what was shared with whom and why, and what was not (logged)",
      params: ChildParams,
      response: { 200: DisclosureList, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.disclosure.list' });
      return { disclosures: await listDisclosures(request, access) };
    },
  });

  // Asked of the gate as a write of the first category shared, as the sharer's organisation's own
  // information; with no category (identity or contact details only) as a write of the record.
  app.post('/api/children/:id/disclosures', {
    schema: {
      tags: ['sharing'],
      summary: 'Record a disclosure to another organisation, or a decision not to share, with its legal ground or consent (logged)',
      params: ChildParams,
      body: DisclosureInput,
      response: { 201: DisclosureView, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const from = fromOrganisation(request, request.body);
      const category = request.body.categories[0] ?? 'record';
      const recorded = await withChildWrite(request, request.params.id, category, { auditAction: 'child.disclosure.record' }, (trx, access) => recordDisclosure(trx, request, access, request.body, from ?? ''));
      return reply.status(201).send(recorded);
    },
  });
}
