import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import {
  actionPlanTemplateContents,
  canCreateActionPlan,
  canEditActionPlan,
  canReadActionPlans,
  pickLanguage,
  stockholmDate,
  type ActionPlanInput,
  type ActionPlanUpdate,
  type ActionPlanView,
  type ActivityInput,
  type ActivityUpdate,
  type AuditAction,
  type PlanActor,
  type SubGoalInput,
  type SubGoalUpdate,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { activitiesOf, existingIndicators, existingOrganisations, findPlan, reviewsOf, roundsOf, subGoalsOf, worksIn, type PlanRecord } from './queries.ts';
import { parties, toPlanView } from './view.ts';

/**
 * The rules of changing a plan: only its members edit (core's policy), every change is one
 * transaction with its audit entry, and what a change names (organisations, people, indicators,
 * the sub-goal) must exist. The plan row is locked first, so positions never collide.
 */

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });

export function planActor(request: FastifyRequest): PlanActor {
  const actor = requireActor(request.actor);
  return { userId: actor.userId, kind: actor.kind, roles: actor.roles };
}

export function today(request: FastifyRequest): string {
  return stockholmDate(request.server.services.clock.now());
}

/** The caller reads plans (professionals), or 403. */
export function reader(request: FastifyRequest): PlanActor {
  const actor = planActor(request);
  if (!canReadActionPlans(actor)) throw new AppError('forbidden');
  return actor;
}

export async function readablePlan(db: Kysely<DB> | Transaction<DB>, request: FastifyRequest, id: string): Promise<{ actor: PlanActor; plan: PlanRecord }> {
  const actor = reader(request);
  const plan = await findPlan(db, id);
  if (!plan) throw new AppError('not_found');
  return { actor, plan };
}

/** The plan, locked for the change, when the caller may edit it: 404 when there is none, 403 for a non-member. */
export async function editablePlan(trx: Transaction<DB>, request: FastifyRequest, id: string): Promise<{ actor: PlanActor; plan: PlanRecord }> {
  const { actor, plan } = await readablePlan(trx, request, id);
  if (!canEditActionPlan(actor, parties(plan))) throw new AppError('forbidden');
  await trx.selectFrom('action_plan').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return { actor, plan };
}

export async function planView(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<ActionPlanView> {
  const { actor, plan } = await readablePlan(db, request, id);
  const [subGoals, activities, reviews, rounds] = await Promise.all([subGoalsOf(db, id), activitiesOf(db, { planId: id }), reviewsOf(db, { planId: id }), roundsOf(db, id)]);
  return toPlanView(plan, { subGoals, activities, reviews, rounds }, actor, today(request));
}

export async function audit(trx: Transaction<DB>, request: FastifyRequest, plan: { id: string; ownerOrganisationId: string }, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType: 'action_plan', subjectId: plan.id, organisationId: plan.ownerOrganisationId, outcome: 'success', details }], request.server.services.clock.now());
}

async function checkOrganisations(db: Transaction<DB>, ids: readonly string[], path: string): Promise<void> {
  const found = await existingOrganisations(db, ids);
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(ids.length === 1 ? path : `${path}.${missing}`, 'unknown_organisation');
}

async function checkIndicators(db: Transaction<DB>, ids: readonly string[]): Promise<void> {
  const found = await existingIndicators(db, ids);
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(`body.followUp.indicatorIds.${missing}`, 'unknown_indicator');
}

export async function createPlan(db: Kysely<DB>, request: FastifyRequest, input: ActionPlanInput): Promise<string> {
  const actor = reader(request);
  if (!canCreateActionPlan(actor, input.ownerOrganisationId)) throw new AppError('forbidden');
  const at = request.server.services.clock.now();
  const sharing = input.sharingOrganisationIds.filter((o) => o !== input.ownerOrganisationId);
  return db.transaction().execute(async (trx) => {
    await checkOrganisations(trx, sharing, 'body.sharingOrganisationIds');
    const { id } = await trx
      .insertInto('action_plan')
      .values({ title: input.title, owner_organisation_id: input.ownerOrganisationId, period_start: input.periodStart, period_end: input.periodEnd, priority_area: input.priorityArea, overall_goal: input.overallGoal, soon_late_days: input.soonLateDays, template: input.template, created_by: actor.userId, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (sharing.length > 0) await trx.insertInto('action_plan_organisation').values(sharing.map((o) => ({ plan_id: id, organisation_id: o }))).execute();
    if (input.template) await applyTemplate(trx, id, input, pickLanguage(request.headers['accept-language']), at);
    await audit(trx, request, { id, ownerOrganisationId: input.ownerOrganisationId }, 'action_plan.create', { after: { title: input.title, sharing, periodStart: input.periodStart, periodEnd: input.periodEnd, priorityArea: input.priorityArea, template: input.template } });
    return id;
  });
}

/** A template's sub-goals and activities, in the creator's language, owned by the plan's owner over its period. */
async function applyTemplate(trx: Transaction<DB>, planId: string, input: ActionPlanInput, language: 'sv' | 'en', at: Date): Promise<void> {
  const goals = actionPlanTemplateContents[input.template!];
  for (const [g, goal] of goals.entries()) {
    const { id: subGoalId } = await trx.insertInto('action_plan_sub_goal').values({ plan_id: planId, position: g + 1, title: goal.title[language] }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('action_plan_activity')
      .values(goal.activities.map((a, i) => ({
        plan_id: planId,
        sub_goal_id: subGoalId,
        position: i + 1,
        title: a.title[language],
        responsible_organisation_id: input.ownerOrganisationId,
        starts_on: input.periodStart,
        ends_on: input.periodEnd,
        follow_up_how: a.followUp[language],
        communication: JSON.stringify(a.communication.map((c) => ({ audience: c.audience[language], channel: c.channel[language], when: c.when[language] }))),
        created_at: at,
        updated_at: at,
      })))
      .execute();
  }
}

export async function updatePlan(db: Kysely<DB>, request: FastifyRequest, id: string, change: ActionPlanUpdate): Promise<void> {
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    const { plan } = await editablePlan(trx, request, id);
    const start = change.periodStart ?? plan.periodStart;
    const end = change.periodEnd ?? plan.periodEnd;
    if (start > end) throw invalid('body.periodEnd', 'period_end_before_start');
    if (change.sharingOrganisationIds) {
      const sharing = change.sharingOrganisationIds.filter((o) => o !== plan.ownerOrganisationId);
      await checkOrganisations(trx, sharing, 'body.sharingOrganisationIds');
      await trx.deleteFrom('action_plan_organisation').where('plan_id', '=', id).execute();
      if (sharing.length > 0) await trx.insertInto('action_plan_organisation').values(sharing.map((o) => ({ plan_id: id, organisation_id: o }))).execute();
    }
    await trx
      .updateTable('action_plan')
      .set({
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.periodStart !== undefined ? { period_start: change.periodStart } : {}),
        ...(change.periodEnd !== undefined ? { period_end: change.periodEnd } : {}),
        ...(change.priorityArea !== undefined ? { priority_area: change.priorityArea } : {}),
        ...(change.overallGoal !== undefined ? { overall_goal: change.overallGoal } : {}),
        ...(change.soonLateDays !== undefined ? { soon_late_days: change.soonLateDays } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    const before = { title: plan.title, sharing: plan.sharing.map((o) => o.id), periodStart: plan.periodStart, periodEnd: plan.periodEnd, priorityArea: plan.priorityArea, soonLateDays: plan.soonLateDays };
    await audit(trx, request, plan, 'action_plan.update', { before, change });
  });
}

export async function addSubGoal(db: Kysely<DB>, request: FastifyRequest, planId: string, input: SubGoalInput): Promise<string> {
  const at = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    const { plan } = await editablePlan(trx, request, planId);
    const last = await trx.selectFrom('action_plan_sub_goal').select((eb) => eb.fn.max('position').as('n')).where('plan_id', '=', planId).executeTakeFirst();
    const { id } = await trx.insertInto('action_plan_sub_goal').values({ plan_id: planId, position: Number(last?.n ?? 0) + 1, title: input.title, description: input.description }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('action_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await audit(trx, request, plan, 'action_plan.sub_goal.create', { subGoalId: id, after: input });
    return id;
  });
}

export async function updateSubGoal(db: Kysely<DB>, request: FastifyRequest, planId: string, subGoalId: string, change: SubGoalUpdate): Promise<void> {
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    const { plan } = await editablePlan(trx, request, planId);
    const before = await trx.selectFrom('action_plan_sub_goal').select(['title', 'description']).where('id', '=', subGoalId).where('plan_id', '=', planId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await trx.updateTable('action_plan_sub_goal').set(change).where('id', '=', subGoalId).execute();
    await trx.updateTable('action_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await audit(trx, request, plan, 'action_plan.sub_goal.update', { subGoalId, before, change });
  });
}

async function checkActivity(trx: Transaction<DB>, a: { responsibleOrganisationId?: string | undefined; responsibleUserId?: string | null | undefined; followUp?: { indicatorIds: string[] } | undefined }, current?: { responsibleOrganisationId: string; responsibleUserId: string | null }): Promise<void> {
  const organisation = a.responsibleOrganisationId ?? current?.responsibleOrganisationId;
  const user = a.responsibleUserId !== undefined ? a.responsibleUserId : (current?.responsibleUserId ?? null);
  if (a.responsibleOrganisationId) await checkOrganisations(trx, [a.responsibleOrganisationId], 'body.responsibleOrganisationId');
  // The responsible person works in the responsible organisation, so tasks and rights agree.
  if (user && organisation && !(await worksIn(trx, user, organisation))) throw invalid('body.responsibleUserId', 'not_in_organisation');
  if (a.followUp) await checkIndicators(trx, a.followUp.indicatorIds);
}

async function linkIndicators(trx: Transaction<DB>, activityId: string, ids: readonly string[]): Promise<void> {
  await trx.deleteFrom('action_plan_activity_indicator').where('activity_id', '=', activityId).execute();
  if (ids.length > 0) await trx.insertInto('action_plan_activity_indicator').values(ids.map((i) => ({ activity_id: activityId, indicator_id: i }))).execute();
}

export async function addActivity(db: Kysely<DB>, request: FastifyRequest, planId: string, input: ActivityInput): Promise<string> {
  const at = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    const { plan } = await editablePlan(trx, request, planId);
    const goal = await trx.selectFrom('action_plan_sub_goal').select('id').where('id', '=', input.subGoalId).where('plan_id', '=', planId).executeTakeFirst();
    if (!goal) throw invalid('body.subGoalId', 'unknown_sub_goal');
    await checkActivity(trx, input);
    const last = await trx.selectFrom('action_plan_activity').select((eb) => eb.fn.max('position').as('n')).where('sub_goal_id', '=', input.subGoalId).executeTakeFirst();
    const { id } = await trx
      .insertInto('action_plan_activity')
      .values({
        plan_id: planId,
        sub_goal_id: input.subGoalId,
        position: Number(last?.n ?? 0) + 1,
        title: input.title,
        description: input.description,
        responsible_organisation_id: input.responsibleOrganisationId,
        responsible_user_id: input.responsibleUserId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        check_in_dates: input.checkInDates,
        follow_up_how: input.followUp.how,
        follow_up_when: input.followUp.when,
        communication: JSON.stringify(input.communication),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkIndicators(trx, id, input.followUp.indicatorIds);
    await trx.updateTable('action_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await audit(trx, request, plan, 'action_plan.activity.create', { activityId: id, after: input });
    return id;
  });
}

export async function updateActivity(db: Kysely<DB>, request: FastifyRequest, planId: string, activityId: string, change: ActivityUpdate): Promise<void> {
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    const { plan } = await editablePlan(trx, request, planId);
    const [before] = await activitiesOf(trx, { activityId });
    if (!before || before.planId !== planId) throw new AppError('not_found');
    if ((change.startsOn ?? before.startsOn) > (change.endsOn ?? before.endsOn)) throw invalid('body.endsOn', 'end_before_start');
    await checkActivity(trx, change, before);
    await trx
      .updateTable('action_plan_activity')
      .set({
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        ...(change.responsibleOrganisationId !== undefined ? { responsible_organisation_id: change.responsibleOrganisationId } : {}),
        ...(change.responsibleUserId !== undefined ? { responsible_user_id: change.responsibleUserId } : {}),
        ...(change.startsOn !== undefined ? { starts_on: change.startsOn } : {}),
        ...(change.endsOn !== undefined ? { ends_on: change.endsOn } : {}),
        ...(change.checkInDates !== undefined ? { check_in_dates: change.checkInDates } : {}),
        ...(change.followUp !== undefined ? { follow_up_how: change.followUp.how, follow_up_when: change.followUp.when } : {}),
        ...(change.communication !== undefined ? { communication: JSON.stringify(change.communication) } : {}),
        updated_at: at,
      })
      .where('id', '=', activityId)
      .execute();
    if (change.followUp) await linkIndicators(trx, activityId, change.followUp.indicatorIds);
    await trx.updateTable('action_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    const { indicators, ...rest } = before;
    await audit(trx, request, plan, 'action_plan.activity.update', { activityId, before: { ...rest, indicatorIds: indicators.map((i) => i.id) }, change });
  });
}
