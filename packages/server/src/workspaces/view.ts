import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { canEditWorkspace, canManageMembers, canRequestJoin, type WorkspaceSummary, type WorkspaceView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { feedbackOf } from '../public-pages/service.ts';
import { documentsOf, meetingsOf, membersOf, membershipOf, noticesOf, pendingRequests, postsOf, workspaceRows, type WorkspaceRow } from './queries.ts';
import { wsActor } from './service.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toSummary(row: WorkspaceRow, actor: ReturnType<typeof wsActor>): WorkspaceSummary {
  const myRole = row.my_role ?? null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    openToJoin: row.open_to_join,
    belongsTo: row.belongs_to_kind ? { kind: row.belongs_to_kind, id: row.belongs_to_id } : null,
    memberCount: Number(row.member_count ?? 0),
    myRole,
    unreadNotices: myRole === null ? 0 : Number(row.unread ?? 0),
    requestPending: Boolean(row.pending),
    canRequestJoin: canRequestJoin(actor, { openToJoin: row.open_to_join }, myRole, Boolean(row.pending)),
    updatedAt: iso(row.updated_at),
  };
}

export async function listWorkspaces(db: Kysely<DB>, request: FastifyRequest): Promise<WorkspaceSummary[]> {
  const actor = wsActor(request);
  return (await workspaceRows(db, actor.userId)).map((r) => toSummary(r, actor));
}

/** A member's whole workspace; a non-member gets 403 (an open one's name is in the list). */
export async function workspaceView(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<WorkspaceView> {
  const actor = wsActor(request);
  const [row] = await workspaceRows(db, actor.userId, { id });
  if (!row) throw new AppError('not_found');
  const summary = toSummary(row, actor);
  if (!canEditWorkspace(actor, summary.myRole)) throw new AppError('forbidden');
  const owner = canManageMembers(actor, summary.myRole);
  const forumId = row.belongs_to_kind === 'forum' ? row.belongs_to_id : null;
  const [members, requests, notices, posts, documents, meetings, me, feedback] = await Promise.all([
    membersOf(db, id), owner ? pendingRequests(db, id) : Promise.resolve([]), noticesOf(db, id), postsOf(db, id), documentsOf(db, id), meetingsOf(db, id), membershipOf(db, id, actor.userId),
    forumId ? feedbackOf(db, { forumId }) : Promise.resolve([]),
  ]);
  const readAt = me?.notices_read_at ? new Date(me.notices_read_at).getTime() : -Infinity;
  const nowMs = request.server.services.clock.now().getTime();
  return {
    ...summary,
    members: members.map((m) => ({ user: { id: m.user_id, name: m.display_name }, organisation: { id: m.org_id, name: m.org_name, kind: m.org_kind, partnerType: m.partner_type }, role: m.role, addedAt: iso(m.added_at) })),
    joinRequests: requests.map((r) => ({ id: r.id, user: { id: r.user_id, name: r.display_name }, organisationName: r.org_name ?? '', message: r.message, state: r.state, requestedAt: iso(r.requested_at) })),
    notices: notices.map((n) => ({ id: n.id, kind: n.kind, title: n.title, actor: n.actor_id ? { id: n.actor_id, name: n.actor_name ?? '' } : null, createdAt: iso(n.created_at), unread: n.actor_id !== actor.userId && new Date(n.created_at).getTime() > readAt })),
    posts: posts.map((p) => ({ id: p.id, author: { id: p.author_id, name: p.display_name }, body: p.body, createdAt: iso(p.created_at) })),
    documents: documents.map((d) => ({ id: d.id, title: d.title, updatedAt: iso(d.updated_at), versions: d.versions.map((v) => ({ version: v.version, fileName: v.file_name, mediaType: v.media_type, sizeBytes: v.size_bytes, sha256: v.sha256, note: v.note, uploadedBy: { id: v.uploaded_by, name: v.display_name }, uploadedAt: iso(v.uploaded_at) })) })),
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: iso(m.starts_at), endsAt: iso(m.ends_at), location: m.location, agenda: m.agenda, past: new Date(m.ends_at).getTime() < nowMs })),
    feedback,
    actions: { edit: true, manageMembers: owner },
  };
}
