import type { FastifyRequest } from 'fastify';
import { lifeStageByAge, pickLanguage, stockholmDate, type EmergencyAccessView, type NavCounts, type TeamChild, type WaitingItem } from '@samsyn/core';
import { attentionItems } from './attention.ts';
import { decideEach, type ListAnswer } from '../access/gate.ts';
import { canonicalId, rowIdsByChild } from '../access/ids.ts';
import { requireActor } from '../http/types.ts';
import { emergencyAccessesToReview, toEmergencyAccessView } from '../emergency/queries.ts';
import { unreadNoticeCount } from '../notices/queries.ts';
import { inboxUnreadCount } from '../inbox/service.ts';
import { readerFactsAt } from '../access/facts-cache.ts';
import { handoversToAnswerCount, teamChildrenOf, type TeamChildRow } from './queries.ts';

/**
 * "Mina barn": the children whose team the caller is on. One statement loads the list and each
 * child's facts version; the gate's facts come from those kept for that version
 * (access/facts-cache.ts), one `decideEach`
 * asks the gate for every child with purpose `list` (one entry for the page that names each
 * child with its answer, allowed or refused). A row shows the child's name and life stage only where the gate allows reading the
 * record, and a protected identity never shows its name in a list; the caller's own place on the
 * team (role, since, organisation) and what waits for them always show.
 */
export async function myChildren(request: FastifyRequest): Promise<TeamChild[]> {
  const { db, clock, gateFacts } = request.server.services;
  const actor = requireActor(request.actor);
  const userId = actor.userId;
  const now = clock.now();
  const rows = await teamChildrenOf(db, userId, now);
  const versions = new Map(rows.map((r) => [canonicalId(r.child_id), r.gate_version] as const));
  const facts = await readerFactsAt(db, gateFacts, actor, versions);
  const answers = await decideEach(request, rows.map((r) => r.child_id), 'read', 'record', {
    auditAction: 'child.my_children.list',
    // Each child's rows are the reader's own places on its team at the list's instant: the entry
    // says that once (its actor, this instant), instead of 200 lists of one member id that repeat
    // the list's statement (half the entry's bytes). care_team_member keeps them: a place that ends is ended, not deleted.
    listDetails: { readerPlacesAt: now.toISOString() },
    // The list uses the answers' decisions only: the reader's own places decide them, and the
    // facts kept for each child's version hold them.
    places: 'reader',
    facts,
  });
  return toTeamChildren(rows, userId, now, (childId) => answers.get(canonicalId(childId)));
}

/** The rows as views, given each child's answer (the bench's ceiling passes an allowing one). */
export function toTeamChildren(rows: readonly TeamChildRow[], userId: string, now: Date, answerOf: (childId: string) => ListAnswer | undefined): TeamChild[] {
  const today = stockholmDate(now);
  return rows.map((r) => {
    const answer = answerOf(r.child_id);
    const allowed = answer?.allow === true;
    return {
      id: r.id,
      childId: r.child_id,
      name: allowed && r.protected_identity === null ? { givenName: r.given_name, familyName: r.family_name } : null,
      protectedIdentity: r.protected_identity !== null,
      refusal: answer && !answer.allow ? answer.reason : null,
      role: r.role,
      since: new Date(r.starts_at).toISOString(),
      organisation: { id: r.organisation_id, name: r.organisation_name },
      lifeStage: allowed ? lifeStageByAge(r.birth_date, today) : null,
      waiting: [...waitingOf(r, userId), ...attentionItems(r, answer, now)],
    };
  });
}

function waitingOf(r: TeamChildRow, userId: string): WaitingItem[] {
  const items: WaitingItem[] = r.handovers.map((h) => ({
    kind: h.to_user_id === userId ? ('handover_to_answer' as const) : ('handover_awaiting_receiver' as const),
    handoverId: h.id,
    since: new Date(h.proposed_at).toISOString(),
  }));
  const unread = Number(r.unread_notices ?? 0);
  if (unread > 0) items.push({ kind: 'unread_notices', count: unread });
  return items;
}

/**
 * The emergency accesses waiting for the caller's review, for the start page. Each row names a
 * child and shows the opener's reason, so the gate is asked per child (`review_log`, purpose
 * list), as in the review queue, and a row the caller may not review is left out.
 */
export async function emergencyReviewsWaiting(request: FastifyRequest): Promise<EmergencyAccessView[]> {
  const { db, clock } = request.server.services;
  const rows = await emergencyAccessesToReview(db, requireActor(request.actor).userId);
  const idsOf = rowIdsByChild(rows);
  const answers = await decideEach(request, rows.map((r) => r.child_id), 'review_log', 'access_log', {
    auditAction: 'child.emergency_access.review_queue.read',
    detailsFor: (childId) => ({ status: 'pending', emergencyAccessIds: idsOf(childId) }),
  });
  const language = pickLanguage(request.headers['accept-language']);
  const now = clock.now();
  return rows.filter((r) => answers.get(canonicalId(r.child_id))?.allow === true).map((r) => toEmergencyAccessView(r, language, now));
}

/** The navigation's counts: numbers only, no child named, so no look at a child's data. */
export async function navCounts(request: FastifyRequest): Promise<NavCounts> {
  const { db, clock } = request.server.services;
  const actor = requireActor(request.actor);
  const userId = actor.userId;
  const [handoversToAnswer, reviews, unreadNotices, inboxUnread] = await Promise.all([handoversToAnswerCount(db, userId), emergencyAccessesToReview(db, userId), unreadNoticeCount(db, userId), inboxUnreadCount(db, { userId, kind: actor.kind }, clock.now())]);
  return { handoversToAnswer, emergencyAccessesToReview: reviews.length, unreadNotices, inboxUnread };
}
