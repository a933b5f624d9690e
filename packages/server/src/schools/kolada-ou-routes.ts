import { z } from 'zod';
import { KoladaOuInput, KoladaOuLink, KoladaOuList, SchoolUnitParams } from '@samsyn/core';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { koladaOuLinks, removeKoladaOu, setKoladaOu } from './kolada-ou.ts';

/**
 * An administrator links a school unit to its Kolada unit (ou): list, set, remove. Only an
 * administrator of the school's organisation or a system administrator; each change is logged.
 */
export async function koladaOuRoutes(app: App): Promise<void> {
  const { db } = app.services;

  app.get('/api/schools/kolada-ous', {
    schema: { tags: ['schools'], summary: 'The school units of the organisations you administer, each with its Kolada unit (ou) and how many Kolada values the imports hold for it', response: { 200: KoladaOuList, ...errorResponses(401, 403) } },
    handler: async (request) => ({ schools: await koladaOuLinks(db, requireActor(request.actor)) }),
  });

  app.put('/api/schools/:unitId/kolada-ou', {
    schema: { tags: ['schools'], summary: 'Set which Kolada unit (ou) a school unit is (administrators of its organisation; logged)', params: SchoolUnitParams, body: KoladaOuInput, response: { 200: KoladaOuLink, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => setKoladaOu(request, requireActor(request.actor), request.params.unitId, request.body.koladaOu),
  });

  app.delete('/api/schools/:unitId/kolada-ou', {
    schema: { tags: ['schools'], summary: 'Remove a school unit’s Kolada unit (administrators of its organisation; logged)', params: SchoolUnitParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await removeKoladaOu(request, requireActor(request.actor), request.params.unitId);
      return reply.status(204).send(null);
    },
  });
}
