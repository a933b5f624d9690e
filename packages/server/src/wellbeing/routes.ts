import { z } from 'zod';
import { AssessmentInput, AssessmentView, ChildParams, SelfRatingCodeInput, SelfRatingCodeView, SelfRatingOpenInput, SelfRatingOpened, SelfRatingSubmitInput, WheelModelInput, WheelModelList, WheelModelVersion, WheelView, WellbeingRespondent, isSystemAdmin } from '@samsyn/core';
import { withChildAccess, withChildWrite } from '../access/gate.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { refusal } from '../consent/refusals.ts';
import { issueCode, openCode, submitForm } from './codes.ts';
import { currentModelVersion, ensureDefaultModel, insertModelVersion, modelVersionById, modelVersions } from './queries.ts';
import { recordAssessment, toModelVersion, wheelView } from './service.ts';
import { markSeen } from '../start/queries.ts';

export async function wellbeingRoutes(app: App): Promise<void> {
  const { db, clock } = app.services;
  await ensureDefaultModel(db, clock.now());

  // The model is configuration, not a child's data: every logged-in user reads it.
  app.get('/api/wellbeing/models', {
    schema: { tags: ['wellbeing'], summary: "The wellbeing wheel's model: the current version and every earlier one", response: { 200: WheelModelList, ...errorResponses(401) } },
    handler: async () => {
      const versions = (await modelVersions(db)).map(toModelVersion);
      return { current: versions[0]!, versions };
    },
  });

  // An edit is the next version; `basedOn` refuses an edit of a version someone has since replaced.
  app.post('/api/wellbeing/models', {
    schema: {
      tags: ['wellbeing'],
      summary: "Save an edit of the wheel's model as its next version (system administrators; logged)",
      body: WheelModelInput.extend({ basedOn: z.number().int().positive() }),
      response: { 201: WheelModelVersion, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      const now = clock.now();
      const base = { ...auditFrom(request), action: 'wellbeing.model.create' as const, subjectType: 'wellbeing_model' };
      if (!isSystemAdmin({ roles: actor.roles })) {
        await app.services.audit.append({ ...base, outcome: 'denied', details: { reason: 'not_system_admin' } });
        throw new AppError('forbidden', { details: { reason: 'not_system_admin' } });
      }
      const id = await db.transaction().execute(async (trx) => {
        const current = await currentModelVersion(trx);
        if (current && current.version !== request.body.basedOn) return null;
        const created = await insertModelVersion(trx, request.body.basedOn + 1, request.body.content, request.body.note, actor.userId, now);
        if (created) await appendAudit(trx, [{ ...base, subjectId: created, outcome: 'success', details: { version: request.body.basedOn + 1, note: request.body.note } }], now);
        return created || null;
      });
      if (!id) {
        await app.services.audit.append({ ...base, outcome: 'failure', details: { reason: 'stale_version', basedOn: request.body.basedOn } });
        throw refusal('conflict', 'stale_version');
      }
      return reply.status(201).send(toModelVersion((await modelVersionById(db, id))!));
    },
  });

  app.get('/api/children/:id/wellbeing', {
    schema: {
      tags: ['wellbeing'],
      summary: "The child's wellbeing wheel: the assessments the caller may read, with their model versions (logged)",
      params: ChildParams,
      response: { 200: WheelView, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      // Asked as a look at the record; each assessment is then decided as a `wellbeing` entry.
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.wellbeing.read', details: { category: 'wellbeing' } });
      const view = await wheelView(request, access);
      // The professional has now seen the child's wheel: its self-ratings are no longer new in "Mina barn".
      if (access.actor.citizen === undefined) await markSeen(db, access.actor.userId, [access.childId], 'wellbeing', access.now);
      return view;
    },
  });

  app.post('/api/children/:id/wellbeing', {
    schema: {
      tags: ['wellbeing'],
      summary: "Record an assessment: a professional's, or the child's or a guardian's own view (logged)",
      params: ChildParams,
      body: AssessmentInput,
      response: { 201: AssessmentView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const saved = await withChildWrite(request, request.params.id, 'wellbeing', { auditAction: 'child.wellbeing.record', details: { respondent: request.body.respondent } }, (trx, access) => recordAssessment(trx, request, access, request.body));
      return reply.status(201).send(saved);
    },
  });

  app.post('/api/children/:id/wellbeing/codes', {
    schema: {
      tags: ['wellbeing'],
      summary: 'Give the child or a guardian a one-time code for their own view: short-lived, opens only this form (logged)',
      params: ChildParams,
      body: SelfRatingCodeInput,
      response: { 201: SelfRatingCodeView, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const issued = await withChildWrite(request, request.params.id, 'wellbeing', { auditAction: 'child.wellbeing.code_issue', details: { respondent: request.body.respondent } }, (trx, access) => issueCode(trx, request, access, request.body.respondent));
      return reply.status(201).send(issued);
    },
  });

  // The code is the only key: these two need no session, so nobody is logged out while thinking.
  app.post('/api/self-rating/open', {
    config: { public: true },
    schema: {
      tags: ['wellbeing'],
      summary: 'Open the self-rating form a one-time code is for; the code is spent (logged)',
      body: SelfRatingOpenInput,
      response: { 200: SelfRatingOpened, ...errorResponses(400, 403, 429) },
    },
    handler: async (request) => openCode(request, request.body.code),
  });

  app.post('/api/self-rating/submit', {
    config: { public: true },
    schema: {
      tags: ['wellbeing'],
      summary: 'Send the answers of a form opened from a one-time code, as the child’s or the guardian’s view (logged)',
      body: SelfRatingSubmitInput,
      response: { 201: z.object({ respondent: WellbeingRespondent }), ...errorResponses(400, 403, 404) },
    },
    handler: async (request, reply) => reply.status(201).send(await submitForm(request, request.body)),
  });
}
