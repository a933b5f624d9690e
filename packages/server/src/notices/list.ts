import type { FastifyRequest } from 'fastify';
import type { NoticeList, NoticeView } from '@samsyn/core';
import { decideEach } from '../access/gate.ts';
import { canonicalId } from '../access/ids.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { markNoticesRead, noticesOf, unreadNoticeCount, type NoticeRow } from './queries.ts';

/**
 * The caller's notices. A notice names its child but holds none of the child's data; its name
 * shows only where the gate lets the recipient list the child now (purpose `list`, one entry
 * per child named), so a notice never outlives its reader's basis: otherwise it speaks of "a
 * child". A protected identity never shows its name in a list.
 */
export async function callersNotices(request: FastifyRequest, unreadOnly: boolean): Promise<NoticeList> {
  const { db } = request.server.services;
  const userId = requireActor(request.actor).userId;
  const [rows, unread] = await Promise.all([noticesOf(db, userId, { unreadOnly }), unreadNoticeCount(db, userId)]);
  const withChild = rows.filter((r) => r.child_id !== null);
  const answers = await decideEach(request, withChild.map((r) => r.child_id!), 'read', 'record', {
    auditAction: 'child.notice.list',
    detailsFor: (childId) => ({ noticeIds: withChild.filter((r) => canonicalId(r.child_id!) === childId).map((r) => r.id) }),
  });
  return { notices: rows.map((r) => toNoticeView(r, r.child_id !== null && answers.get(canonicalId(r.child_id))?.allow === true)), unread };
}

function toNoticeView(r: NoticeRow, nameAllowed: boolean): NoticeView {
  const named = nameAllowed && r.protected_identity === null && r.given_name !== null && r.family_name !== null;
  return {
    id: r.id,
    kind: r.kind,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    child: r.child_id ? { id: r.child_id, name: named ? { givenName: r.given_name!, familyName: r.family_name! } : null } : null,
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
    subjectId: r.subject_id,
    details: r.details as NoticeView['details'],
  };
}

/** Marks one of the caller's notices read; someone else's is not found. Answers the unread count left. */
export async function markRead(request: FastifyRequest, id: string | null): Promise<{ unread: number }> {
  const { db, clock } = request.server.services;
  const userId = requireActor(request.actor).userId;
  const { found } = await markNoticesRead(db, userId, id, clock.now());
  if (!found) throw new AppError('not_found');
  return { unread: await unreadNoticeCount(db, userId) };
}
