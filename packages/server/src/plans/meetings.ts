import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { isFamilyStanding, partyOf, planFieldsFor, type InvitationInput, type PlanMeetingInput, type PlanMeetingList, type PlanMeetingUpdateInput, type PlanMeetingView } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import type { DB } from '../db/schema.ts';
import type { InvitationKind } from '../db/schema-plan-meetings.ts';
import { AppError } from '../http/errors.ts';
import { invalid } from '../consent/refusals.ts';
import { planFacts, planOf, userNames, type PlanRow } from './queries.ts';
import { familyUsersOf, insertInvitation, insertMeeting, inviteesOf, meetingsOf, type InviteeRow, type MeetingRow } from './meetings-queries.ts';
import { decideRow, type ReadableDecision } from './views.ts';

type Db = Kysely<DB> | Transaction<DB>;
const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * A plan's meetings: the time, the place or digital link, the invitees with their receipts,
 * replies and attendance, the notes and decisions. Read as the plan is read (the plan's rule on
 * the gate's answer); the team's participants write while the plan is open; the planning lead
 * sends the summonses and invitations. The family reads its own part: the time, the place,
 * the link and its own invitation, never the team's notes or the other invitees.
 */

export interface PlanAt { row: PlanRow; decision: ReadableDecision }

export async function readablePlan(db: Db, request: FastifyRequest, access: ChildAccess, planId: string): Promise<PlanAt> {
  const row = await planOf(db, access.childId, access.actor.userId, planId);
  const decision = row ? decideRow(request, access, row) : null;
  if (!row || !decision?.read) throw new AppError('not_found');
  return { row, decision };
}

export const mayWrite = (p: PlanAt) => !isFamilyStanding(p.decision.standing) && p.decision.actions.includes('save_revision');
function isLead(p: PlanAt, userId: string): boolean {
  const f = planFacts(p.row);
  return (f.planningLeadUserId ?? f.createdBy) === userId;
}

export function refuseWrite(p: PlanAt): AppError {
  if (p.row.closed_at) return new AppError('plan_state', { details: { reason: 'plan_closed' } });
  return new AppError('access_denied', { details: { reason: 'not_plan_participant' } });
}

function inviteeView(i: InviteeRow, orgOf: Map<string, string>): PlanMeetingView['invitees'][number] {
  return {
    id: i.id,
    kind: i.kind,
    name: i.display_name ?? i.external_name,
    organisationName: i.invitee_user_id ? (orgOf.get(i.invitee_user_id) ?? null) : null,
    external: i.invitee_user_id === null,
    sentAt: iso(i.sent_at),
    deliveredAt: iso(i.delivered_at),
    readAt: i.read_at ? iso(i.read_at) : null,
    reply: i.reply,
    replyComment: i.reply_comment,
    repliedAt: i.replied_at ? iso(i.replied_at) : null,
    attendance: i.attendance,
  };
}

/**
 * The organisation each current team member is on the team for, and which kind of invitation
 * suits them. The gate's facts hold only the caller's own domains, so each member unit's domain
 * kind now is read here.
 */
async function teamPlaces(db: Db, access: ChildAccess) {
  const current = access.child.careTeam.filter((m) => m.startsAt <= access.now && (m.endsAt === null || access.now < m.endsAt));
  const orgIds = [...new Set(current.map((m) => m.organisationId))];
  const unitIds = [...new Set(current.map((m) => m.unitId).filter((u): u is string => u !== null))];
  const [orgs, domains] = await Promise.all([
    orgIds.length ? db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', orgIds).execute() : [],
    unitIds.length
      ? db
          .selectFrom('unit_secrecy_domain as u')
          .innerJoin('secrecy_domain as d', 'd.id', 'u.secrecy_domain_id')
          .select(['u.unit_id', 'd.kind'])
          .where('u.unit_id', 'in', unitIds)
          .where('u.valid_from', '<=', access.now)
          .where((w) => w.or([w('u.valid_to', 'is', null), w('u.valid_to', '>', access.now)]))
          .execute()
      : [],
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const kind = new Map(domains.map((d) => [d.unit_id, d.kind]));
  return current.map((m) => {
    const domainKind = m.unitId ? (kind.get(m.unitId) ?? null) : null;
    // The obliged principals are summoned; everyone else is invited.
    const suggestedKind: InvitationKind = domainKind === 'social_services' || domainKind === 'health_care' ? 'summons' : 'invitation';
    return { userId: m.userId, organisationName: orgName.get(m.organisationId) ?? null, suggestedKind };
  });
}

/** The plan's next meeting: the first not yet held that has not begun. */
export function nextMeeting(meetings: readonly MeetingRow[], now: Date): MeetingRow | null {
  return meetings.find((m) => m.held_at === null && new Date(m.starts_at) >= now) ?? null;
}

export async function meetingList(db: Db, request: FastifyRequest, access: ChildAccess, plan: PlanAt): Promise<PlanMeetingList> {
  // The family (also of a plan being prepared) sees the time, the place, the link and its own invitation.
  const family = !planFieldsFor(plan.decision.standing).includes('meeting_records');
  const meetings = await meetingsOf(db, plan.row.id);
  const invitees = await inviteesOf(db, meetings.map((m) => m.id));
  const places = family ? [] : await teamPlaces(db, access);
  const orgOf = new Map(places.map((p) => [p.userId, p.organisationName ?? '']));
  const view = (m: MeetingRow): PlanMeetingView => ({
    id: m.id,
    planId: m.plan_id,
    startsAt: iso(m.starts_at),
    place: m.place,
    digitalLink: m.digital_link,
    heldAt: m.held_at ? iso(m.held_at) : null,
    notes: family ? '' : m.notes,
    decisions: family ? '' : m.decisions,
    invitees: invitees.filter((i) => i.meeting_id === m.id && (!family || i.invitee_user_id === access.actor.userId)).map((i) => inviteeView(i, orgOf)),
  });
  const next = nextMeeting(meetings, access.now);
  const actions: PlanMeetingList['actions'] = [];
  if (mayWrite(plan)) actions.push('write');
  if (mayWrite(plan) && isLead(plan, access.actor.userId)) actions.push('invite');
  let inviteOptions: PlanMeetingList['inviteOptions'] = [];
  if (actions.includes('invite')) {
    const fam = await familyUsersOf(db, access.childId);
    const names = await userNames(db, places.map((p) => p.userId));
    const team = [...new Map(places.map((p) => [p.userId, { ...p, name: names.get(p.userId) ?? '' }])).values()];
    const familyOptions = [...fam.guardians, ...(fam.child ? [fam.child] : [])].map((u) => ({ userId: u.id, name: u.display_name, organisationName: null, suggestedKind: 'family' as const }));
    inviteOptions = [...team.sort((a, b) => a.name.localeCompare(b.name, 'sv')), ...familyOptions];
  }
  return {
    meetings: meetings.map(view),
    nextMeetingId: next?.id ?? null,
    actions,
    inviteOptions,
    own: invitees.filter((i) => i.invitee_user_id === access.actor.userId).map((i) => i.id),
  };
}

export function writerPlace(access: ChildAccess): { organisationId: string; secrecyDomainId: string } {
  const member = access.membership;
  const domainId = member ? partyOf(member, access.now).domainId : null;
  if (!member || !domainId) throw new AppError('access_denied', { details: { reason: 'no_secrecy_domain' } });
  return { organisationId: member.organisationId, secrecyDomainId: domainId };
}

export async function createMeeting(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string, input: PlanMeetingInput): Promise<PlanMeetingList> {
  const plan = await readablePlan(trx, request, access, planId);
  if (!mayWrite(plan)) throw refuseWrite(plan);
  const place = writerPlace(access);
  const meetingId = await insertMeeting(trx, { planId, childId: access.childId, startsAt: input.startsAt, place: input.place, digitalLink: input.digitalLink, ...place, userId: access.actor.userId, at: access.now });
  const list = await meetingList(trx, request, access, plan);
  await access.logWrite(trx, { planId, meetingId, secrecyDomainId: place.secrecyDomainId });
  return list;
}

async function meetingOf(db: Db, planId: string, meetingId: string): Promise<MeetingRow> {
  const meeting = (await meetingsOf(db, planId, meetingId))[0];
  if (!meeting) throw new AppError('not_found');
  return meeting;
}

/** Notes, decisions, attendance and whether it was held; the log names what changed, never the text. */
export async function updateMeeting(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string, meetingId: string, input: PlanMeetingUpdateInput): Promise<PlanMeetingList> {
  const plan = await readablePlan(trx, request, access, planId);
  if (!mayWrite(plan)) throw refuseWrite(plan);
  const meeting = await meetingOf(trx, planId, meetingId);
  const changed = Object.keys(input).filter((k) => input[k as keyof PlanMeetingUpdateInput] !== undefined);
  if (changed.length === 0) throw new AppError('meeting_state', { details: { reason: 'no_change' } });
  const { attendance, held } = input;
  const heldAt = held === undefined ? undefined : held ? (meeting.held_at ?? access.now) : null;
  await trx
    .updateTable('plan_meeting')
    .set({ starts_at: input.startsAt, place: input.place, digital_link: input.digitalLink, notes: input.notes, decisions: input.decisions, held_at: heldAt, updated_by: access.actor.userId, updated_at: access.now })
    .where('id', '=', meetingId)
    .execute();
  if (attendance) {
    const ids = new Set((await inviteesOf(trx, [meetingId])).map((i) => i.id));
    for (const [n, a] of attendance.entries()) {
      if (!ids.has(a.invitationId)) throw invalid(`body.attendance.${n}.invitationId`, 'not_invited');
      await trx.updateTable('meeting_invitation').set({ attendance: a.attendance }).where('id', '=', a.invitationId).execute();
    }
  }
  const list = await meetingList(trx, request, access, plan);
  await access.logWrite(trx, { planId, meetingId, changed });
  return list;
}

/** Where the notice goes after the commit: an address only, the mail says nothing of the child. */
export interface SentInvitation { list: PlanMeetingList; invitationId: string; kind: InvitationKind; mailTo: string | null }

/**
 * The planning lead summons an obliged principal (a team member of social services or health
 * care), invites someone else (a user of Samsyn, or a name and e-mail outside it), or invites the
 * family (a guardian or the child). It is delivered to the invitee's tasks when written.
 */
export async function sendInvitation(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string, meetingId: string, input: InvitationInput): Promise<SentInvitation> {
  const plan = await readablePlan(trx, request, access, planId);
  if (!mayWrite(plan)) throw refuseWrite(plan);
  if (!isLead(plan, access.actor.userId)) throw new AppError('access_denied', { details: { reason: 'not_planning_lead' } });
  const meeting = await meetingOf(trx, planId, meetingId);
  if (meeting.held_at) throw new AppError('meeting_state', { details: { reason: 'meeting_held' } });
  let userId: string | null = null;
  let mailTo: string | null = null;
  if ('userId' in input) {
    userId = input.userId;
    await assertInvitable(trx, access, input.kind, userId);
    const existing = await inviteesOf(trx, [meetingId]);
    if (existing.some((i) => i.invitee_user_id === userId)) throw new AppError('meeting_state', { details: { reason: 'already_invited' } });
    mailTo = (await trx.selectFrom('app_user').select('email').where('id', '=', userId).executeTakeFirst())?.email ?? null;
  } else {
    mailTo = input.externalEmail;
  }
  const invitationId = await insertInvitation(trx, { meetingId, planId, childId: access.childId, kind: input.kind, userId, externalName: 'externalName' in input ? input.externalName : '', externalEmail: 'externalEmail' in input ? input.externalEmail : '', by: access.actor.userId, at: access.now });
  const list = await meetingList(trx, request, access, plan);
  // Who was invited is an id, never a name or an address.
  await access.logWrite(trx, { planId, meetingId, invitationId, kind: input.kind, inviteeUserId: userId, external: userId === null });
  return { list, invitationId, kind: input.kind, mailTo };
}

/** A summons goes to an obliged principal on the team; the family's invitation to the family; an invitation to anyone else. */
async function assertInvitable(db: Db, access: ChildAccess, kind: InvitationKind, userId: string): Promise<void> {
  const fam = await familyUsersOf(db, access.childId);
  const familyIds = new Set([...fam.guardians.map((g) => g.id), ...(fam.child ? [fam.child.id] : [])]);
  if (kind === 'family') {
    if (!familyIds.has(userId)) throw invalid('body.userId', 'not_family');
    return;
  }
  if (familyIds.has(userId)) throw invalid('body.kind', 'family_gets_family_invitation');
  if (kind === 'summons') {
    const place = (await teamPlaces(db, access)).find((p) => p.userId === userId);
    if (!place || place.suggestedKind !== 'summons') throw invalid('body.userId', 'not_an_obliged_principal');
    return;
  }
  const user = await db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw invalid('body.userId', 'no_such_user');
}
