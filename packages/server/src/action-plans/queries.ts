import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActionPlanTemplate, ActivityStatus, CommunicationItem, ReviewAction, RoundReport } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What the area reads of a plan: its rows as stored, before statuses are computed for a day. */
export interface PlanRecord {
  id: string;
  title: string;
  ownerOrganisationId: string;
  ownerName: string;
  ownerForumId: string | null;
  sharing: { id: string; name: string }[];
  periodStart: string;
  periodEnd: string;
  priorityArea: 'completed_studies' | 'mental_health' | 'physical_activity' | 'other';
  overallGoal: string;
  soonLateDays: number;
  template: ActionPlanTemplate | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActivityRecord {
  id: string;
  subGoalId: string;
  position: number;
  title: string;
  description: string;
  responsibleOrganisationId: string;
  responsibleOrganisationName: string;
  responsibleUserId: string | null;
  responsibleUserName: string | null;
  startsOn: string;
  endsOn: string;
  checkInDates: string[];
  followUpHow: string;
  followUpWhen: string;
  communication: CommunicationItem[];
  closedOn: string | null;
  onHoldSince: string | null;
  indicators: { id: string; nameSv: string; nameEn: string }[];
}

export interface ReviewRecord {
  id: string;
  activityId: string;
  reviewedOn: string;
  at: Date;
  status: ActivityStatus;
  action: ReviewAction | null;
  comment: string;
  byId: string;
  byName: string;
  roundId: string | null;
}

export interface RoundRecord {
  id: string;
  openedAt: Date;
  openedBy: { id: string; displayName: string };
  dueOn: string;
  closedAt: Date | null;
  closedBy: { id: string; displayName: string } | null;
  report: RoundReport | null;
  tasks: { activityId: string; activityTitle: string; assigneeOrganisation: { id: string; name: string }; assigneeUser: { id: string; displayName: string } | null; doneAt: Date | null; reviewId: string | null }[];
}

function planQuery(db: Db) {
  return db
    .selectFrom('action_plan as p')
    .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
    .select(['p.id', 'p.title', 'p.owner_organisation_id', 'o.name as owner_name', 'p.owner_forum_id', 'p.period_start', 'p.period_end', 'p.priority_area', 'p.overall_goal', 'p.soon_late_days', 'p.template', 'p.created_at', 'p.updated_at']);
}

async function sharingOf(db: Db, planIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byPlan = new Map<string, { id: string; name: string }[]>();
  if (planIds.length === 0) return byPlan;
  const rows = await db
    .selectFrom('action_plan_organisation as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(['s.plan_id', 'o.id', 'o.name'])
    .where('s.plan_id', 'in', planIds)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
  for (const r of rows) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), { id: r.id, name: r.name }]);
  return byPlan;
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;
function toPlanRecord(r: PlanRow, sharing: { id: string; name: string }[]): PlanRecord {
  return {
    id: r.id,
    title: r.title,
    ownerOrganisationId: r.owner_organisation_id,
    ownerName: r.owner_name,
    ownerForumId: r.owner_forum_id,
    sharing,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    priorityArea: r.priority_area,
    overallGoal: r.overall_goal,
    soonLateDays: r.soon_late_days,
    template: r.template,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

export async function findPlan(db: Db, id: string): Promise<PlanRecord | undefined> {
  const row = await planQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toPlanRecord(row, (await sharingOf(db, [id])).get(id) ?? []);
}

/** Every plan, newest change first, with its activities' dates (for the statuses) and whether a round is open. */
export async function listPlans(db: Db) {
  const rows = await planQuery(db).orderBy('p.updated_at', 'desc').orderBy('p.id').execute();
  const ids = rows.map((r) => r.id);
  const sharing = await sharingOf(db, ids);
  const activities = ids.length === 0 ? [] : await db.selectFrom('action_plan_activity').select(['plan_id', 'starts_on', 'ends_on', 'closed_on', 'on_hold_since']).where('plan_id', 'in', ids).execute();
  const open = ids.length === 0 ? [] : await db.selectFrom('action_plan_round').select('plan_id').where('plan_id', 'in', ids).where('closed_at', 'is', null).execute();
  const openSet = new Set(open.map((o) => o.plan_id));
  return rows.map((r) => ({
    plan: toPlanRecord(r, sharing.get(r.id) ?? []),
    activities: activities.filter((a) => a.plan_id === r.id).map((a) => ({ start: a.starts_on, end: a.ends_on, closedOn: a.closed_on, onHoldSince: a.on_hold_since })),
    openRound: openSet.has(r.id),
  }));
}

export async function subGoalsOf(db: Db, planId: string) {
  return db.selectFrom('action_plan_sub_goal').select(['id', 'position', 'title', 'description']).where('plan_id', '=', planId).orderBy('position').execute();
}

function activityQuery(db: Db) {
  return db
    .selectFrom('action_plan_activity as a')
    .innerJoin('organisation as o', 'o.id', 'a.responsible_organisation_id')
    .leftJoin('app_user as u', 'u.id', 'a.responsible_user_id')
    .select([
      'a.id', 'a.plan_id', 'a.sub_goal_id', 'a.position', 'a.title', 'a.description', 'a.responsible_organisation_id', 'o.name as organisation_name', 'a.responsible_user_id', 'u.display_name as user_name',
      'a.starts_on', 'a.ends_on', sql<string[]>`a.check_in_dates::text[]`.as('check_in_dates'), 'a.follow_up_how', 'a.follow_up_when', 'a.communication', 'a.closed_on', 'a.on_hold_since',
    ]);
}

export async function activitiesOf(db: Db, filter: { planId: string } | { activityId: string }): Promise<(ActivityRecord & { planId: string })[]> {
  const q = activityQuery(db);
  const rows = await ('planId' in filter ? q.where('a.plan_id', '=', filter.planId) : q.where('a.id', '=', filter.activityId)).orderBy('a.sub_goal_id').orderBy('a.position').execute();
  const ids = rows.map((r) => r.id);
  const links = ids.length === 0 ? [] : await db
    .selectFrom('action_plan_activity_indicator as l')
    .innerJoin('indicator as i', 'i.id', 'l.indicator_id')
    .select(['l.activity_id', 'i.id', 'i.name_sv', 'i.name_en'])
    .where('l.activity_id', 'in', ids)
    .orderBy('i.name_sv')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    subGoalId: r.sub_goal_id,
    position: r.position,
    title: r.title,
    description: r.description,
    responsibleOrganisationId: r.responsible_organisation_id,
    responsibleOrganisationName: r.organisation_name,
    responsibleUserId: r.responsible_user_id,
    responsibleUserName: r.user_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    checkInDates: [...r.check_in_dates].sort(),
    followUpHow: r.follow_up_how,
    followUpWhen: r.follow_up_when,
    communication: r.communication,
    closedOn: r.closed_on,
    onHoldSince: r.on_hold_since,
    indicators: links.filter((l) => l.activity_id === r.id).map((l) => ({ id: l.id, nameSv: l.name_sv, nameEn: l.name_en })),
  }));
}

/** Reviews, newest first: of one activity, or of a whole plan. */
export async function reviewsOf(db: Db, filter: { planId: string } | { activityId: string }): Promise<ReviewRecord[]> {
  const q = db
    .selectFrom('action_plan_review as r')
    .innerJoin('app_user as u', 'u.id', 'r.reviewed_by')
    .select(['r.id', 'r.activity_id', 'r.reviewed_on', 'r.at', 'r.status', 'r.action', 'r.comment', 'r.reviewed_by', 'u.display_name', 'r.round_id']);
  const rows = await ('planId' in filter ? q.where('r.plan_id', '=', filter.planId) : q.where('r.activity_id', '=', filter.activityId)).orderBy('r.at', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, activityId: r.activity_id, reviewedOn: r.reviewed_on, at: new Date(r.at), status: r.status, action: r.action, comment: r.comment, byId: r.reviewed_by, byName: r.display_name, roundId: r.round_id }));
}

/** A plan's rounds, newest first, with their tasks. */
export async function roundsOf(db: Db, planId: string): Promise<RoundRecord[]> {
  const rounds = await db
    .selectFrom('action_plan_round as r')
    .innerJoin('app_user as o', 'o.id', 'r.opened_by')
    .leftJoin('app_user as c', 'c.id', 'r.closed_by')
    .select(['r.id', 'r.opened_at', 'r.opened_by', 'o.display_name as opener', 'r.due_on', 'r.closed_at', 'r.closed_by', 'c.display_name as closer', 'r.report'])
    .where('r.plan_id', '=', planId)
    .orderBy('r.opened_at', 'desc')
    .orderBy('r.id')
    .execute();
  const ids = rounds.map((r) => r.id);
  const tasks = ids.length === 0 ? [] : await db
    .selectFrom('action_plan_round_task as t')
    .innerJoin('action_plan_activity as a', 'a.id', 't.activity_id')
    .innerJoin('organisation as o', 'o.id', 't.assignee_organisation_id')
    .leftJoin('app_user as u', 'u.id', 't.assignee_user_id')
    .select(['t.round_id', 't.activity_id', 'a.title', 't.assignee_organisation_id', 'o.name', 't.assignee_user_id', 'u.display_name', 't.done_at', 't.review_id'])
    .where('t.round_id', 'in', ids)
    .orderBy('a.sub_goal_id')
    .orderBy('a.position')
    .execute();
  return rounds.map((r) => ({
    id: r.id,
    openedAt: new Date(r.opened_at),
    openedBy: { id: r.opened_by, displayName: r.opener },
    dueOn: r.due_on,
    closedAt: r.closed_at ? new Date(r.closed_at) : null,
    closedBy: r.closed_by ? { id: r.closed_by, displayName: r.closer ?? '' } : null,
    report: (r.report as RoundReport | null) ?? null,
    tasks: tasks
      .filter((t) => t.round_id === r.id)
      .map((t) => ({
        activityId: t.activity_id,
        activityTitle: t.title,
        assigneeOrganisation: { id: t.assignee_organisation_id, name: t.name },
        assigneeUser: t.assignee_user_id ? { id: t.assignee_user_id, displayName: t.display_name ?? '' } : null,
        doneAt: t.done_at ? new Date(t.done_at) : null,
        reviewId: t.review_id,
      })),
  }));
}

/** People of an organisation a plan can name as responsible: active professionals' names only. */
export async function peopleOf(db: Db, organisationId: string) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name as displayName'])
    .where('u.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('user_role as r').select('r.user_id').whereRef('r.user_id', '=', 'u.id').where('r.organisation_id', '=', organisationId)))
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(500)
    .execute();
}

/** Whether a user holds a role in the organisation (a responsible person belongs to the responsible organisation). */
export async function worksIn(db: Db, userId: string, organisationId: string): Promise<boolean> {
  return (await db.selectFrom('user_role').select('user_id').where('user_id', '=', userId).where('organisation_id', '=', organisationId).executeTakeFirst()) !== undefined;
}

export async function existingIndicators(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('indicator').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}

export async function existingOrganisations(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('organisation').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}
