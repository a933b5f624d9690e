import { z } from 'zod';
import {
  ContactList,
  ContactQuery,
  DecisionInput,
  DecisionParams,
  ForumDetail,
  ForumInput,
  ForumList,
  ForumMemberInput,
  ForumOrganisationInput,
  ForumParams,
  ImpactAssessmentInput,
  ImpactAssessmentView,
  MeetingInput,
  MeetingParams,
  MeetingUpdate,
  MeetingView,
  ViewInput,
  ViewParams,
  ViewResponseInput,
  toCsv,
} from '@samsyn/core';
import type { FastifyRequest } from 'fastify';
import { errorResponses, type App } from '../http/types.ts';
import { today } from '../action-plans/service.ts';
import { assessmentOf } from '../impact-assessments/service.ts';
import { AppError } from '../http/errors.ts';
import { addMember, createDecision, createMeeting, createView, respondToView, saveDecisionAssessment, saveOrganisation, takeDecision, updateMeeting } from './changes.ts';
import { contactsOf } from './contacts.ts';
import { createForum, forumDetail, forumReader, listForums, meetingView, nextMeetingOf } from './service.ts';

/**
 * Forums and reference groups (Verksamhet). No child's data: professionals read every forum,
 * members change it (403 for anyone else), every change is audited in its own transaction.
 */

const tags = ['forums'];
const Empty = z.object({}).strict().optional();
const Assessment = z.object({ assessment: ImpactAssessmentView.nullable() });

export async function forumRoutes(app: App): Promise<void> {
  const db = app.services.db;
  const detail = (request: FastifyRequest, id: string) => forumDetail(db, request, id, today(request));

  app.get('/api/forums', {
    schema: { tags, summary: 'Every forum and reference group, with whether you are a member', response: { 200: ForumList, ...errorResponses(401, 403) } },
    handler: async (request) => {
      const actor = forumReader(request);
      const day = today(request);
      const forums = await listForums(db, actor.userId);
      return { forums: await Promise.all(forums.map(async (f) => ({ ...f, nextMeeting: await nextMeetingOf(db, f.id, day) }))) };
    },
  });

  app.post('/api/forums', {
    schema: { tags, summary: 'Create a forum run by an organisation you coordinate in; you become its secretary', body: ForumInput, response: { 201: ForumDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      return reply.status(201).send(await detail(request, await createForum(db, request, request.body)));
    },
  });

  app.get('/api/forums/contacts', {
    schema: { tags, summary: 'The contact directory: whom to contact in each organisation, for what (filter, sort)', querystring: ContactQuery, response: { 200: ContactList, ...errorResponses(400, 401, 403) } },
    handler: async (request) => {
      forumReader(request);
      return { contacts: await contactsOf(db, request.query) };
    },
  });

  app.get('/api/forums/contacts.csv', {
    schema: { tags, summary: 'The contact directory as CSV, with the same filter and sort', querystring: ContactQuery, produces: ['text/csv'], response: { 200: z.string(), ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => {
      forumReader(request);
      const rows = await contactsOf(db, request.query);
      const csv = toCsv(['Organisation', 'Forum', 'Kontaktperson', 'E-post', 'Telefon', 'Kontakta för'], rows.map((r) => [r.organisation.name, r.forum.name, r.contactName, r.contactEmail, r.contactPhone, r.contactFor]));
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="kontakter.csv"').send(csv);
    },
  });

  app.get('/api/forums/:id', {
    schema: { tags, summary: 'One forum: members, organisations and contacts, meetings, reference groups, views and what you may do', params: ForumParams, response: { 200: ForumDetail, ...errorResponses(401, 403, 404) } },
    handler: async (request) => detail(request, request.params.id),
  });

  app.post('/api/forums/:id/members', {
    schema: { tags, summary: 'Add or change a member (members only)', params: ForumParams, body: ForumMemberInput, response: { 200: ForumDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await addMember(db, request, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  });

  app.post('/api/forums/:id/organisations', {
    schema: { tags, summary: 'Add an organisation with its contact person, or change its contact (members only)', params: ForumParams, body: ForumOrganisationInput, response: { 200: ForumDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await saveOrganisation(db, request, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  });

  app.post('/api/forums/:id/meetings', {
    schema: { tags, summary: 'Add a meeting with its agenda (standing items included), minutes and attendance', params: ForumParams, body: MeetingInput, response: { 201: MeetingView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await meetingView(db, request, request.params.id, await createMeeting(db, request, request.params.id, request.body))),
  });

  app.get('/api/forums/:id/meetings/:meetingId', {
    schema: { tags, summary: 'One meeting: agenda, minutes, attendance and decisions', params: MeetingParams, response: { 200: MeetingView, ...errorResponses(401, 403, 404) } },
    handler: async (request) => meetingView(db, request, request.params.id, request.params.meetingId),
  });

  app.patch('/api/forums/:id/meetings/:meetingId', {
    schema: { tags, summary: 'Change a meeting: its agenda, minutes or attendance (members only)', params: MeetingParams, body: MeetingUpdate, response: { 200: MeetingView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await updateMeeting(db, request, request.params.id, request.params.meetingId, request.body);
      return meetingView(db, request, request.params.id, request.params.meetingId);
    },
  });

  app.post('/api/forums/:id/meetings/:meetingId/decisions', {
    schema: { tags, summary: 'Propose a decision, optionally linked to an action-plan sub-goal or activity', params: MeetingParams, body: DecisionInput, response: { 201: MeetingView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await createDecision(db, request, request.params.id, request.params.meetingId, request.body);
      return reply.status(201).send(await meetingView(db, request, request.params.id, request.params.meetingId));
    },
  });

  app.get('/api/forums/:id/decisions/:decisionId/impact-assessment', {
    schema: { tags, summary: 'The decision’s child-rights impact assessment, or null', params: DecisionParams, response: { 200: Assessment, ...errorResponses(401, 403, 404) } },
    handler: async (request) => {
      forumReader(request);
      const d = await db.selectFrom('forum_decision').select('id').where('id', '=', request.params.decisionId).where('forum_id', '=', request.params.id).executeTakeFirst();
      if (!d) throw new AppError('not_found');
      return { assessment: await assessmentOf(db, 'decision', d.id) };
    },
  });

  app.post('/api/forums/:id/decisions/:decisionId/impact-assessment', {
    schema: { tags, summary: 'Save the decision’s assessment: a draft, done (every answer) or not needed (with a reason)', params: DecisionParams, body: ImpactAssessmentInput, response: { 200: Assessment, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await saveDecisionAssessment(db, request, request.params.id, request.params.decisionId, request.body);
      return { assessment: await assessmentOf(db, 'decision', request.params.decisionId) };
    },
  });

  app.post('/api/forums/:id/decisions/:decisionId/take', {
    schema: { tags, summary: 'Mark a decision as taken: 409 decision_assessment_required until its assessment is done or not needed', params: DecisionParams, body: Empty, response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await takeDecision(db, request, request.params.id, request.params.decisionId);
      return { ok: true as const };
    },
  });

  app.post('/api/forums/:id/views', {
    schema: { tags, summary: 'A reference group records a view it brings to a forum, and how children’s own views were gathered', params: ForumParams, body: ViewInput, response: { 201: ForumDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await createView(db, request, request.params.id, request.body);
      return reply.status(201).send(await detail(request, request.params.id));
    },
  });

  app.post('/api/forums/:id/views/:viewId/response', {
    schema: { tags, summary: 'The forum records its response to a reference group’s view', params: ViewParams, body: ViewResponseInput, response: { 200: ForumDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await respondToView(db, request, request.params.id, request.params.viewId, request.body.response);
      return detail(request, request.params.id);
    },
  });
}
