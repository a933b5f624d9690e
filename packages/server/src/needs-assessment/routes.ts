import { ChildParams, NeedsAssessmentInput, NeedsAssessmentList, NeedsAssessmentParams, NeedsAssessmentView, NeedsRevisionInput } from '@samsyn/core';
import { withChildAccess, withChildWrite } from '../access/gate.ts';
import { errorResponses, type App } from '../http/types.ts';
import { needsConfigRoutes } from './config.ts';
import { createAssessment, listAssessments, readAssessment, reviseAssessment } from './service.ts';

/**
 * The child's needs assessments. Each look is asked as a read of the record (one entry), then
 * each revision is decided as a `wellbeing` entry by where and when it was written; each save is
 * a write of `wellbeing` through the gate, decided inside its transaction with its one entry.
 */
export async function needsAssessmentRoutes(app: App): Promise<void> {
  await needsConfigRoutes(app);

  app.get('/api/children/:id/needs-assessments', {
    schema: {
      tags: ['needs-assessment'],
      summary: "The child's needs assessments the caller may read, and whether they may make one (logged)",
      params: ChildParams,
      response: { 200: NeedsAssessmentList, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.needs_assessment.list', details: { category: 'wellbeing' } });
      return listAssessments(request.server.services.db, access);
    },
  });

  app.post('/api/children/:id/needs-assessments', {
    schema: {
      tags: ['needs-assessment'],
      summary: 'Make a needs assessment, as a draft or final, in the writer’s own secrecy domain (logged)',
      params: ChildParams,
      body: NeedsAssessmentInput,
      response: { 201: NeedsAssessmentView, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const made = await withChildWrite(request, request.params.id, 'wellbeing', { auditAction: 'child.needs_assessment.record', details: { status: request.body.status } }, (trx, access) => createAssessment(trx, access, request.body));
      return reply.status(201).send(made);
    },
  });

  app.get('/api/children/:id/needs-assessments/:assessmentId', {
    schema: {
      tags: ['needs-assessment'],
      summary: 'One needs assessment with the revisions the caller may read, in the words of the configuration versions they were made with (logged)',
      params: NeedsAssessmentParams,
      response: { 200: NeedsAssessmentView, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const { id, assessmentId } = request.params;
      const access = await withChildAccess(request, id, 'read', 'record', { auditAction: 'child.needs_assessment.read', details: { category: 'wellbeing', assessmentId } });
      return readAssessment(request.server.services.db, access, assessmentId);
    },
  });

  app.post('/api/children/:id/needs-assessments/:assessmentId/revisions', {
    schema: {
      tags: ['needs-assessment'],
      summary: 'Save the next revision of a needs assessment (continue a draft, make it final, or change it): earlier revisions stay as they were (logged)',
      params: NeedsAssessmentParams,
      body: NeedsRevisionInput,
      response: { 201: NeedsAssessmentView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const { id, assessmentId } = request.params;
      const saved = await withChildWrite(request, id, 'wellbeing', { auditAction: 'child.needs_assessment.record', details: { status: request.body.status, assessmentId, basedOn: request.body.basedOn } }, (trx, access) => reviseAssessment(trx, access, assessmentId, request.body));
      return reply.status(201).send(saved);
    },
  });
}
