import { z } from 'zod';
import { familyPlanDocument, pickLanguage, stockholmDate, type WellbeingArea } from '@samsyn/core';
import { ChildParams, PlanApprovalInput, PlanCloseInput, PlanCreateInput, PlanEstablishInput, PlanList, PlanParams, PlanRevisionInput, PlanRevisionPage, PlanRevisionPageQuery, PlanRevisionParams, PlanRevisionRead, PlanView } from '@samsyn/core';
import { withChildAccess, withChildAction, withChildWrite, type ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { answerProposal } from './approvals.ts';
import { familyPlanPdf } from './family-pdf.ts';
import { nextMeeting } from './meetings.ts';
import { meetingsOf } from './meetings-queries.ts';
import { PreparationInput, PreparationList, Preparation, readPreparations, savePreparation } from './preparation.ts';
import { wheelAreaLabels } from '../wellbeing/queries.ts';
import { closePlanWithReason, createPlan, establishPlan, listPlans, PlanConflict, readPlan, saveRevision } from './service.ts';
import { listRevisions, readRevision } from './revision-history.ts';

/**
 * Planning together: the child's plan and the SIP. Reads are asked of the gate as reads of the
 * record, then each plan and revision is decided by the plan's rule (core `plans/policy.ts`);
 * changes are writes of the category `plan` in the writer's secrecy domain, decided inside their
 * transaction; the family's answer is the gate's `give_consent`.
 */
const FamilyPdfQuery = z.object({ lang: z.enum(['sv', 'en']).optional() });

export async function planRoutes(app: App): Promise<void> {
  app.get('/api/children/:id/plans', {
    schema: {
      tags: ['plans'],
      summary: 'The child’s plans that the caller may read, the consents they may start one on and who may lead it (logged)',
      params: ChildParams,
      response: { 200: PlanList, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => listPlans(request, await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.plan.list' })),
  });

  app.post('/api/children/:id/plans', {
    schema: {
      tags: ['plans'],
      summary: 'Start a child’s plan or a SIP on a consent that names the caller; its first revision is the draft (logged)',
      params: ChildParams,
      body: PlanCreateInput,
      response: { 201: PlanView, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const view = await withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.create' }, (trx, access) => createPlan(trx, request, access, request.body));
      return reply.status(201).send(view);
    },
  });

  app.get('/api/children/:id/plans/:planId', {
    schema: {
      tags: ['plans'],
      summary: 'One plan with the revisions the caller may read and the family’s answers; 404 for a plan the caller may not read (logged)',
      params: PlanParams,
      response: { 200: PlanView, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.plan.read', details: { planId: request.params.planId } });
      return readPlan(request, access, request.params.planId);
    },
  });

  app.get('/api/children/:id/plans/:planId/revisions', {
    schema: {
      tags: ['plans'],
      summary: 'A page of a plan’s revisions older than `before`, newest first, without their contents (the plan’s view lists the newest); the family has none beyond their view (logged)',
      params: PlanParams,
      querystring: PlanRevisionPageQuery,
      response: { 200: PlanRevisionPage, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const { id, planId } = request.params;
      const access = await withChildAccess(request, id, 'read', 'record', { auditAction: 'child.plan.revision.list', details: { planId, before: request.query.before } });
      return listRevisions(request, access, planId, request.query.before);
    },
  });

  app.get('/api/children/:id/plans/:planId/revisions/:number', {
    schema: {
      tags: ['plans'],
      summary: 'One revision of a plan with its contents (the plan’s view carries the head’s and the one in force’s only), to read or compare an older one; 404 for one the caller may not read (logged)',
      params: PlanRevisionParams,
      response: { 200: PlanRevisionRead, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const { id, planId, number } = request.params;
      const access = await withChildAccess(request, id, 'read', 'record', { auditAction: 'child.plan.revision.read', details: { planId, revision: number } });
      return readRevision(request, access, planId, number);
    },
  });

  app.get('/api/children/:id/plans/:planId/pdf', {
    schema: {
      tags: ['plans'],
      summary: 'The plan for the family as a PDF, in plain words: goals, who does what, the next follow-up and meeting, and whom to contact; what the caller may read of it, never the child’s name or address (logged)',
      params: PlanParams,
      querystring: FamilyPdfQuery,
      produces: ['application/pdf'],
      response: { 200: z.any().describe('a PDF file'), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      let plan: PlanView | undefined;
      // The plan is decided before the look is logged, so a refusal is its one entry: the family of a plan being prepared has nothing to print.
      const areaRule = async (a: ChildAccess): Promise<AppError | null> => {
        try {
          plan = await readPlan(request, a, request.params.planId);
        } catch (error) {
          if (error instanceof AppError) return error;
          throw error;
        }
        return plan.fields.includes('contents') ? null : new AppError('access_denied', { details: { reason: 'plan_being_prepared' } });
      };
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.plan.pdf', details: { planId: request.params.planId }, areaRule });
      if (!plan) throw new AppError('not_found');
      const language = request.query.lang ?? pickLanguage(request.headers['accept-language']);
      const labels = await wheelAreaLabels(request.server.services.db, language);
      const today = stockholmDate(access.now);
      // The meeting's time and place, as the family's plan page shows them (never its notes).
      const next = nextMeeting(await meetingsOf(request.server.services.db, plan.id), access.now);
      const nextMeetingFacts = next ? { startsAt: new Date(next.starts_at).toISOString(), place: next.place, digitalLink: next.digital_link } : null;
      const pdf = await familyPlanPdf(familyPlanDocument(plan, { language, today, areaLabel: (area: WellbeingArea) => labels.get(area) ?? area, nextMeeting: nextMeetingFacts }), language);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="plan-${today}.pdf"`).send(pdf);
    },
  });

  app.post('/api/children/:id/plans/:planId/revisions', {
    schema: {
      tags: ['plans'],
      summary: 'Save a revision on the revision it was edited from; a stale base is 409 plan_revision_conflict with both versions (logged)',
      params: PlanParams,
      body: PlanRevisionInput,
      response: { 201: PlanView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      try {
        const view = await withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.revise', details: { planId: request.params.planId } }, (trx, access) => saveRevision(trx, request, access, request.params.planId, request.body));
        return reply.status(201).send(view);
      } catch (error) {
        throw withBothVersions(error, request.body.contents);
      }
    },
  });

  app.post('/api/children/:id/plans/:planId/establish', {
    schema: {
      tags: ['plans'],
      summary: 'Establish the plan on its head revision; a SIP is refused (409 sip_contents_missing) until its legal contents are complete (logged)',
      params: PlanParams,
      body: PlanEstablishInput,
      response: { 200: PlanView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      try {
        return await withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.establish', details: { planId: request.params.planId } }, (trx, access) => establishPlan(trx, request, access, request.params.planId, request.body));
      } catch (error) {
        throw withBothVersions(error, null);
      }
    },
  });

  app.post('/api/children/:id/plans/:planId/close', {
    schema: {
      tags: ['plans'],
      summary: 'Close the plan with a reason (the planning lead; logged)',
      params: PlanParams,
      body: PlanCloseInput,
      response: { 200: PlanView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => withChildWrite(request, request.params.id, 'plan', { auditAction: 'child.plan.close', details: { planId: request.params.planId } }, (trx, access) => closePlanWithReason(trx, request, access, request.params.planId, request.body)),
  });

  app.post('/api/children/:id/plans/:planId/approvals', {
    schema: {
      tags: ['plans'],
      summary: 'The family approves or comments on the change proposed to an established plan (a guardian, or the child from the consent age; logged)',
      params: PlanParams,
      body: PlanApprovalInput,
      response: { 201: PlanView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const view = await withChildAction(request, request.params.id, 'give_consent', { auditAction: 'child.plan.approve', details: { planId: request.params.planId } }, (trx, access) => answerProposal(trx, request, access, request.params.planId, request.body));
      return reply.status(201).send(view);
    },
  });

  app.get('/api/children/:id/plans/:planId/preparation', {
    schema: {
      tags: ['plans'],
      summary: 'The family’s submitted preparation answers for the plan’s meeting, and the caller’s own draft (logged)',
      params: PlanParams,
      response: { 200: PreparationList, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => readPreparations(request, await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.plan.preparation.read', details: { planId: request.params.planId } }), request.params.planId),
  });

  app.post('/api/children/:id/plans/:planId/preparation', {
    schema: {
      tags: ['plans'],
      summary: 'The family keeps a draft of, or submits, the “Vad är viktigt för dig?” preparation form (a guardian, or the child from the consent age; logged)',
      params: PlanParams,
      body: PreparationInput,
      response: { 200: Preparation, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => withChildAction(request, request.params.id, 'give_consent', { auditAction: 'child.plan.preparation.save', details: { planId: request.params.planId } }, (trx, access) => savePreparation(trx, request, access, request.params.planId, request.body)),
  });
}

/**
 * A conflict's answer carries both versions: the one saved meanwhile (when the caller may read
 * it) and the caller's own. They are added here, after the gate has logged the refusal with
 * its small details, so no plan text reaches the log.
 */
function withBothVersions(error: unknown, yours: unknown): unknown {
  if (!(error instanceof PlanConflict)) return error;
  return new AppError('plan_revision_conflict', { details: { ...(error.details as object), theirs: error.theirs, yours } });
}
