import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { decisionMayBeTaken, type DecisionInput, type ForumMemberInput, type ForumOrganisationInput, type ImpactAssessmentInput, type MeetingInput, type MeetingUpdate, type ViewInput } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { checkAssessmentInput, upsertAssessment } from '../impact-assessments/service.ts';
import { editableForum, findForum, forumAudit } from './service.ts';

/** The changes members make to a forum; each one transaction with its audit entry. */

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });
const nowOf = (request: FastifyRequest) => request.server.services.clock.now();

export async function addMember(db: Kysely<DB>, request: FastifyRequest, forumId: string, input: ForumMemberInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { forum } = await editableForum(trx, request, forumId, 'forum.member.add');
    const works = await trx.selectFrom('user_role').select('user_id').where('user_id', '=', input.userId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
    if (!works) throw invalid('body.userId', 'not_in_organisation');
    await trx.insertInto('forum_member').values({ forum_id: forumId, user_id: input.userId, organisation_id: input.organisationId, role: input.role }).onConflict((oc) => oc.columns(['forum_id', 'user_id']).doUpdateSet({ role: input.role, organisation_id: input.organisationId })).execute();
    await forumAudit(trx, request, forum, 'forum.member.add', { after: input });
  });
}

export async function saveOrganisation(db: Kysely<DB>, request: FastifyRequest, forumId: string, input: ForumOrganisationInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { forum } = await editableForum(trx, request, forumId, 'forum.organisation.save');
    if (!(await trx.selectFrom('organisation').select('id').where('id', '=', input.organisationId).executeTakeFirst())) throw invalid('body.organisationId', 'unknown_organisation');
    const values = { contact_name: input.contactName, contact_email: input.contactEmail, contact_phone: input.contactPhone, contact_for: input.contactFor };
    await trx.insertInto('forum_organisation').values({ forum_id: forumId, organisation_id: input.organisationId, ...values }).onConflict((oc) => oc.columns(['forum_id', 'organisation_id']).doUpdateSet(values)).execute();
    await forumAudit(trx, request, forum, 'forum.organisation.save', { after: input });
  });
}

export async function createMeeting(db: Kysely<DB>, request: FastifyRequest, forumId: string, input: MeetingInput): Promise<string> {
  const at = nowOf(request);
  return db.transaction().execute(async (trx) => {
    const { forum } = await editableForum(trx, request, forumId, 'forum.meeting.create');
    const { id } = await trx.insertInto('forum_meeting').values({ forum_id: forumId, held_on: input.heldOn, title: input.title, agenda: JSON.stringify(input.agenda), minutes: input.minutes, attendance: JSON.stringify(input.attendance), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await forumAudit(trx, request, forum, 'forum.meeting.create', { meetingId: id, after: input });
    return id;
  });
}

export async function updateMeeting(db: Kysely<DB>, request: FastifyRequest, forumId: string, meetingId: string, change: MeetingUpdate): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { forum } = await editableForum(trx, request, forumId, 'forum.meeting.update');
    const before = await trx.selectFrom('forum_meeting').selectAll().where('id', '=', meetingId).where('forum_id', '=', forumId).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await trx
      .updateTable('forum_meeting')
      .set({
        ...(change.heldOn !== undefined ? { held_on: change.heldOn } : {}),
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.agenda !== undefined ? { agenda: JSON.stringify(change.agenda) } : {}),
        ...(change.minutes !== undefined ? { minutes: change.minutes } : {}),
        ...(change.attendance !== undefined ? { attendance: JSON.stringify(change.attendance) } : {}),
        updated_at: nowOf(request),
      })
      .where('id', '=', meetingId)
      .execute();
    await forumAudit(trx, request, forum, 'forum.meeting.update', { meetingId, before: { heldOn: before.held_on, title: before.title, minutes: before.minutes, agenda: before.agenda, attendance: before.attendance }, change });
  });
}

/** The plan rows a decision names must exist and belong together (activity within sub-goal within plan). */
async function checkPlanLink(trx: Transaction<DB>, input: DecisionInput): Promise<void> {
  if (!input.actionPlanId) {
    if (input.subGoalId || input.activityId) throw invalid('body.actionPlanId', 'required_with_row');
    return;
  }
  if (!(await trx.selectFrom('action_plan').select('id').where('id', '=', input.actionPlanId).executeTakeFirst())) throw invalid('body.actionPlanId', 'unknown_action_plan');
  if (input.subGoalId && !(await trx.selectFrom('action_plan_sub_goal').select('id').where('id', '=', input.subGoalId).where('plan_id', '=', input.actionPlanId).executeTakeFirst())) throw invalid('body.subGoalId', 'unknown_sub_goal');
  if (input.activityId) {
    const a = await trx.selectFrom('action_plan_activity').select('sub_goal_id').where('id', '=', input.activityId).where('plan_id', '=', input.actionPlanId).executeTakeFirst();
    if (!a || (input.subGoalId && a.sub_goal_id !== input.subGoalId)) throw invalid('body.activityId', 'unknown_activity');
  }
}

export async function createDecision(db: Kysely<DB>, request: FastifyRequest, forumId: string, meetingId: string, input: DecisionInput): Promise<string> {
  const at = nowOf(request);
  return db.transaction().execute(async (trx) => {
    const { forum } = await editableForum(trx, request, forumId, 'forum.decision.create');
    if (!(await trx.selectFrom('forum_meeting').select('id').where('id', '=', meetingId).where('forum_id', '=', forumId).executeTakeFirst())) throw new AppError('not_found');
    await checkPlanLink(trx, input);
    const { id } = await trx.insertInto('forum_decision').values({ forum_id: forumId, meeting_id: meetingId, text: input.text, action_plan_id: input.actionPlanId, sub_goal_id: input.subGoalId, activity_id: input.activityId, state: 'proposed', created_at: at }).returning('id').executeTakeFirstOrThrow();
    await forumAudit(trx, request, forum, 'forum.decision.create', { decisionId: id, meetingId, after: input });
    return id;
  });
}

async function decisionOf(trx: Transaction<DB>, forumId: string, decisionId: string) {
  const d = await trx.selectFrom('forum_decision').selectAll().where('id', '=', decisionId).where('forum_id', '=', forumId).forUpdate().executeTakeFirst();
  if (!d) throw new AppError('not_found');
  return d;
}

export async function saveDecisionAssessment(db: Kysely<DB>, request: FastifyRequest, forumId: string, decisionId: string, input: ImpactAssessmentInput): Promise<void> {
  checkAssessmentInput(input);
  await db.transaction().execute(async (trx) => {
    const { actor, forum } = await editableForum(trx, request, forumId, 'impact_assessment.save');
    await decisionOf(trx, forumId, decisionId);
    const before = await upsertAssessment(trx, 'decision', decisionId, actor.userId, input, nowOf(request));
    await forumAudit(trx, request, forum, 'impact_assessment.save', { subjectKind: 'decision', decisionId, before, after: input.state, ...(input.state === 'not_needed' ? { reason: input.reason } : {}) });
  });
}

/** Marks a decision as taken: refused (409, decision_assessment_required) until its assessment is done or not needed with a reason. */
export async function takeDecision(db: Kysely<DB>, request: FastifyRequest, forumId: string, decisionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { actor, forum } = await editableForum(trx, request, forumId, 'forum.decision.take');
    const d = await decisionOf(trx, forumId, decisionId);
    if (d.state === 'taken') throw new AppError('conflict');
    const assessment = await trx.selectFrom('child_rights_assessment').select(['state', 'not_needed_reason']).where('subject_kind', '=', 'decision').where('subject_id', '=', decisionId).executeTakeFirst();
    const answer = decisionMayBeTaken(assessment ? { state: assessment.state, notNeededReason: assessment.not_needed_reason } : null);
    if (!answer.ok) throw new AppError('decision_assessment_required', { details: [{ path: 'assessment', message: answer.reason }] });
    await trx.updateTable('forum_decision').set({ state: 'taken', taken_by: actor.userId, taken_at: nowOf(request) }).where('id', '=', decisionId).execute();
    await forumAudit(trx, request, forum, 'forum.decision.take', { decisionId, assessment: assessment?.state });
  });
}

/** A reference group's members record a view they bring to the forum it serves. */
export async function createView(db: Kysely<DB>, request: FastifyRequest, groupId: string, input: ViewInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { actor, forum } = await editableForum(trx, request, groupId, 'forum.view.create');
    await findForum(trx, input.forumId);
    const { id } = await trx.insertInto('forum_view').values({ reference_group_id: groupId, forum_id: input.forumId, meeting_id: input.meetingId, subject: input.subject, view: input.view, children_views_how: input.childrenViewsHow, created_by: actor.userId, created_at: nowOf(request) }).returning('id').executeTakeFirstOrThrow();
    await forumAudit(trx, request, forum, 'forum.view.create', { viewId: id, after: input });
    return id;
  });
}

/** The receiving forum's members record its response to a view. */
export async function respondToView(db: Kysely<DB>, request: FastifyRequest, forumId: string, viewId: string, response: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { actor, forum } = await editableForum(trx, request, forumId, 'forum.view.respond');
    const v = await trx.selectFrom('forum_view').select(['id', 'response']).where('id', '=', viewId).where('forum_id', '=', forumId).executeTakeFirst();
    if (!v) throw new AppError('not_found');
    await trx.updateTable('forum_view').set({ response, responded_by: actor.userId, responded_at: nowOf(request) }).where('id', '=', viewId).execute();
    await forumAudit(trx, request, forum, 'forum.view.respond', { viewId, before: v.response, after: response });
  });
}
