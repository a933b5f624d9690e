import { z } from 'zod';
import { canAdministerOrganisation, Organisation } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { listOrganisations } from './queries.ts';

const OrganisationListItem = Organisation.extend({
  /** Whether the caller may change this organisation's units and users. */
  administrable: z.boolean(),
});

export async function organisationRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  app.get('/api/organisations', {
    schema: {
      tags: ['organisations'],
      summary: 'The principals (region, municipalities) and partner organisations',
      response: { 200: z.array(OrganisationListItem), ...errorResponses(401) },
    },
    handler: async (request) => {
      const actor = requireActor(request.actor);
      const organisations = await listOrganisations(deps.db);
      return organisations.map((o) => ({ ...o, administrable: canAdministerOrganisation(actor, o.id) }));
    },
  });
}
