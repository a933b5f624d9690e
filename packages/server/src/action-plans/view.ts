import {
  activityStatus,
  canEditActionPlan,
  canReviewActivity,
  canRunRounds,
  countStatuses,
  nextCheckIn,
  type ActionPlanSummary,
  type ActionPlanView,
  type ActivityView,
  type PlanActor,
  type ReviewView,
  type RoundView,
} from '@samsyn/core';
import type { ActivityRecord, PlanRecord, ReviewRecord, RoundRecord } from './queries.ts';

/**
 * Turns what is stored into what is shown, for one day of the server's clock: every activity's
 * status is computed here from its dates (and its closing or hold), never stored, so it moves by
 * itself; and the caller's actions (edit, review, run rounds) come from core's policy.
 */

export const parties = (plan: PlanRecord) => ({ ownerOrganisationId: plan.ownerOrganisationId, sharingOrganisationIds: plan.sharing.map((o) => o.id) });

export function statusOf(activity: Pick<ActivityRecord, 'startsOn' | 'endsOn' | 'closedOn' | 'onHoldSince'>, today: string, soonLateDays: number) {
  return activityStatus({ start: activity.startsOn, end: activity.endsOn, closedOn: activity.closedOn, onHoldSince: activity.onHoldSince }, today, soonLateDays);
}

export function toReviewView(r: ReviewRecord): ReviewView {
  return { id: r.id, activityId: r.activityId, reviewedOn: r.reviewedOn, at: r.at.toISOString(), status: r.status, action: r.action, comment: r.comment, by: { id: r.byId, displayName: r.byName }, roundId: r.roundId };
}

export function toActivityView(a: ActivityRecord, plan: PlanRecord, reviews: readonly ReviewRecord[], actor: PlanActor, today: string): ActivityView {
  const status = statusOf(a, today, plan.soonLateDays);
  const last = reviews[0] ?? null;
  return {
    id: a.id,
    subGoalId: a.subGoalId,
    position: a.position,
    title: a.title,
    description: a.description,
    responsibleOrganisation: { id: a.responsibleOrganisationId, name: a.responsibleOrganisationName },
    responsibleUser: a.responsibleUserId ? { id: a.responsibleUserId, displayName: a.responsibleUserName ?? '' } : null,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    checkInDates: a.checkInDates,
    ...nextCheckIn(a.checkInDates, last?.reviewedOn ?? null, status, today),
    followUp: { how: a.followUpHow, when: a.followUpWhen, indicators: a.indicators },
    communication: a.communication,
    status,
    closedOn: a.closedOn,
    onHoldSince: a.onHoldSince,
    lastReview: last ? toReviewView(last) : null,
    reviewCount: reviews.length,
    canReview: canReviewActivity(actor, parties(plan), a),
  };
}

export function toRoundView(r: RoundRecord): RoundView {
  return {
    id: r.id,
    openedAt: r.openedAt.toISOString(),
    openedBy: r.openedBy,
    dueOn: r.dueOn,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy,
    tasks: r.tasks.map((t) => ({ ...t, doneAt: t.doneAt?.toISOString() ?? null })),
    report: r.report,
  };
}

export function toPlanView(
  plan: PlanRecord,
  content: { subGoals: { id: string; position: number; title: string; description: string }[]; activities: ActivityRecord[]; reviews: ReviewRecord[]; rounds: RoundRecord[] },
  actor: PlanActor,
  today: string,
): ActionPlanView {
  const activityViews = content.activities.map((a) => toActivityView(a, plan, content.reviews.filter((r) => r.activityId === a.id), actor, today));
  return {
    id: plan.id,
    title: plan.title,
    owner: { organisation: { id: plan.ownerOrganisationId, name: plan.ownerName }, forumId: plan.ownerForumId },
    sharing: plan.sharing,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    priorityArea: plan.priorityArea,
    overallGoal: plan.overallGoal,
    soonLateDays: plan.soonLateDays,
    template: plan.template,
    today,
    subGoals: content.subGoals.map((g) => ({ ...g, activities: activityViews.filter((a) => a.subGoalId === g.id).sort((x, y) => x.position - y.position) })),
    counts: countStatuses(activityViews.map((a) => a.status)),
    rounds: content.rounds.map(toRoundView),
    canEdit: canEditActionPlan(actor, parties(plan)),
    canRunRounds: canRunRounds(actor, parties(plan)),
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function toPlanSummary(
  entry: { plan: PlanRecord; activities: { start: string; end: string; closedOn: string | null; onHoldSince: string | null }[]; openRound: boolean },
  actor: PlanActor,
  today: string,
): ActionPlanSummary {
  const { plan } = entry;
  return {
    id: plan.id,
    title: plan.title,
    owner: { id: plan.ownerOrganisationId, name: plan.ownerName },
    sharing: plan.sharing,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    priorityArea: plan.priorityArea,
    activities: entry.activities.length,
    counts: countStatuses(entry.activities.map((a) => activityStatus(a, today, plan.soonLateDays))),
    openRound: entry.openRound,
    canEdit: canEditActionPlan(actor, parties(plan)),
    updatedAt: plan.updatedAt.toISOString(),
  };
}
