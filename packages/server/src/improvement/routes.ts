import { z } from 'zod';
import {
  AttendanceInput,
  ChangeIdeaInput,
  CoachView,
  CsvImportInput,
  DriverInput,
  ImportPreview,
  IndicatorProjects,
  MeasureInput,
  MeasureParams,
  MeasureUpdate,
  MeasureView,
  NetworkInput,
  NetworkList,
  NetworkParams,
  NetworkView,
  PdsaInput,
  PdsaParams,
  PdsaUpdate,
  ProjectInput,
  ProjectParams,
  ProjectUpdate,
  ProjectView,
  SessionInput,
  SessionParams,
  TeamInput,
  TeamParams,
  TeamUpdate,
  ValuesInput,
} from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { importCsv } from './csv-import.ts';
import { addChangeIdea, addDriver, addMeasure, addPdsa, createNetwork, createProject, createSession, createTeam, recordAttendance, setPhases, updatePdsa, updateProject, updateTeam, writeValues } from './service.ts';
import { coachView, measureView, networkList, networkView, projectsForIndicator, projectView } from './views.ts';

/**
 * Improvement work (Förbättringsarbete, issue 17). No child's data, so no child gate: role checks
 * and team membership (core's improvement policy), and an audit entry in each change's
 * transaction. Changes answer the page as it now stands.
 */

const tags = ['improvement'];
const IndicatorParams = z.object({ indicatorId: z.string().min(1).max(80) });
const e = errorResponses;

export async function improvementRoutes(app: App): Promise<void> {
  const db = app.services.db;

  app.get('/api/improvement/networks', { schema: { tags, summary: 'The learning networks you read', response: { 200: NetworkList, ...e(401, 403) } }, handler: (request) => networkList(db, request) });
  app.post('/api/improvement/networks', {
    schema: { tags, summary: 'Create a learning network (collaboration coordinators)', body: NetworkInput, response: { 201: NetworkView, ...e(400, 401, 403) } },
    handler: async (request, reply) => reply.status(201).send(await networkView(db, request, await createNetwork(db, request, request.body))),
  });
  app.get('/api/improvement/networks/:id', { schema: { tags, summary: 'A network: its teams with progress, and the schedule of learning sessions with attendance', params: NetworkParams, response: { 200: NetworkView, ...e(401, 403, 404) } }, handler: (request) => networkView(db, request, request.params.id) });
  app.post('/api/improvement/networks/:id/teams', {
    schema: { tags, summary: 'Add a team from an organisation, with its coach and members (collaboration coordinators)', params: NetworkParams, body: TeamInput, response: { 201: NetworkView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await createTeam(db, request, request.params.id, request.body);
      return reply.status(201).send(await networkView(db, request, request.params.id));
    },
  });
  app.post('/api/improvement/networks/:id/sessions', {
    schema: { tags, summary: 'Schedule a learning session (collaboration coordinators)', params: NetworkParams, body: SessionInput, response: { 201: NetworkView, ...e(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await createSession(db, request, request.params.id, request.body);
      return reply.status(201).send(await networkView(db, request, request.params.id));
    },
  });
  app.post('/api/improvement/networks/:id/sessions/:sessionId/attendance', {
    schema: { tags, summary: 'Record which teams attended a learning session (collaboration coordinators)', params: SessionParams, body: AttendanceInput, response: { 200: NetworkView, ...e(400, 401, 403, 404) } },
    handler: async (request) => {
      await recordAttendance(db, request, request.params.id, request.params.sessionId, request.body);
      return networkView(db, request, request.params.id);
    },
  });
  app.patch('/api/improvement/teams/:id', {
    schema: { tags, summary: 'Change a team’s coach or members (collaboration coordinators)', params: TeamParams, body: TeamUpdate, response: { 200: NetworkView, ...e(400, 401, 403, 404) } },
    handler: async (request) => networkView(db, request, await updateTeam(db, request, request.params.id, request.body)),
  });
  app.post('/api/improvement/teams/:id/project', {
    schema: { tags, summary: 'Start the team’s improvement project with its aim (the team’s members and coach)', params: TeamParams, body: ProjectInput, response: { 201: ProjectView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await projectView(db, request, await createProject(db, request, request.params.id, request.body))),
  });
  app.get('/api/improvement/coach', { schema: { tags, summary: 'Every team you coach, with its progress', response: { 200: CoachView, ...e(401, 403) } }, handler: (request) => coachView(db, request) });

  app.get('/api/improvement/projects/:id', { schema: { tags, summary: 'A project: aim, driver diagram, measures with status, PDSA cycles', params: ProjectParams, response: { 200: ProjectView, ...e(401, 403, 404) } }, handler: (request) => projectView(db, request, request.params.id) });
  app.patch('/api/improvement/projects/:id', {
    schema: { tags, summary: 'Change the aim or the linked county indicator', params: ProjectParams, body: ProjectUpdate, response: { 200: ProjectView, ...e(400, 401, 403, 404) } },
    handler: async (request) => {
      await updateProject(db, request, request.params.id, request.body);
      return projectView(db, request, request.params.id);
    },
  });
  const projectPost = <B extends z.ZodType>(path: string, summary: string, body: B, run: (id: string, input: z.infer<B>, request: Parameters<typeof projectView>[1]) => Promise<unknown>) =>
    app.post(`/api/improvement/projects/:id/${path}`, {
      schema: { tags, summary, params: ProjectParams, body, response: { 201: ProjectView, ...e(400, 401, 403, 404) } },
      handler: async (request, reply) => {
        await run(request.params.id, request.body as z.infer<B>, request);
        return reply.status(201).send(await projectView(db, request, request.params.id));
      },
    });
  projectPost('drivers', 'Add a primary driver, or a secondary one under a primary', DriverInput, (id, input, request) => addDriver(db, request, id, input));
  projectPost('change-ideas', 'Add a change idea to a driver', ChangeIdeaInput, (id, input, request) => addChangeIdea(db, request, id, input));
  projectPost('measures', 'Add a measure with its operational definition', MeasureInput, (id, input, request) => addMeasure(db, request, id, input));
  projectPost('pdsa', 'Record a PDSA cycle for a change idea', PdsaInput, (id, input, request) => addPdsa(db, request, id, input));
  app.patch('/api/improvement/projects/:id/pdsa/:pdsaId', {
    schema: { tags, summary: 'Record a cycle’s do, study and act', params: PdsaParams, body: PdsaUpdate, response: { 200: ProjectView, ...e(400, 401, 403, 404) } },
    handler: async (request) => {
      await updatePdsa(db, request, request.params.id, request.params.pdsaId, request.body);
      return projectView(db, request, request.params.id);
    },
  });

  app.get('/api/improvement/measures/:id', { schema: { tags, summary: 'A measure’s run chart and control chart with signals, annotations from the PDSA log, and the same figures as a table', params: MeasureParams, response: { 200: MeasureView, ...e(401, 403, 404) } }, handler: (request) => measureView(db, request, request.params.id) });
  app.patch('/api/improvement/measures/:id', {
    schema: { tags, summary: 'Mark the phase changes from which the limits are recomputed', params: MeasureParams, body: MeasureUpdate, response: { 200: MeasureView, ...e(400, 401, 403, 404) } },
    handler: async (request) => {
      await setPhases(db, request, request.params.id, request.body.phaseStarts);
      return measureView(db, request, request.params.id);
    },
  });
  app.post('/api/improvement/measures/:id/values', {
    schema: { tags, summary: 'Enter weekly or monthly values; a period entered again is replaced', params: MeasureParams, body: ValuesInput, response: { 200: MeasureView, ...e(400, 401, 403, 404) } },
    handler: async (request) => {
      await db.transaction().execute((trx) => writeValues(trx, request, request.params.id, request.body.values, 'improvement.values.record'));
      return measureView(db, request, request.params.id);
    },
  });
  app.post('/api/improvement/measures/:id/import', {
    schema: { tags, summary: 'Preview a CSV of values with each row’s error; with accept, write them when every row is valid (idempotent)', params: MeasureParams, body: CsvImportInput, response: { 200: ImportPreview, ...e(400, 401, 403, 404) } },
    handler: (request) => importCsv(db, request, request.params.id, request.body),
  });
  app.get('/api/improvement/indicator-projects', { schema: { tags, summary: 'Every improvement project you read that aims at a county indicator, for the indicator catalogue', response: { 200: IndicatorProjects, ...e(401, 403) } }, handler: (request) => projectsForIndicator(db, request, null) });
  app.get('/api/improvement/indicators/:indicatorId/projects', { schema: { tags, summary: 'The improvement projects that aim at a county indicator', params: IndicatorParams, response: { 200: IndicatorProjects, ...e(401, 403) } }, handler: (request) => projectsForIndicator(db, request, request.params.indicatorId) });
}
