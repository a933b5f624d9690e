import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { canEditForum, canReadActionPlans, type AuditAction, type ForumDetail, type ForumInput, type MeetingView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom, deniedEntry } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { planActor } from '../action-plans/service.ts';

/**
 * Forums hold no child's data: every professional reads them, their members edit them (403 for
 * anyone else), every change is one transaction with its audit entry on the forum.
 */

type Db = Kysely<DB> | Transaction<DB>;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function forumReader(request: FastifyRequest) {
  const actor = planActor(request);
  if (!canReadActionPlans(actor)) throw new AppError('forbidden');
  return actor;
}

export async function memberIds(db: Db, forumId: string): Promise<string[]> {
  return (await db.selectFrom('forum_member').select('user_id').where('forum_id', '=', forumId).execute()).map((m) => m.user_id);
}

export async function findForum(db: Db, id: string) {
  const forum = await db.selectFrom('forum').selectAll().where('id', '=', id).executeTakeFirst();
  if (!forum) throw new AppError('not_found');
  return forum;
}

/** The forum, locked for the change, when the caller is a member: 404 when there is none, 403 for a non-member (logged under the change it tried). */
export async function editableForum(trx: Transaction<DB>, request: FastifyRequest, id: string, action: AuditAction) {
  const actor = forumReader(request);
  const forum = await findForum(trx, id);
  if (!canEditForum(actor, await memberIds(trx, id))) throw new AppError('forbidden', { refusal: deniedEntry(request, action, { type: 'forum', id, organisationId: forum.organisation_id }, 'not_a_member') });
  await trx.selectFrom('forum').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return { actor, forum };
}

export async function forumAudit(trx: Transaction<DB>, request: FastifyRequest, forum: { id: string; organisation_id: string }, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType: 'forum', subjectId: forum.id, organisationId: forum.organisation_id, outcome: 'success', details }], request.server.services.clock.now());
}

/** A collaboration coordinator creates a forum run by their organisation, and becomes its secretary. */
export async function createForum(db: Kysely<DB>, request: FastifyRequest, input: ForumInput): Promise<string> {
  const actor = forumReader(request);
  if (!actor.roles.some((r) => r.role === 'collaboration_coordinator' && r.organisationId === input.organisationId)) throw new AppError('forbidden', { refusal: deniedEntry(request, 'forum.create', { type: 'forum', id: null, organisationId: input.organisationId }, 'not_a_coordinator') });
  const at = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    if (input.parentForumId) await findForum(trx, input.parentForumId);
    const { id } = await trx.insertInto('forum').values({ name: input.name, kind: input.kind, level: input.level, purpose: input.purpose, organisation_id: input.organisationId, parent_forum_id: input.parentForumId, created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('forum_member').values({ forum_id: id, user_id: actor.userId, organisation_id: input.organisationId, role: 'secretary' }).execute();
    await forumAudit(trx, request, { id, organisation_id: input.organisationId }, 'forum.create', { after: input });
    return id;
  });
}

export async function listForums(db: Kysely<DB>, userId: string) {
  const rows = await db
    .selectFrom('forum as f')
    .innerJoin('organisation as o', 'o.id', 'f.organisation_id')
    .leftJoin('forum as p', 'p.id', 'f.parent_forum_id')
    .select((eb) => [
      'f.id', 'f.name', 'f.kind', 'f.level', 'f.purpose', 'f.organisation_id', 'o.name as organisation_name', 'f.parent_forum_id', 'p.name as parent_name',
      eb.selectFrom('forum_member').select((e) => e.fn.countAll<number>().as('n')).whereRef('forum_id', '=', 'f.id').as('members'),
      eb.selectFrom('forum_meeting').select((e) => e.fn.countAll<number>().as('n')).whereRef('forum_id', '=', 'f.id').as('meetings'),
      eb.selectFrom('forum_member').select('user_id').whereRef('forum_id', '=', 'f.id').where('user_id', '=', userId).as('member'),
    ])
    .orderBy('f.name')
    .execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind, level: r.level, purpose: r.purpose,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    parentForum: r.parent_forum_id ? { id: r.parent_forum_id, name: r.parent_name ?? '' } : null,
    members: Number(r.members ?? 0), meetings: Number(r.meetings ?? 0), isMember: r.member !== null,
  }));
}

export async function nextMeetingOf(db: Db, forumId: string, today: string): Promise<string | null> {
  const row = await db.selectFrom('forum_meeting').select('held_on').where('forum_id', '=', forumId).where('held_on', '>=', today).orderBy('held_on').executeTakeFirst();
  return row?.held_on ?? null;
}

export async function forumDetail(db: Kysely<DB>, request: FastifyRequest, id: string, today: string): Promise<ForumDetail> {
  const actor = forumReader(request);
  const summary = (await listForums(db, actor.userId)).find((f) => f.id === id);
  if (!summary) throw new AppError('not_found');
  const [members, organisations, meetings, groups, views] = await Promise.all([
    db.selectFrom('forum_member as m').innerJoin('app_user as u', 'u.id', 'm.user_id').innerJoin('organisation as o', 'o.id', 'm.organisation_id').select(['m.user_id', 'u.display_name', 'm.organisation_id', 'o.name', 'm.role']).where('m.forum_id', '=', id).orderBy('u.display_name').execute(),
    db.selectFrom('forum_organisation as fo').innerJoin('organisation as o', 'o.id', 'fo.organisation_id').select(['fo.organisation_id', 'o.name', 'fo.contact_name', 'fo.contact_email', 'fo.contact_phone', 'fo.contact_for']).where('fo.forum_id', '=', id).orderBy('o.name').execute(),
    db.selectFrom('forum_meeting as mt').select((eb) => ['mt.id', 'mt.held_on', 'mt.title', eb.selectFrom('forum_decision').select((e) => e.fn.countAll<number>().as('n')).whereRef('meeting_id', '=', 'mt.id').as('decisions')]).where('mt.forum_id', '=', id).orderBy('mt.held_on', 'desc').execute(),
    db.selectFrom('forum').select(['id', 'name']).where('parent_forum_id', '=', id).orderBy('name').execute(),
    viewsOf(db, id),
  ]);
  const ids = members.map((m) => m.user_id);
  return {
    ...summary,
    nextMeeting: await nextMeetingOf(db, id, today),
    memberList: members.map((m) => ({ userId: m.user_id, displayName: m.display_name, organisation: { id: m.organisation_id, name: m.name }, role: m.role })),
    organisations: organisations.map((o) => ({ organisation: { id: o.organisation_id, name: o.name }, contactName: o.contact_name, contactEmail: o.contact_email, contactPhone: o.contact_phone, contactFor: o.contact_for })),
    meetingList: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, title: m.title, decisions: Number(m.decisions ?? 0) })),
    referenceGroups: groups,
    views,
    canEdit: canEditForum(actor, ids),
    canPublish: actor.roles.some((r) => r.role === 'collaboration_coordinator' && r.organisationId === summary.organisation.id),
  };
}

/** The views reference groups brought to this forum, or that this reference group brought. */
async function viewsOf(db: Db, forumId: string) {
  const rows = await db
    .selectFrom('forum_view as v')
    .innerJoin('forum as g', 'g.id', 'v.reference_group_id')
    .innerJoin('forum as f', 'f.id', 'v.forum_id')
    .select(['v.id', 'v.reference_group_id', 'g.name as group_name', 'v.forum_id', 'f.name as forum_name', 'v.subject', 'v.view', 'v.children_views_how', 'v.response', 'v.responded_at', 'v.created_at'])
    .where((eb) => eb.or([eb('v.forum_id', '=', forumId), eb('v.reference_group_id', '=', forumId)]))
    .orderBy('v.created_at', 'desc')
    .execute();
  return rows.map((v) => ({ id: v.id, referenceGroup: { id: v.reference_group_id, name: v.group_name }, forum: { id: v.forum_id, name: v.forum_name }, subject: v.subject, view: v.view, childrenViewsHow: v.children_views_how, response: v.response, respondedAt: iso(v.responded_at), createdAt: iso(v.created_at)! }));
}

export async function meetingView(db: Kysely<DB>, request: FastifyRequest, forumId: string, meetingId: string): Promise<MeetingView> {
  const actor = forumReader(request);
  const m = await db.selectFrom('forum_meeting').selectAll().where('id', '=', meetingId).where('forum_id', '=', forumId).executeTakeFirst();
  if (!m) throw new AppError('not_found');
  return {
    id: m.id, forumId, heldOn: m.held_on, title: m.title,
    agenda: m.agenda as MeetingView['agenda'], minutes: m.minutes, attendance: m.attendance as MeetingView['attendance'],
    decisions: await decisionsOf(db, { meetingId }),
    canEdit: canEditForum(actor, await memberIds(db, forumId)),
  };
}

export async function decisionsOf(db: Db, where: { meetingId?: string; forumId?: string; taken?: boolean }) {
  let q = db
    .selectFrom('forum_decision as d')
    .innerJoin('forum_meeting as m', 'm.id', 'd.meeting_id')
    .leftJoin('action_plan as p', 'p.id', 'd.action_plan_id')
    .leftJoin('action_plan_sub_goal as g', 'g.id', 'd.sub_goal_id')
    .leftJoin('action_plan_activity as a', 'a.id', 'd.activity_id')
    .leftJoin('child_rights_assessment as c', (j) => j.onRef('c.subject_id', '=', 'd.id').on('c.subject_kind', '=', 'decision'))
    .select(['d.id', 'd.meeting_id', 'm.held_on', 'd.text', 'd.action_plan_id', 'p.title as plan_title', 'd.sub_goal_id', 'g.title as goal_title', 'd.activity_id', 'a.title as activity_title', 'd.state', 'd.taken_at', 'c.state as assessment_state']);
  if (where.meetingId) q = q.where('d.meeting_id', '=', where.meetingId);
  if (where.forumId) q = q.where('d.forum_id', '=', where.forumId);
  if (where.taken) q = q.where('d.state', '=', 'taken');
  const rows = await q.orderBy('m.held_on', 'desc').orderBy('d.created_at').execute();
  const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
  return rows.map((d) => ({
    id: d.id, meetingId: d.meeting_id, heldOn: d.held_on, text: d.text,
    actionPlan: ref(d.action_plan_id, d.plan_title), subGoal: ref(d.sub_goal_id, d.goal_title), activity: ref(d.activity_id, d.activity_title),
    state: d.state, takenAt: iso(d.taken_at), assessmentState: d.assessment_state ?? ('none' as const),
  }));
}
