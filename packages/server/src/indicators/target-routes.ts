import { z } from 'zod';
import { SeriesQuery, SeriesView, TargetInput, TargetList, TargetParams, TargetUpdate, TargetView } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { seriesOf } from './series.ts';
import { changeTarget, createTarget, removeTarget, targetList } from './targets.ts';

/**
 * An indicator's stored targets and its yearly series (Befolkning). Aggregates only, no child's
 * data, so no child gate: anyone logged in reads them; the indicator's keepers, its owner's
 * coordinators and the target organisation's analysts write (`canManageTargets`), each write logged.
 */

const Params = z.object({ id: z.string().min(1).max(80) });

export async function targetRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  const { db } = deps;

  app.get('/api/indicators/:id/targets', {
    schema: { tags: ['indicators'], summary: 'An indicator’s targets, one per organisation (the county’s region or a municipality), and whether the caller may change them', params: Params, response: { 200: TargetList, ...errorResponses(401, 404) } },
    handler: async (request) => targetList(db, requireActor(request.actor), request.params.id),
  });

  app.post('/api/indicators/:id/targets', {
    schema: { tags: ['indicators'], summary: 'Set a target for an organisation: a baseline and a yearly change (+2 points a year) or a fixed value by a year (logged)', params: Params, body: TargetInput, response: { 201: TargetView, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await createTarget(db, request, requireActor(request.actor), request.params.id, request.body)),
  });

  app.patch('/api/indicators/:id/targets/:targetId', {
    schema: { tags: ['indicators'], summary: 'Change a target’s rule; who and when are kept, the rule before is logged', params: TargetParams, body: TargetUpdate, response: { 200: TargetView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => changeTarget(db, request, requireActor(request.actor), request.params.id, request.params.targetId, request.body.rule),
  });

  app.delete('/api/indicators/:id/targets/:targetId', {
    schema: { tags: ['indicators'], summary: 'Remove a target (the rule removed stays in the log)', params: TargetParams, response: { 204: z.null(), ...errorResponses(401, 403, 404) } },
    handler: async (request, reply) => {
      await removeTarget(db, request, requireActor(request.actor), request.params.id, request.params.targetId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/indicators/:id/series', {
    schema: { tags: ['indicators'], summary: 'A Kolada or local indicator’s yearly series for the county or a municipality, with the area’s target judged per year: on track, off track or no data, with the gap', params: Params, querystring: SeriesQuery, response: { 200: SeriesView, ...errorResponses(400, 401, 404) } },
    handler: async (request) => seriesOf(db, request.params.id, request.query),
  });
}
