import { z } from 'zod';
import {
  canManageSurveys,
  canReadFineBreakdowns,
  EstimateQuery,
  EstimatesView,
  indicatorOrganisations,
  SchoolEstimateQuery,
  SchoolEstimatesView,
  SurveyDefinitionInput,
  SurveyDefinitionView,
  SurveyImportList,
  SurveyImportUpload,
  SurveyImportView,
  SurveyIndicatorLink,
  SurveyList,
} from '@samsyn/core';
import type { BulkWriter } from '../db/bulk.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { findImport, importsOf, listSurveys } from './queries.ts';
import { changeSurvey, createSurvey, estimates, linkIndicator, ownedSurvey, schoolUnitEstimates, surveyIndicatorIndex } from './service.ts';
import { startSurveyImport } from './import.ts';
import { OpenApiThrottle } from './throttle.ts';

/**
 * Surveys (Befolkning): definitions, microdata imports and estimates. No child's data: respondents
 * are anonymous and every figure is suppressed below the threshold, so these routes do not ask the
 * child gate. Definitions and imports are the analysts'; the public breakdowns are open to anyone
 * without login (throttled); school units are for analysts and system administrators.
 */

const SurveyParams = z.object({ id: z.string().min(1).max(60) });
const ImportParams = z.object({ id: z.uuid() });
/** A million respondents with 40 answers is about 100 MB of CSV; as JSON text a little more. */
const UPLOAD_LIMIT_BYTES = 256 * 1024 * 1024;

const OpenIndicatorList = z.object({ indicators: z.array(z.object({ id: z.string(), nameSv: z.string(), nameEn: z.string(), priorityArea: z.string(), direction: z.string(), surveyId: z.string() })) });

function manager(actor: Actor | null, organisationId?: string): Actor {
  const a = requireActor(actor);
  if (!canManageSurveys(a, organisationId)) throw new AppError('forbidden');
  return a;
}

export async function surveyRoutes(app: App, deps: { bulk: BulkWriter }): Promise<void> {
  const { db, clock, config } = app.services;
  const settings = { threshold: config.suppressionThreshold };
  const throttle = new OpenApiThrottle(config.openApiPerMinute, () => clock.now().getTime());
  // Imports in progress, so that closing the server waits for them; their state is in the database.
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.get('/api/surveys', {
    schema: { tags: ['surveys'], summary: 'The survey definitions: questions, answer options, grades, the indicators they measure and the waves imported', response: { 200: SurveyList, ...errorResponses(401) } },
    handler: async () => ({ surveys: await listSurveys(db) }),
  });

  app.post('/api/surveys', {
    schema: { tags: ['surveys'], summary: 'Define a survey (analysts, system administrators; logged)', body: SurveyDefinitionInput, response: { 201: SurveyDefinitionView, ...errorResponses(400, 401, 403, 409) } },
    handler: async (request, reply) => {
      const actor = manager(request.actor, request.body.ownerOrganisationId);
      const scope = indicatorOrganisations(actor);
      const owner = request.body.ownerOrganisationId ?? (scope === 'all' ? undefined : scope[0]);
      if (!owner) throw new AppError('validation_failed', { details: [{ path: 'body.ownerOrganisationId', message: 'required' }] });
      return reply.status(201).send(await createSurvey(db, request, actor, { ...request.body, ownerOrganisationId: owner }));
    },
  });

  app.put('/api/surveys/:id', {
    schema: { tags: ['surveys'], summary: 'Change a survey’s names, grades and questions; imports keep the questions they were read with (logged)', params: SurveyParams, body: SurveyDefinitionInput.omit({ id: true, ownerOrganisationId: true }), response: { 200: SurveyDefinitionView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => changeSurvey(db, request, requireActor(request.actor), request.params.id, request.body),
  });

  app.put('/api/surveys/:id/indicators', {
    schema: { tags: ['surveys'], summary: 'Say which question and which answers an indicator of the catalogue counts ("mår bra": very good or good; logged)', params: SurveyParams, body: SurveyIndicatorLink, response: { 200: SurveyDefinitionView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => linkIndicator(db, request, requireActor(request.actor), request.params.id, request.body),
  });

  app.get('/api/surveys/:id/imports', {
    schema: { tags: ['surveys'], summary: 'A survey’s import history, newest first: who, when, which file, the years, the counts and the rejected rows', params: SurveyParams, response: { 200: SurveyImportList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => {
      await ownedSurvey(db, requireActor(request.actor), request.params.id);
      return { imports: await importsOf(db, request.params.id) };
    },
  });

  app.post('/api/surveys/:id/imports', {
    bodyLimit: UPLOAD_LIMIT_BYTES,
    schema: {
      tags: ['surveys'],
      summary: 'Upload microdata (CSV, one row per respondent): it runs as a job; poll the import for its progress. The same file again changes nothing (200); a bad header is 400 (logged)',
      params: SurveyParams,
      body: SurveyImportUpload,
      response: { 200: SurveyImportView, 202: SurveyImportView, ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      const survey = await ownedSurvey(db, actor, request.params.id);
      const started = await startSurveyImport({ db, bulk: deps.bulk, clock }, request, actor, survey, request.body);
      if (started.run) {
        const job = started.run().finally(() => running.delete(job));
        running.add(job);
      }
      return reply.status(started.started ? 202 : 200).send((await findImport(db, started.id))!);
    },
  });

  app.get('/api/survey-imports/:id', {
    schema: { tags: ['surveys'], summary: 'An import’s state and progress (rows read of all), for the page to poll', params: ImportParams, response: { 200: SurveyImportView, ...errorResponses(401, 403, 404) } },
    handler: async (request) => {
      const found = await findImport(db, request.params.id);
      if (!found) throw new AppError('not_found');
      await ownedSurvey(db, requireActor(request.actor), found.surveyId);
      return found;
    },
  });

  app.get('/api/survey-estimates/schools', {
    schema: { tags: ['surveys'], summary: 'Finer than the public breakdowns: a survey indicator by school unit in one municipality, suppressed (analysts and system administrators)', querystring: SchoolEstimateQuery, response: { 200: SchoolEstimatesView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      if (!canReadFineBreakdowns(requireActor(request.actor))) throw new AppError('forbidden');
      return schoolUnitEstimates(db, request.query, settings);
    },
  });

  // The open aggregate API: no login, the same suppressed figures the dashboards show.
  const throttled = (ip: string) => {
    const wait = throttle.take(ip);
    if (wait > 0) throw new AppError('rate_limited', { headers: { 'retry-after': String(wait) } });
  };

  app.get('/api/open/survey-indicators', {
    config: { public: true },
    schema: { tags: ['open data'], summary: 'Open, no login: the survey indicators with published figures', response: { 200: OpenIndicatorList, ...errorResponses(429) } },
    handler: async (request) => {
      throttled(request.ip);
      return { indicators: await surveyIndicatorIndex(db) };
    },
  });

  app.get('/api/open/survey-estimates', {
    config: { public: true },
    schema: {
      tags: ['open data'],
      summary: 'Open, no login: a survey indicator by year × county or municipality × gender (T, K, M) × grade, as weighted shares with Wilson intervals on Kish’s effective n and the change since the previous wave (Newcombe). A cell with too few respondents is never returned: it says why (too_few: "för få svar"; complementary). Throttled per client address.',
      querystring: EstimateQuery,
      response: { 200: EstimatesView, ...errorResponses(400, 404, 429) },
    },
    handler: async (request) => {
      throttled(request.ip);
      return estimates(db, request.query, settings);
    },
  });
}
