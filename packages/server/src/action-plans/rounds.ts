import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import {
  canReviewActivity,
  canRunRounds,
  countStatuses,
  isResponsibleFor,
  nextCheckIn,
  type ActionPlanTask,
  type ReviewInput,
  type RoundInput,
  type RoundReport,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { activitiesOf, reviewsOf, subGoalsOf } from './queries.ts';
import { audit, readablePlan, reader, today } from './service.ts';
import { parties, statusOf } from './view.ts';

/**
 * Dated reviews and follow-up rounds. A review is appended, never changed; it may close an
 * activity, put it on hold or resume it. A round: the owner's coordinators open it, each
 * responsible party of a running activity gets a task, their review in the round marks it done,
 * and closing the round keeps its report. Tasks are rows of this area (see docs/action-plans.md:
 * the notices' kinds are a shared CHECK, so the round's tasks list themselves under Verksamhet).
 */

const conflict = (message: string) => new AppError('conflict', { details: [{ path: 'body', message }] });

export async function recordReview(db: Kysely<DB>, request: FastifyRequest, planId: string, activityId: string, input: ReviewInput): Promise<string> {
  const at = request.server.services.clock.now();
  const day = today(request);
  return db.transaction().execute(async (trx) => {
    const { actor, plan } = await readablePlan(trx, request, planId);
    await trx.selectFrom('action_plan_activity').select('id').where('id', '=', activityId).forUpdate().executeTakeFirst();
    const [activity] = await activitiesOf(trx, { activityId });
    if (!activity || activity.planId !== planId) throw new AppError('not_found');
    if (!canReviewActivity(actor, parties(plan), activity)) throw new AppError('forbidden');
    const closed = activity.closedOn !== null && activity.closedOn <= day;
    const held = activity.onHoldSince !== null && activity.onHoldSince <= day;
    if (input.action === 'close' && closed) throw conflict('already_closed');
    if (input.action === 'hold' && (closed || held)) throw conflict(closed ? 'already_closed' : 'already_on_hold');
    if (input.action === 'resume' && !closed && !held) throw conflict('not_closed_or_on_hold');
    const after = {
      ...activity,
      closedOn: input.action === 'close' ? day : input.action === 'resume' ? null : activity.closedOn,
      onHoldSince: input.action === 'hold' ? day : input.action === 'resume' || input.action === 'close' ? null : activity.onHoldSince,
    };
    if (input.action !== null) await trx.updateTable('action_plan_activity').set({ closed_on: after.closedOn, on_hold_since: after.onHoldSince, updated_at: at }).where('id', '=', activityId).execute();
    const round = await trx.selectFrom('action_plan_round').select('id').where('plan_id', '=', planId).where('closed_at', 'is', null).executeTakeFirst();
    const task = round ? await trx.selectFrom('action_plan_round_task').select('activity_id').where('round_id', '=', round.id).where('activity_id', '=', activityId).executeTakeFirst() : undefined;
    const status = statusOf(after, day, plan.soonLateDays);
    const { id } = await trx
      .insertInto('action_plan_review')
      .values({ plan_id: planId, activity_id: activityId, reviewed_on: day, at, status, action: input.action, comment: input.comment, reviewed_by: actor.userId, round_id: task ? round!.id : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (task) await trx.updateTable('action_plan_round_task').set({ done_at: at, review_id: id }).where('round_id', '=', round!.id).where('activity_id', '=', activityId).execute();
    await trx.updateTable('action_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await audit(trx, request, plan, 'action_plan.review.record', { activityId, reviewId: id, status, action: input.action, roundId: task ? round!.id : null });
    return id;
  });
}

export async function openRound(db: Kysely<DB>, request: FastifyRequest, planId: string, input: RoundInput): Promise<string> {
  const at = request.server.services.clock.now();
  const day = today(request);
  if (input.dueOn < day) throw new AppError('validation_failed', { details: [{ path: 'body.dueOn', message: 'due_in_the_past' }] });
  return db.transaction().execute(async (trx) => {
    const { actor, plan } = await readablePlan(trx, request, planId);
    if (!canRunRounds(actor, parties(plan))) throw new AppError('forbidden');
    await trx.selectFrom('action_plan').select('id').where('id', '=', planId).forUpdate().executeTakeFirst();
    if (await trx.selectFrom('action_plan_round').select('id').where('plan_id', '=', planId).where('closed_at', 'is', null).executeTakeFirst()) throw conflict('round_already_open');
    const { id } = await trx.insertInto('action_plan_round').values({ plan_id: planId, opened_by: actor.userId, opened_at: at, due_on: input.dueOn }).returning('id').executeTakeFirstOrThrow();
    // Every running activity reports: started, not closed (on hold too: the round asks whether it resumes).
    const running = (await activitiesOf(trx, { planId })).filter((a) => !['not_started', 'closed'].includes(statusOf(a, day, plan.soonLateDays)));
    if (running.length > 0) {
      await trx.insertInto('action_plan_round_task').values(running.map((a) => ({ round_id: id, activity_id: a.id, assignee_organisation_id: a.responsibleOrganisationId, assignee_user_id: a.responsibleUserId }))).execute();
    }
    await trx.updateTable('action_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await audit(trx, request, plan, 'action_plan.round.open', { roundId: id, dueOn: input.dueOn, tasks: running.length });
    return id;
  });
}

export async function closeRound(db: Kysely<DB>, request: FastifyRequest, planId: string, roundId: string): Promise<void> {
  const at = request.server.services.clock.now();
  const day = today(request);
  await db.transaction().execute(async (trx) => {
    const { actor, plan } = await readablePlan(trx, request, planId);
    if (!canRunRounds(actor, parties(plan))) throw new AppError('forbidden');
    const round = await trx.selectFrom('action_plan_round').select(['id', 'closed_at']).where('id', '=', roundId).where('plan_id', '=', planId).forUpdate().executeTakeFirst();
    if (!round) throw new AppError('not_found');
    if (round.closed_at !== null) throw conflict('round_closed');
    const report = await roundReport(trx, planId, roundId, plan.soonLateDays, day);
    await trx.updateTable('action_plan_round').set({ closed_at: at, closed_by: actor.userId, report: JSON.stringify(report) }).where('id', '=', roundId).execute();
    await trx.updateTable('action_plan').set({ updated_at: at }).where('id', '=', planId).execute();
    await audit(trx, request, plan, 'action_plan.round.close', { roundId, counts: report.counts, reported: report.rows.filter((r) => r.reported).length, tasks: report.rows.length });
  });
}

/** The round's report: each activity of the plan as it stands at closing, with the review made in the round. */
async function roundReport(db: Kysely<DB>, planId: string, roundId: string, soonLateDays: number, day: string): Promise<RoundReport> {
  const [goals, activities, reviews, tasks] = await Promise.all([
    subGoalsOf(db, planId),
    activitiesOf(db, { planId }),
    reviewsOf(db, { planId }),
    db.selectFrom('action_plan_round_task').select(['activity_id', 'done_at']).where('round_id', '=', roundId).execute(),
  ]);
  const goalTitle = new Map(goals.map((g) => [g.id, g.title]));
  const order = new Map(goals.map((g) => [g.id, g.position]));
  const sorted = [...activities].sort((a, b) => order.get(a.subGoalId)! - order.get(b.subGoalId)! || a.position - b.position);
  const rows = sorted.map((a) => {
    const review = reviews.find((r) => r.activityId === a.id && r.roundId === roundId) ?? null;
    return { activityId: a.id, subGoal: goalTitle.get(a.subGoalId) ?? '', activity: a.title, status: statusOf(a, day, soonLateDays), reported: tasks.some((t) => t.activity_id === a.id && t.done_at !== null), comment: review?.comment ?? null, by: review?.byName ?? null };
  });
  return { closedOn: day, counts: countStatuses(rows.map((r) => r.status)), rows };
}

/**
 * What waits for the caller: a task in an open round for an activity they answer for, and a
 * check-in due (within a week, or passed without a review) of such an activity.
 */
export async function tasksOf(db: Kysely<DB>, request: FastifyRequest): Promise<ActionPlanTask[]> {
  const actor = reader(request);
  const day = today(request);
  const leads = [...new Set(actor.roles.filter((r) => r.role === 'collaboration_coordinator' || r.role === 'unit_manager').map((r) => r.organisationId))];
  const rows = await db
    .selectFrom('action_plan_activity as a')
    .innerJoin('action_plan as p', 'p.id', 'a.plan_id')
    .select(['a.id', 'a.plan_id', 'p.title as plan_title', 'p.soon_late_days', 'a.title', 'a.responsible_organisation_id', 'a.responsible_user_id', 'a.starts_on', 'a.ends_on', 'a.closed_on', 'a.on_hold_since'])
    .select((eb) => [
      eb.selectFrom('action_plan_review as r').select((e) => e.fn.max('r.reviewed_on').as('d')).whereRef('r.activity_id', '=', 'a.id').as('last_reviewed_on'),
      sql<string[]>`a.check_in_dates::text[]`.as('check_ins'),
    ])
    .where((eb) => eb.or([eb('a.responsible_user_id', '=', actor.userId), ...(leads.length > 0 ? [eb.and([eb('a.responsible_user_id', 'is', null), eb('a.responsible_organisation_id', 'in', leads)])] : [])]))
    .orderBy('p.title')
    .orderBy('a.id')
    .execute();
  const mine = rows.filter((r) => isResponsibleFor(actor, { responsibleOrganisationId: r.responsible_organisation_id, responsibleUserId: r.responsible_user_id }));
  const ids = mine.map((r) => r.id);
  const open = ids.length === 0 ? [] : await db
    .selectFrom('action_plan_round_task as t')
    .innerJoin('action_plan_round as r', 'r.id', 't.round_id')
    .select(['t.activity_id', 't.round_id', 'r.due_on'])
    .where('t.activity_id', 'in', ids)
    .where('t.done_at', 'is', null)
    .where('r.closed_at', 'is', null)
    .execute();
  const tasks: ActionPlanTask[] = [];
  for (const r of mine) {
    const base = { planId: r.plan_id, planTitle: r.plan_title, activityId: r.id, activityTitle: r.title };
    for (const t of open.filter((o) => o.activity_id === r.id)) tasks.push({ kind: 'round', ...base, roundId: t.round_id, dueOn: t.due_on });
    const status = statusOf({ startsOn: r.starts_on, endsOn: r.ends_on, closedOn: r.closed_on, onHoldSince: r.on_hold_since }, day, r.soon_late_days);
    const checkIn = nextCheckIn(r.check_ins, r.last_reviewed_on ?? null, status, day);
    if (checkIn.checkInDue && checkIn.nextCheckIn) tasks.push({ kind: 'check_in', ...base, roundId: null, dueOn: checkIn.nextCheckIn });
  }
  return tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.planTitle.localeCompare(b.planTitle, 'sv') || a.activityId.localeCompare(b.activityId));
}
