import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { InvitationReplyInput, InvitationView, OpenInvitation } from '@samsyn/core';
import { decideEach } from '../access/gate.ts';
import { canonicalId, rowIdsByChild } from '../access/ids.ts';
import { logRefusal } from '../access/refusals.ts';
import { requireActor } from '../http/types.ts';
import type { DB } from '../db/schema.ts';
import type { InvitationKind } from '../db/schema-plan-meetings.ts';
import { AppError } from '../http/errors.ts';
import { invitationOf, markRead, type InvitationRow } from './meetings-queries.ts';
import type { AuditAction } from '@samsyn/core';

type Db = Kysely<DB> | Transaction<DB>;
const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Summonses and invitations as their invitee meets them: the open ones in their tasks, one
 * opened (the receipt's `read_at`), and the reply (coming or not, with a comment).
 */

/**
 * The caller's open summonses and invitations, soonest meeting first: not yet answered, for a
 * meeting not yet held nor passed, of a plan not closed, with their own kind (`family` too). Before
 * the gate: the route (`gatedOpenInvitations`) and the inbox ask it for each child.
 */
export async function openRowsFor(db: Db, userId: string, now: Date) {
  return openRowsForAll(db, [userId], now);
}

/** `openRowsFor` of many users in one statement (the inbox's sweep); each row names its invitee. */
export async function openRowsForAll(db: Db, userIds: readonly string[], now: Date) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('meeting_invitation as i')
    .innerJoin('plan_meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('plan as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'i.child_id', 'i.plan_id', 'i.meeting_id', 'i.kind', 'i.sent_at', 'i.read_at', 'm.starts_at', 'i.invitee_user_id'])
    .where('i.invitee_user_id', 'in', [...userIds])
    .where('i.reply', 'is', null)
    .where('m.held_at', 'is', null)
    .where('m.starts_at', '>=', now)
    .where('p.closed_at', 'is', null)
    .orderBy('m.starts_at')
    .orderBy('i.id')
    .execute();
}
type OpenRow = Awaited<ReturnType<typeof openRowsFor>>[number];

/** Ids and times only: the inbox shows what waits, the invitation itself is opened through the gate. The family's own invitation counts as an invitation. */
export const toOpen = (r: OpenRow): OpenInvitation => ({ id: r.id, childId: r.child_id, planId: r.plan_id, meetingId: r.meeting_id, kind: r.kind === 'summons' ? 'summons' : 'invitation', sentAt: iso(r.sent_at), readAt: r.read_at ? iso(r.read_at) : null, meetingAt: iso(r.starts_at) });

/**
 * Being summoned or invited by the planning lead is a professional's own reason to see that the
 * invitation waits, though they are not (yet) on the child's team: ids and times only, as a
 * pending handover is its receiver's. The family's own invitation stands on the gate alone.
 */
export const inviteeBasis = 'meeting_invitee';
export const invitedProfessionally = (kind: InvitationKind, actorKind: 'professional' | 'citizen') => actorKind === 'professional' && kind !== 'family';

/**
 * `GET /api/me/meeting-invitations`: the open ones, asked of the gate as a list (one
 * `child.meeting_invitation.list` entry naming each child with its answer). A child the gate
 * refuses, where the invitee has no basis of their own, leaves no row, but the look is logged.
 */
export async function gatedOpenInvitations(request: FastifyRequest): Promise<OpenInvitation[]> {
  const { db, clock } = request.server.services;
  const actor = requireActor(request.actor);
  const rows = await openRowsFor(db, actor.userId, clock.now());
  const idsOf = rowIdsByChild(rows);
  const invited = new Set(rows.filter((r) => invitedProfessionally(r.kind, actor.kind)).map((r) => canonicalId(r.child_id)));
  const answers = await decideEach(request, rows.map((r) => r.child_id), 'read', 'record', {
    auditAction: 'child.meeting_invitation.list',
    detailsFor: (childId) => ({ invitationIds: idsOf(childId) }),
    areaBasis: (childId) => (invited.has(childId) ? inviteeBasis : null),
  });
  return rows
    .filter((r) => {
      const answer = answers.get(canonicalId(r.child_id));
      return answer?.allow === true || (answer?.byArea === inviteeBasis && invitedProfessionally(r.kind, actor.kind));
    })
    .map(toOpen);
}

export function toInvitationView(r: InvitationRow): InvitationView {
  return {
    id: r.id,
    childId: r.child_id,
    planId: r.plan_id,
    meetingId: r.meeting_id,
    kind: r.kind,
    planKind: r.plan_kind,
    startsAt: iso(r.starts_at),
    place: r.place,
    digitalLink: r.digital_link,
    sentByName: r.sent_by_name,
    sentAt: iso(r.sent_at),
    readAt: r.read_at ? iso(r.read_at) : null,
    reply: r.reply,
    replyComment: r.reply_comment,
    repliedAt: r.replied_at ? iso(r.replied_at) : null,
  };
}

/**
 * The invitation addressed to the caller, or a logged 404 before the gate is asked: another's
 * invitation is not there for them. Whether they may read it at all is then the gate's answer.
 */
export async function ownInvitation(request: FastifyRequest, childId: string, invitationId: string, auditAction: AuditAction): Promise<InvitationRow & { kind: InvitationKind }> {
  const { db } = request.server.services;
  const row = await invitationOf(db, childId, invitationId);
  if (!row || row.invitee_user_id !== request.actor?.userId) {
    const error = new AppError('not_found');
    await logRefusal(request, childId, auditAction, error, { invitationId });
    throw error;
  }
  return row;
}

/** Opened: the receipt's first read, then the invitation as it stands. */
export async function openInvitation(db: Db, childId: string, invitationId: string, now: Date): Promise<InvitationView> {
  await markRead(db, invitationId, now);
  const row = await invitationOf(db, childId, invitationId);
  if (!row) throw new AppError('not_found');
  return toInvitationView(row);
}

/** The reply, inside the gate's transaction; the comment is the invitation's, never the log's. */
export async function replyToInvitation(trx: Transaction<DB>, childId: string, invitationId: string, userId: string, now: Date, input: InvitationReplyInput): Promise<InvitationView> {
  const row = await invitationOf(trx, childId, invitationId);
  if (!row || row.invitee_user_id !== userId) throw new AppError('not_found');
  if (row.held_at || row.closed_at) throw new AppError('meeting_state', { details: { reason: row.closed_at ? 'plan_closed' : 'meeting_held' } });
  await trx.updateTable('meeting_invitation').set({ reply: input.reply, reply_comment: input.comment, replied_at: now }).where('id', '=', invitationId).execute();
  await markRead(trx, invitationId, now);
  const after = await invitationOf(trx, childId, invitationId);
  if (!after) throw new AppError('not_found');
  return toInvitationView(after);
}
