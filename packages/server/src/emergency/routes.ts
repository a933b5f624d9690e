import { z } from 'zod';
import { ChildParams, EmergencyLegalGroundList, EmergencyAccessByNumber, EmergencyAccessOpen, EmergencyAccessParams, EmergencyAccessView, EmergencyReviewInput, EmergencyReviewQuery } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { childIdByNumber, groundsForOpener, openEmergencyAccess, reviewEmergencyAccess, reviewQueue } from './service.ts';

export async function emergencyRoutes(app: App): Promise<void> {
  app.post('/api/children/:id/emergency-access', {
    schema: {
      tags: ['emergency-access'],
      summary: 'Open emergency access (nödåtkomst) to a record you have no other basis for: a reason and a legal ground; read-only, time-limited, reviewed (logged)',
      params: ChildParams,
      body: EmergencyAccessOpen,
      response: { 201: EmergencyAccessView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await openEmergencyAccess(request, request.params.id, request.body)),
  });

  app.post('/api/emergency-access', {
    schema: {
      tags: ['emergency-access'],
      summary: 'Open emergency access by the identity number a refused search was for (its id is not given); otherwise as by id (logged)',
      body: EmergencyAccessByNumber,
      response: { 201: EmergencyAccessView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { identityNumber, ...input } = request.body;
      const childId = await childIdByNumber(request, identityNumber);
      return reply.status(201).send(await openEmergencyAccess(request, childId, input));
    },
  });

  app.get('/api/emergency-access/legal-grounds', {
    schema: {
      tags: ['emergency-access'],
      summary: "The emergency grounds you are offered: in force today and fitting your unit's sector, each explained in one line",
      response: { 200: EmergencyLegalGroundList, ...errorResponses(401) },
    },
    handler: async (request) => groundsForOpener(request),
  });

  app.get('/api/emergency-access/review', {
    schema: {
      tags: ['emergency-access'],
      summary: "The review queue: emergency accesses opened at the units you manage (unit managers) or in your organisation (collaboration coordinators)",
      querystring: EmergencyReviewQuery,
      response: { 200: z.array(EmergencyAccessView), ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => reviewQueue(request, request.query.status),
  });

  app.post('/api/emergency-access/:id/review', {
    schema: {
      tags: ['emergency-access'],
      summary: 'Mark an emergency access justified or unjustified, with a comment; once (logged)',
      params: EmergencyAccessParams,
      body: EmergencyReviewInput,
      response: { 200: EmergencyAccessView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => reviewEmergencyAccess(request, request.params.id, request.body),
  });
}
