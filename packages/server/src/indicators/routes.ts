import { z } from 'zod';
import {
  canManageIndicators,
  indicatorOrganisations,
  IndicatorInput,
  IndicatorList,
  IndicatorUpdate,
  IndicatorView,
  KoladaFetchImport,
  KoladaFileImport,
  KoladaImportList,
  KoladaImportView,
  KoladaValueList,
  KoladaValueQuery,
} from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { findIndicator, koladaValuesOf, listIndicators } from './queries.ts';
import { localStatisticsRoutes } from './local-routes.ts';
import { targetRoutes } from './target-routes.ts';
import { changeIndicator, confirmIndicatorKpiTitle, createIndicator, importFromFiles, importFromKolada, koladaImports } from './service.ts';

/**
 * The indicator catalogue and Kolada's statistics (Befolkning). No child's data: aggregates only,
 * so these routes do not ask the child gate. Anyone logged in reads the catalogue and the values;
 * analysts (for their organisations) and system administrators keep it and import.
 */

const Params = z.object({ id: z.string().min(1).max(80) });

function manager(actor: Actor | null, organisationId?: string): Actor {
  const a = requireActor(actor);
  if (!canManageIndicators(a, organisationId)) throw new AppError('forbidden');
  return a;
}

export async function indicatorRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  const { db } = deps;
  await targetRoutes(app, deps);
  await localStatisticsRoutes(app, deps);

  app.get('/api/indicators', {
    schema: { tags: ['indicators'], summary: 'The shared indicator catalogue, by priority area and name', response: { 200: IndicatorList, ...errorResponses(401) } },
    handler: async () => ({ indicators: await listIndicators(db) }),
  });

  app.get('/api/indicators/:id', {
    schema: { tags: ['indicators'], summary: 'One indicator of the catalogue', params: Params, response: { 200: IndicatorView, ...errorResponses(401, 404) } },
    handler: async (request) => {
      const indicator = await findIndicator(db, request.params.id);
      if (!indicator) throw new AppError('not_found');
      return indicator;
    },
  });

  app.post('/api/indicators', {
    schema: { tags: ['indicators'], summary: 'Add an indicator to the catalogue (analysts, system administrators); a source is in it once', body: IndicatorInput, response: { 201: IndicatorView, ...errorResponses(400, 401, 403, 409) } },
    handler: async (request, reply) => {
      const actor = manager(request.actor, request.body.ownerOrganisationId);
      const scope = indicatorOrganisations(actor);
      const owner = request.body.ownerOrganisationId ?? (scope === 'all' ? undefined : scope[0]);
      if (!owner) throw new AppError('validation_failed', { details: [{ path: 'body.ownerOrganisationId', message: 'required' }] });
      return reply.status(201).send(await createIndicator(db, request, actor, { ...request.body, ownerOrganisationId: owner }));
    },
  });

  app.patch('/api/indicators/:id', {
    schema: { tags: ['indicators'], summary: 'Change an indicator’s names, description, unit, direction, priority area, pupil basis or breakdowns', params: Params, body: IndicatorUpdate, response: { 200: IndicatorView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => changeIndicator(db, request, requireActor(request.actor), request.params.id, request.body),
  });

  app.post('/api/indicators/:id/kpi-title-confirmation', {
    schema: { tags: ['indicators'], summary: 'Confirm that a Kolada indicator still fits its KPI’s new title', params: Params, body: z.object({}).strict().optional(), response: { 200: IndicatorView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => confirmIndicatorKpiTitle(db, request, requireActor(request.actor), request.params.id),
  });

  app.get('/api/kolada/values', {
    schema: { tags: ['indicators'], summary: 'A Kolada KPI’s values, each with its status as a reason and its earlier versions', querystring: KoladaValueQuery, response: { 200: KoladaValueList, ...errorResponses(400, 401) } },
    handler: async (request) => ({ values: await koladaValuesOf(db, request.query) }),
  });

  app.get('/api/kolada/imports', {
    schema: { tags: ['indicators'], summary: 'The Kolada import history, newest first: who, when, source, counts, rejected rows and what changed', response: { 200: KoladaImportList, ...errorResponses(401, 403) } },
    handler: async (request) => {
      manager(request.actor);
      return { imports: await koladaImports(db) };
    },
  });

  app.post('/api/kolada/imports', {
    schema: { tags: ['indicators'], summary: 'Import files shaped as Kolada’s API pages (v2 or v3: data, KPI and municipality metadata)', body: KoladaFileImport, response: { 201: KoladaImportView, ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => reply.status(201).send(await importFromFiles(db, request, manager(request.actor), request.body)),
  });

  app.post('/api/kolada/imports/fetch', {
    schema: { tags: ['indicators'], summary: 'Fetch KPIs from Kolada’s API at the configured base address, following its pages, and import them', body: KoladaFetchImport, response: { 201: KoladaImportView, ...errorResponses(400, 401, 403, 502) } },
    handler: async (request, reply) => reply.status(201).send(await importFromKolada(db, request, manager(request.actor), request.body)),
  });
}
