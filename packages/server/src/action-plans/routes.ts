import { z } from 'zod';
import {
  ActionPlanInput,
  ActionPlanList,
  ActionPlanParams,
  ActionPlanTaskList,
  ActionPlanUpdate,
  ActionPlanView,
  ActivityInput,
  ActivityParams,
  ActivityUpdate,
  ExportQuery,
  PeopleList,
  PeopleQuery,
  ReviewInput,
  ReviewList,
  RoundInput,
  RoundParams,
  SubGoalInput,
  SubGoalParams,
  SubGoalUpdate,
} from '@samsyn/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { planPdf } from './export-pdf.ts';
import { planWorkbook } from './export-xlsx.ts';
import { activitiesOf, listPlans, peopleOf, reviewsOf } from './queries.ts';
import { closeRound, openRound, recordReview, tasksOf } from './rounds.ts';
import { addActivity, addSubGoal, audit, createPlan, planView, readablePlan, reader, today, updateActivity, updatePlan, updateSubGoal } from './service.ts';
import { toPlanSummary, toReviewView } from './view.ts';

/**
 * Action plans (Verksamhet). Plans hold no child's data, so these routes do not ask the child
 * gate: professionals read every plan, the coordinators of its organisations change it (403 for
 * anyone else), and every change leaves an audit entry in its own transaction. Changes answer
 * the whole plan as it now stands, statuses computed for the server's day.
 */

const tags = ['action-plans'];
const Empty = z.object({}).strict().optional();
const Binary = z.any().describe('a file');

export async function actionPlanRoutes(app: App): Promise<void> {
  const db = app.services.db;
  const view = (request: FastifyRequest, id: string) => planView(db, request, id);

  app.get('/api/action-plans', {
    schema: { tags, summary: 'Every action plan with its activities’ statuses counted for the server’s day, newest change first', response: { 200: ActionPlanList, ...errorResponses(401, 403) } },
    handler: async (request) => {
      const actor = reader(request);
      const day = today(request);
      return { plans: (await listPlans(db)).map((p) => toPlanSummary(p, actor, day)), today: day };
    },
  });

  app.post('/api/action-plans', {
    schema: { tags, summary: 'Create an action plan owned by an organisation you coordinate in, optionally from a template', body: ActionPlanInput, response: { 201: ActionPlanView, ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => reply.status(201).send(await view(request, await createPlan(db, request, request.body))),
  });

  app.get('/api/action-plans/tasks', {
    schema: { tags, summary: 'What waits for you: follow-up round tasks and check-ins due of activities you answer for', response: { 200: ActionPlanTaskList, ...errorResponses(401, 403) } },
    handler: async (request) => ({ tasks: await tasksOf(db, request) }),
  });

  app.get('/api/action-plans/people', {
    schema: { tags, summary: 'The active people of an organisation, to name as responsible for an activity (names only)', querystring: PeopleQuery, response: { 200: PeopleList, ...errorResponses(400, 401, 403) } },
    handler: async (request) => {
      reader(request);
      return { people: await peopleOf(db, request.query.organisationId) };
    },
  });

  app.get('/api/action-plans/:id', {
    schema: { tags, summary: 'One action plan: sub-goals, activities with status by date, the latest review, rounds and what you may do', params: ActionPlanParams, response: { 200: ActionPlanView, ...errorResponses(401, 403, 404) } },
    handler: async (request) => view(request, request.params.id),
  });

  app.patch('/api/action-plans/:id', {
    schema: { tags, summary: 'Change a plan’s title, sharing organisations, period, priority area, overall goal or warning days', params: ActionPlanParams, body: ActionPlanUpdate, response: { 200: ActionPlanView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await updatePlan(db, request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  });

  app.post('/api/action-plans/:id/sub-goals', {
    schema: { tags, summary: 'Add a sub-goal (delmål) at the end', params: ActionPlanParams, body: SubGoalInput, response: { 201: ActionPlanView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await addSubGoal(db, request, request.params.id, request.body);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.patch('/api/action-plans/:id/sub-goals/:subGoalId', {
    schema: { tags, summary: 'Change a sub-goal', params: SubGoalParams, body: SubGoalUpdate, response: { 200: ActionPlanView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await updateSubGoal(db, request, request.params.id, request.params.subGoalId, request.body);
      return view(request, request.params.id);
    },
  });

  app.post('/api/action-plans/:id/activities', {
    schema: { tags, summary: 'Add an activity to a sub-goal: responsible, dates, check-ins, follow-up with indicators, communication plan', params: ActionPlanParams, body: ActivityInput, response: { 201: ActionPlanView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await addActivity(db, request, request.params.id, request.body);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.patch('/api/action-plans/:id/activities/:activityId', {
    schema: { tags, summary: 'Change an activity (closing and holding are reviews)', params: ActivityParams, body: ActivityUpdate, response: { 200: ActionPlanView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await updateActivity(db, request, request.params.id, request.params.activityId, request.body);
      return view(request, request.params.id);
    },
  });

  app.get('/api/action-plans/:id/activities/:activityId/reviews', {
    schema: { tags, summary: 'An activity’s dated reviews, newest first: its history', params: ActivityParams, response: { 200: ReviewList, ...errorResponses(401, 403, 404) } },
    handler: async (request) => {
      await readablePlan(db, request, request.params.id);
      const [activity] = await activitiesOf(db, { activityId: request.params.activityId });
      if (!activity || activity.planId !== request.params.id) throw new AppError('not_found');
      return { reviews: (await reviewsOf(db, { activityId: activity.id })).map(toReviewView) };
    },
  });

  app.post('/api/action-plans/:id/activities/:activityId/reviews', {
    schema: { tags, summary: 'Record a dated review (a comment, and optionally close, hold or resume); in an open round it marks your task done', params: ActivityParams, body: ReviewInput, response: { 201: ActionPlanView, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await recordReview(db, request, request.params.id, request.params.activityId, request.body);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.post('/api/action-plans/:id/rounds', {
    schema: { tags, summary: 'Open a follow-up round (the owner’s coordinators): each running activity’s responsible gets a task', params: ActionPlanParams, body: RoundInput, response: { 201: ActionPlanView, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await openRound(db, request, request.params.id, request.body);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.post('/api/action-plans/:id/rounds/:roundId/close', {
    schema: { tags, summary: 'Close a follow-up round; its report is kept', params: RoundParams, body: Empty, response: { 200: ActionPlanView, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await closeRound(db, request, request.params.id, request.params.roundId);
      return view(request, request.params.id);
    },
  });

  const exporter = (kind: 'xlsx' | 'pdf') => async (request: FastifyRequest<{ Params: { id: string }; Querystring: { lang: 'sv' | 'en' } }>, reply: FastifyReply) => {
    const plan = await view(request, request.params.id);
    const file = kind === 'xlsx' ? await planWorkbook(plan, request.query.lang) : await planPdf(plan, request.query.lang);
    await db.transaction().execute((trx) => audit(trx, request, { id: plan.id, ownerOrganisationId: plan.owner.organisation.id }, 'action_plan.export', { format: kind, language: request.query.lang }));
    const type = kind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf';
    return reply.header('content-type', type).header('content-disposition', `attachment; filename="handlingsplan-${plan.today}.${kind}"`).send(file);
  };

  app.get('/api/action-plans/:id/export.xlsx', {
    schema: { tags, summary: 'The plan as an Excel sheet: Delmål | Aktivitet, ansvarig | Uppföljning | Kommunikationsplan (logged)', params: ActionPlanParams, querystring: ExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404) } },
    handler: exporter('xlsx'),
  });

  app.get('/api/action-plans/:id/export.pdf', {
    schema: { tags, summary: 'The plan as a PDF, the same table (logged)', params: ActionPlanParams, querystring: ExportQuery, produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404) } },
    handler: exporter('pdf'),
  });
}
