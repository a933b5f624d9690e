import { z } from 'zod';
import {
  DocumentInput, JoinAnswerInput, JoinRequestInput, WorkspaceMeetingInput, MemberInput, MemberUpdate, PostInput, VersionInput,
  WorkspaceDocumentParams, WorkspaceInput, WorkspaceList, WorkspaceMeetingParams, WorkspaceMemberParams, WorkspaceParams, WorkspaceRequestParams, WorkspaceUpdate, WorkspaceVersionParams, WorkspaceView,
} from '@samsyn/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { versionContent } from './queries.ts';
import { addDocument, addMember, addPost, addVersion, answerJoin, audit, changeMember, createWorkspace, markNoticesRead, requestJoin, roleIn, saveMeeting, updateWorkspace } from './service.ts';
import { listWorkspaces, workspaceView } from './view.ts';

/**
 * Workspaces (Verksamhet). No child's data, so the child gate is not asked: membership decides.
 * Members read and change a workspace's thread, documents and meetings; owners manage members and
 * answer join requests; anyone else gets 403 `forbidden`. Every change is one transaction with its
 * audit entry. Changes answer the whole workspace as it now stands.
 */

const tags = ['workspaces'];
const Empty = z.object({}).strict().optional();
const Binary = z.any().describe('a file');
const DocumentWithVersion = DocumentInput.extend({ version: VersionInput });

export async function workspaceRoutes(app: App): Promise<void> {
  const db = app.services.db;
  const view = (request: FastifyRequest, id: string) => workspaceView(db, request, id);
  const r = (s: number[]) => ({ 200: WorkspaceView, ...errorResponses(...s) });
  const created = (s: number[]) => ({ 201: WorkspaceView, ...errorResponses(...s) });

  app.get('/api/workspaces', {
    schema: { tags, summary: 'The workspaces you belong to with unread notices, and the open ones you may ask to join', response: { 200: WorkspaceList, ...errorResponses(401, 403) } },
    handler: async (request) => ({ workspaces: await listWorkspaces(db, request) }),
  });

  app.post('/api/workspaces', {
    schema: { tags, summary: 'Create a workspace; you become its owner. It may belong to a forum, working group, learning network or project', body: WorkspaceInput, response: created([400, 401, 403]) },
    handler: async (request, reply) => reply.status(201).send(await view(request, await createWorkspace(db, request, request.body))),
  });

  app.get('/api/workspaces/:id', {
    schema: { tags, summary: 'A workspace you are a member of: notices, documents, thread, meetings, members (403 to others)', params: WorkspaceParams, response: r([401, 403, 404]) },
    handler: async (request) => view(request, request.params.id),
  });

  app.patch('/api/workspaces/:id', {
    schema: { tags, summary: 'Change a workspace’s name, description, openness or what it belongs to (owners)', params: WorkspaceParams, body: WorkspaceUpdate, response: r([400, 401, 403, 404]) },
    handler: async (request) => {
      await updateWorkspace(db, request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  });

  app.post('/api/workspaces/:id/members', {
    schema: { tags, summary: 'Add a professional of any organisation as member or owner (owners)', params: WorkspaceParams, body: MemberInput, response: created([400, 401, 403, 404, 409]) },
    handler: async (request, reply) => {
      await addMember(db, request, request.params.id, request.body.userId, request.body.role);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.patch('/api/workspaces/:id/members/:userId', {
    schema: { tags, summary: 'Change a member’s role (owners); the last owner stays', params: WorkspaceMemberParams, body: MemberUpdate, response: r([400, 401, 403, 404, 409]) },
    handler: async (request) => {
      await changeMember(db, request, request.params.id, request.params.userId, request.body.role);
      return view(request, request.params.id);
    },
  });

  app.post('/api/workspaces/:id/members/:userId/remove', {
    schema: { tags, summary: 'Remove a member (owners); the last owner stays', params: WorkspaceMemberParams, body: Empty, response: r([400, 401, 403, 404, 409]) },
    handler: async (request) => {
      await changeMember(db, request, request.params.id, request.params.userId, null);
      return view(request, request.params.id);
    },
  });

  app.post('/api/workspaces/:id/join-requests', {
    schema: { tags, summary: 'Ask to join an open workspace; its owners answer', params: WorkspaceParams, body: JoinRequestInput, response: { 202: z.object({ requestPending: z.literal(true) }), ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await requestJoin(db, request, request.params.id, request.body.message);
      return reply.status(202).send({ requestPending: true });
    },
  });

  app.post('/api/workspaces/:id/join-requests/:requestId/answer', {
    schema: { tags, summary: 'Accept or decline a request to join (owners)', params: WorkspaceRequestParams, body: JoinAnswerInput, response: r([400, 401, 403, 404, 409]) },
    handler: async (request) => {
      await answerJoin(db, request, request.params.id, request.params.requestId, request.body.accept);
      return view(request, request.params.id);
    },
  });

  app.post('/api/workspaces/:id/notices/read', {
    schema: { tags, summary: 'Mark the workspace’s notices read for you', params: WorkspaceParams, body: Empty, response: r([400, 401, 403, 404]) },
    handler: async (request) => {
      await markNoticesRead(db, request, request.params.id);
      return view(request, request.params.id);
    },
  });

  app.post('/api/workspaces/:id/posts', {
    schema: { tags, summary: 'Post in the workspace’s discussion thread (members)', params: WorkspaceParams, body: PostInput, response: created([400, 401, 403, 404]) },
    handler: async (request, reply) => {
      await addPost(db, request, request.params.id, request.body.body);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.post('/api/workspaces/:id/documents', {
    schema: { tags, summary: 'Add a document with its first version (members; base64, at most 512 KiB, allowed types only)', params: WorkspaceParams, body: DocumentWithVersion, response: created([400, 401, 403, 404, 413, 415]) },
    handler: async (request, reply) => {
      await addDocument(db, request, request.params.id, request.body.title, request.body.version);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.post('/api/workspaces/:id/documents/:documentId/versions', {
    schema: { tags, summary: 'Add a new version of a document; every version is kept (members)', params: WorkspaceDocumentParams, body: VersionInput, response: created([400, 401, 403, 404, 413, 415]) },
    handler: async (request, reply) => {
      await addVersion(db, request, request.params.id, request.params.documentId, request.body);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.get('/api/workspaces/:id/documents/:documentId/versions/:version', {
    schema: { tags, summary: 'Download one version of a document (members; logged)', params: WorkspaceVersionParams, produces: ['application/octet-stream'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      const { id, documentId, version } = request.params;
      await roleIn(db, request, id, 'member');
      const file = await versionContent(db, id, documentId, version);
      if (!file) throw new AppError('not_found');
      await db.transaction().execute((trx) => audit(trx, request, id, 'workspace.document.download', { documentId, version }));
      const name = encodeURIComponent(file.file_name);
      return reply.header('content-type', file.media_type).header('content-disposition', `attachment; filename*=UTF-8''${name}`).header('x-content-type-options', 'nosniff').send(Buffer.from(file.content));
    },
  });

  app.post('/api/workspaces/:id/meetings', {
    schema: { tags, summary: 'Add a meeting to the workspace’s calendar (members)', params: WorkspaceParams, body: WorkspaceMeetingInput, response: created([400, 401, 403, 404]) },
    handler: async (request, reply) => {
      await saveMeeting(db, request, request.params.id, null, request.body);
      return reply.status(201).send(await view(request, request.params.id));
    },
  });

  app.patch('/api/workspaces/:id/meetings/:meetingId', {
    schema: { tags, summary: 'Change a meeting (members)', params: WorkspaceMeetingParams, body: WorkspaceMeetingInput, response: r([400, 401, 403, 404]) },
    handler: async (request) => {
      await saveMeeting(db, request, request.params.id, request.params.meetingId, request.body);
      return view(request, request.params.id);
    },
  });
}
