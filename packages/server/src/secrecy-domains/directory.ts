import { SecrecyDomainDirectory } from '@samsyn/core';
import { errorResponses, requireActor, type App } from '../http/types.ts';

/**
 * The directory of secrecy domains, for choosing a consent's parties: every domain with its
 * organisation and legal reference. Reference data like the organisations and units (no child
 * data, no units, nothing about who works where), so it asks no gate and leaves no entry.
 *
 * Professionals read it for the consent form. Citizens read it too: a guardian or the child
 * chooses the same parties when giving their own consent digitally, and a consent that names
 * a domain is narrower than one naming a whole organisation; refusing them the directory would
 * push them to the wider choice.
 */
export async function secrecyDomainDirectoryRoutes(app: App): Promise<void> {
  const { db } = app.services;

  app.get('/api/secrecy-domains/directory', {
    schema: {
      tags: ['secrecy domains'],
      summary: 'Every secrecy domain with its organisation and legal reference: the parties a consent can name (no child data)',
      response: { 200: SecrecyDomainDirectory, ...errorResponses(401) },
    },
    handler: async (request) => {
      requireActor(request.actor);
      // The query lives here rather than in queries.ts, which the administrators' routes share.
      const rows = await db
        .selectFrom('secrecy_domain as d')
        .innerJoin('organisation as o', 'o.id', 'd.organisation_id')
        .select(['d.id', 'd.name', 'd.kind', 'd.legal_reference', 'd.organisation_id', 'o.name as organisation_name'])
        .orderBy('o.name')
        .orderBy('d.name')
        .execute();
      return {
        domains: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, legalReference: r.legal_reference, organisationId: r.organisation_id, organisationName: r.organisation_name })),
      };
    },
  });
}
