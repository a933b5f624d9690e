import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { canEditWorkspace, canManageMembers, canRequestJoin, workspaceDocumentMaxBytes, type AuditAction, type WorkspaceMeetingInput, type VersionInput, type WorkspaceActor, type WorkspaceInput, type WorkspaceMemberRole, type WorkspaceUpdate } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom, deniedEntry } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { homeOrganisation, membershipOf, nextVersion } from './queries.ts';

/**
 * The rules of changing a workspace: members edit, owners manage members, every change is one
 * transaction with its audit entry and, where members should hear of it, a workspace notice.
 */

type Notice = DB['workspace_notice'];

export function wsActor(request: FastifyRequest): WorkspaceActor & { userId: string } {
  const actor = requireActor(request.actor);
  if (actor.kind !== 'professional' || actor.roles.length === 0) throw new AppError('forbidden');
  return { userId: actor.userId, kind: actor.kind, roles: actor.roles };
}

const now = (request: FastifyRequest) => request.server.services.clock.now();

export async function audit(trx: Transaction<DB>, request: FastifyRequest, workspaceId: string, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType: 'workspace', subjectId: workspaceId, outcome: 'success', details }], now(request));
}

async function notice(trx: Transaction<DB>, request: FastifyRequest, workspaceId: string, kind: Notice['kind'], title: string, subjectId: string | null): Promise<void> {
  await trx.insertInto('workspace_notice').values({ workspace_id: workspaceId, kind, title, subject_id: subjectId, actor_id: request.actor?.userId ?? null, created_at: now(request) }).execute();
}

async function touch(trx: Transaction<DB>, request: FastifyRequest, id: string): Promise<void> {
  await trx.updateTable('workspace').set({ updated_at: now(request) }).where('id', '=', id).execute();
}

async function exists(db: Kysely<DB> | Transaction<DB>, id: string): Promise<void> {
  if (!(await db.selectFrom('workspace').select('id').where('id', '=', id).executeTakeFirst())) throw new AppError('not_found');
}

/** The caller's role in the workspace; 404 when there is none, 403 for a non-member unless `allowOutsider`. */
export async function roleIn(db: Kysely<DB> | Transaction<DB>, request: FastifyRequest, id: string, need: 'member' | 'owner', change?: AuditAction): Promise<WorkspaceMemberRole> {
  const actor = wsActor(request);
  await exists(db, id);
  const role = (await membershipOf(db, id, actor.userId))?.role ?? null;
  const ok = need === 'owner' ? canManageMembers(actor, role) : canEditWorkspace(actor, role);
  if (!ok || role === null) throw new AppError('forbidden', change ? { refusal: deniedEntry(request, change, { type: 'workspace', id }, role === null ? 'not_a_member' : 'not_an_owner') } : {});
  return role;
}

/** Runs a member's change in one transaction, the workspace row locked first; a refusal is logged under `action`. */
export async function asMember<T>(db: Kysely<DB>, request: FastifyRequest, id: string, need: 'member' | 'owner', action: AuditAction, change: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('workspace').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    await roleIn(trx, request, id, need, action);
    const result = await change(trx);
    await touch(trx, request, id);
    return result;
  });
}

export async function createWorkspace(db: Kysely<DB>, request: FastifyRequest, input: WorkspaceInput): Promise<string> {
  const actor = wsActor(request);
  const at = now(request);
  return db.transaction().execute(async (trx) => {
    const organisationId = await homeOrganisation(trx, actor.userId);
    if (!organisationId) throw new AppError('forbidden');
    const { id } = await trx.insertInto('workspace').values({ name: input.name, description: input.description, open_to_join: input.openToJoin, belongs_to_kind: input.belongsTo?.kind ?? null, belongs_to_id: input.belongsTo?.id ?? null, created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('workspace_member').values({ workspace_id: id, user_id: actor.userId, organisation_id: organisationId, role: 'owner', added_by: actor.userId, added_at: at, notices_read_at: at }).execute();
    await audit(trx, request, id, 'workspace.create', { after: input });
    return id;
  });
}

export async function updateWorkspace(db: Kysely<DB>, request: FastifyRequest, id: string, input: WorkspaceUpdate): Promise<void> {
  await asMember(db, request, id, 'owner', 'workspace.update', async (trx) => {
    const before = await trx.selectFrom('workspace').select(['name', 'description', 'open_to_join', 'belongs_to_kind', 'belongs_to_id']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx.updateTable('workspace').set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.openToJoin === undefined ? {} : { open_to_join: input.openToJoin }),
      ...(input.belongsTo === undefined ? {} : { belongs_to_kind: input.belongsTo?.kind ?? null, belongs_to_id: input.belongsTo?.id ?? null }),
    }).where('id', '=', id).execute();
    await audit(trx, request, id, 'workspace.update', { before, after: input });
  });
}

export async function addMember(db: Kysely<DB>, request: FastifyRequest, id: string, userId: string, role: WorkspaceMemberRole): Promise<void> {
  await asMember(db, request, id, 'owner', 'workspace.member.add', async (trx) => {
    const user = await trx.selectFrom('app_user').select(['display_name', 'kind', 'active']).where('id', '=', userId).executeTakeFirst();
    const organisationId = user?.kind === 'professional' && user.active ? await homeOrganisation(trx, userId) : undefined;
    if (!organisationId) throw new AppError('validation_failed', { details: [{ path: 'body.userId', message: 'unknown_professional' }] });
    if (await membershipOf(trx, id, userId)) throw new AppError('conflict', { details: [{ path: 'body.userId', message: 'already_member' }] });
    await trx.insertInto('workspace_member').values({ workspace_id: id, user_id: userId, organisation_id: organisationId, role, added_by: request.actor!.userId, added_at: now(request) }).execute();
    // A pending request is answered by the addition.
    await trx.updateTable('workspace_join_request').set({ state: 'accepted', answered_by: request.actor!.userId, answered_at: now(request) }).where('workspace_id', '=', id).where('user_id', '=', userId).where('state', '=', 'pending').execute();
    await notice(trx, request, id, 'member_added', user!.display_name, userId);
    await audit(trx, request, id, 'workspace.member.add', { userId, role, organisationId });
  });
}

/** Changes a member's role or removes them; the last owner stays (a workspace always has one). */
export async function changeMember(db: Kysely<DB>, request: FastifyRequest, id: string, userId: string, role: WorkspaceMemberRole | null): Promise<void> {
  await asMember(db, request, id, 'owner', role === null ? 'workspace.member.remove' : 'workspace.member.update', async (trx) => {
    const current = await membershipOf(trx, id, userId);
    if (!current) throw new AppError('not_found');
    const owners = await trx.selectFrom('workspace_member').select('user_id').where('workspace_id', '=', id).where('role', '=', 'owner').execute();
    if (current.role === 'owner' && role !== 'owner' && owners.length === 1) throw new AppError('conflict', { details: [{ path: 'params.userId', message: 'last_owner' }] });
    if (role === null) await trx.deleteFrom('workspace_member').where('workspace_id', '=', id).where('user_id', '=', userId).execute();
    else await trx.updateTable('workspace_member').set({ role }).where('workspace_id', '=', id).where('user_id', '=', userId).execute();
    await audit(trx, request, id, role === null ? 'workspace.member.remove' : 'workspace.member.update', { userId, before: current.role, after: role });
  });
}

export async function requestJoin(db: Kysely<DB>, request: FastifyRequest, id: string, message: string): Promise<void> {
  const actor = wsActor(request);
  await db.transaction().execute(async (trx) => {
    const ws = await trx.selectFrom('workspace').select(['open_to_join', 'name']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!ws) throw new AppError('not_found');
    const role = (await membershipOf(trx, id, actor.userId))?.role ?? null;
    const pending = await trx.selectFrom('workspace_join_request').select('id').where('workspace_id', '=', id).where('user_id', '=', actor.userId).where('state', '=', 'pending').executeTakeFirst();
    if (role !== null || pending) throw new AppError('conflict', { details: [{ path: 'params.id', message: role !== null ? 'already_member' : 'request_pending' }] });
    if (!canRequestJoin(actor, { openToJoin: ws.open_to_join }, role, false)) throw new AppError('forbidden', { refusal: deniedEntry(request, 'workspace.join.request', { type: 'workspace', id }, 'closed_to_join') });
    const { id: requestId } = await trx.insertInto('workspace_join_request').values({ workspace_id: id, user_id: actor.userId, message, state: 'pending', requested_at: now(request) }).returning('id').executeTakeFirstOrThrow();
    await notice(trx, request, id, 'join_requested', requireActor(request.actor).displayName, requestId);
    await audit(trx, request, id, 'workspace.join.request', { requestId });
  });
}

export async function answerJoin(db: Kysely<DB>, request: FastifyRequest, id: string, requestId: string, accept: boolean): Promise<void> {
  await asMember(db, request, id, 'owner', 'workspace.join.answer', async (trx) => {
    const req = await trx.selectFrom('workspace_join_request as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select(['r.user_id', 'r.state', 'u.display_name']).where('r.id', '=', requestId).where('r.workspace_id', '=', id).executeTakeFirst();
    if (!req) throw new AppError('not_found');
    if (req.state !== 'pending') throw new AppError('conflict', { details: [{ path: 'params.requestId', message: 'already_answered' }] });
    const at = now(request);
    await trx.updateTable('workspace_join_request').set({ state: accept ? 'accepted' : 'declined', answered_by: request.actor!.userId, answered_at: at }).where('id', '=', requestId).execute();
    if (accept) {
      const organisationId = await homeOrganisation(trx, req.user_id);
      if (!organisationId) throw new AppError('conflict', { details: [{ path: 'params.requestId', message: 'no_organisation' }] });
      await trx.insertInto('workspace_member').values({ workspace_id: id, user_id: req.user_id, organisation_id: organisationId, role: 'member', added_by: request.actor!.userId, added_at: at }).execute();
    }
    await notice(trx, request, id, 'join_answered', req.display_name, requestId);
    await audit(trx, request, id, 'workspace.join.answer', { requestId, userId: req.user_id, accept });
  });
}

export async function addPost(db: Kysely<DB>, request: FastifyRequest, id: string, body: string): Promise<void> {
  await asMember(db, request, id, 'member', 'workspace.post.create', async (trx) => {
    const { id: postId } = await trx.insertInto('workspace_post').values({ workspace_id: id, author_id: request.actor!.userId, body, created_at: now(request) }).returning('id').executeTakeFirstOrThrow();
    await notice(trx, request, id, 'post', body.slice(0, 80), postId);
    await audit(trx, request, id, 'workspace.post.create', { postId, length: body.length });
  });
}

/** Decodes and checks a version's file: the size limit, and that the bytes look like the declared type. */
export function decodeVersion(input: VersionInput): Buffer {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0 || content.toString('base64').replace(/=+$/, '') !== input.contentBase64.replace(/=+$/, '')) throw new AppError('validation_failed', { details: [{ path: 'body.contentBase64', message: 'invalid_base64' }] });
  if (content.length > workspaceDocumentMaxBytes) throw new AppError('payload_too_large', { details: [{ path: 'body.contentBase64', message: `max_${workspaceDocumentMaxBytes}_bytes` }] });
  if (!looksLike(input.mediaType, content)) throw new AppError('unsupported_media_type', { details: [{ path: 'body.mediaType', message: 'content_does_not_match_type' }] });
  return content;
}

function looksLike(type: string, b: Buffer): boolean {
  const starts = (hex: string) => b.subarray(0, hex.length / 2).toString('hex') === hex;
  if (type === 'application/pdf') return starts('25504446');
  if (type === 'image/png') return starts('89504e47');
  if (type === 'image/jpeg') return starts('ffd8ff');
  if (type.startsWith('text/')) return !b.includes(0);
  return starts('504b0304'); // docx, xlsx and odt are zip files
}

export async function addDocument(db: Kysely<DB>, request: FastifyRequest, id: string, title: string, version: VersionInput): Promise<string> {
  const content = decodeVersion(version);
  return asMember(db, request, id, 'member', 'workspace.document.create', async (trx) => {
    const at = now(request);
    const { id: documentId } = await trx.insertInto('workspace_document').values({ workspace_id: id, title, created_by: request.actor!.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await storeVersion(trx, request, id, documentId, title, version, content, 1);
    await audit(trx, request, id, 'workspace.document.create', { documentId, title });
    return documentId;
  });
}

export async function addVersion(db: Kysely<DB>, request: FastifyRequest, id: string, documentId: string, version: VersionInput): Promise<void> {
  const content = decodeVersion(version);
  await asMember(db, request, id, 'member', 'workspace.document.version.add', async (trx) => {
    const doc = await trx.selectFrom('workspace_document').select('title').where('id', '=', documentId).where('workspace_id', '=', id).forUpdate().executeTakeFirst();
    if (!doc) throw new AppError('not_found');
    await storeVersion(trx, request, id, documentId, doc.title, version, content, await nextVersion(trx, documentId));
    await trx.updateTable('workspace_document').set({ updated_at: now(request) }).where('id', '=', documentId).execute();
  });
}

async function storeVersion(trx: Transaction<DB>, request: FastifyRequest, id: string, documentId: string, title: string, input: VersionInput, content: Buffer, version: number): Promise<void> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  await trx.insertInto('workspace_document_version').values({ document_id: documentId, version, file_name: input.fileName, media_type: input.mediaType, size_bytes: content.length, sha256, content, note: input.note, uploaded_by: request.actor!.userId, uploaded_at: now(request) }).execute();
  await notice(trx, request, id, 'document_version', `${title} (v${version})`, documentId);
  await audit(trx, request, id, 'workspace.document.version.add', { documentId, version, fileName: input.fileName, mediaType: input.mediaType, sizeBytes: content.length, sha256 });
}

export async function saveMeeting(db: Kysely<DB>, request: FastifyRequest, id: string, meetingId: string | null, input: WorkspaceMeetingInput): Promise<void> {
  await asMember(db, request, id, 'member', meetingId === null ? 'workspace.meeting.create' : 'workspace.meeting.update', async (trx) => {
    const at = now(request);
    const values = { title: input.title, starts_at: input.startsAt, ends_at: input.endsAt, location: input.location, agenda: input.agenda, updated_at: at };
    if (meetingId === null) {
      const { id: newId } = await trx.insertInto('workspace_meeting').values({ ...values, workspace_id: id, created_by: request.actor!.userId, created_at: at }).returning('id').executeTakeFirstOrThrow();
      await notice(trx, request, id, 'meeting', input.title, newId);
      await audit(trx, request, id, 'workspace.meeting.create', { meetingId: newId, after: input });
      return;
    }
    const before = await trx.selectFrom('workspace_meeting').select(['title', 'starts_at', 'ends_at', 'location', 'agenda']).where('id', '=', meetingId).where('workspace_id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('not_found');
    await trx.updateTable('workspace_meeting').set(values).where('id', '=', meetingId).execute();
    await audit(trx, request, id, 'workspace.meeting.update', { meetingId, before, after: input });
  });
}

/** Marks the member's notices read up to now: their own state, not the workspace's, so no audit entry. */
export async function markNoticesRead(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<void> {
  await roleIn(db, request, id, 'member');
  await db.updateTable('workspace_member').set({ notices_read_at: now(request) }).where('workspace_id', '=', id).where('user_id', '=', request.actor!.userId).execute();
}
