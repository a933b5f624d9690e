import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceList, WorkspaceView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

let t: TestApp;
let coordinator: TestClient;
let theme: WorkspaceView;
let network: string;

const members = ['coordinator', 'samordnare.norrvik', 'teacher', 'psychologist'];
const nonMembers = ['sysadmin', 'orgadmin', 'manager', 'analyst', 'nurse', 'socialworker', 'outsider', 'counsellor', 'intake', 'manager.norrvik', 'samordnare.sjobacka', 'samordnare.region'];
const citizens = ['guardian', 'child'];
const text = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const version = (s: string, extra: Record<string, unknown> = {}) => ({ fileName: 'anteckning.txt', mediaType: 'text/plain', contentBase64: text(s), ...extra });
const meeting = (title: string) => ({ title, startsAt: '2030-03-01T09:00:00+01:00', endsAt: '2030-03-01T11:00:00+01:00' });

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.loginAs('coordinator');
  const list = (await coordinator.get('/api/workspaces')).json() as WorkspaceList;
  const id = list.workspaces.find((w) => w.name === 'Temagrupp barn och unga')!.id;
  theme = (await coordinator.get(`/api/workspaces/${id}`)).json();
  network = list.workspaces.find((w) => w.openToJoin)!.id;
});
afterAll(() => t.close());

describe('the demo’s workspaces', () => {
  it('has the theme group’s workspace with members of several organisations (a non-profit too), unread notices, a thread, a document in two versions and meetings', () => {
    expect(theme.myRole).toBe('owner');
    expect(theme.members.map((m) => m.organisation.partnerType)).toContain('non_profit');
    expect(new Set(theme.members.map((m) => m.organisation.id)).size).toBeGreaterThanOrEqual(3);
    expect(theme.unreadNotices).toBeGreaterThan(0);
    expect(theme.notices.filter((n) => n.unread)).toHaveLength(theme.unreadNotices);
    expect(theme.posts.length).toBeGreaterThanOrEqual(4);
    expect(theme.documents[0]!.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(theme.meetings.some((m) => m.past) && theme.meetings.some((m) => !m.past)).toBe(true);
    expect(theme.actions).toEqual({ edit: true, manageMembers: true });
  });

  it('lists an open workspace to a non-member, who may ask to join, and hides a closed one', async () => {
    const list = (await (await t.loginAs('outsider')).get('/api/workspaces')).json() as WorkspaceList;
    expect(list.workspaces.map((w) => [w.openToJoin, w.myRole, w.canRequestJoin, w.unreadNotices])).toEqual([[true, null, true, 0]]);
  });
});

describe('who may read and change a workspace', () => {
  it('answers 401 without a session and 403 to citizens', async () => {
    expect((await t.client().get('/api/workspaces')).statusCode).toBe(401);
    for (const username of citizens) {
      const client = await t.loginAs(username);
      expect((await client.get('/api/workspaces')).statusCode, username).toBe(403);
      expect((await client.get(`/api/workspaces/${theme.id}`)).statusCode, username).toBe(403);
    }
  });

  it('lets every member read, post, add a meeting and a document version, and refuses every non-member role with 403', async () => {
    const doc = theme.documents[0]!;
    for (const username of [...members, ...nonMembers]) {
      const client = await t.loginAs(username);
      const member = members.includes(username);
      const answers = [
        await client.get(`/api/workspaces/${theme.id}`),
        await client.post(`/api/workspaces/${theme.id}/posts`, { body: `Inlägg av ${username}` }),
        await client.post(`/api/workspaces/${theme.id}/meetings`, meeting(`Möte av ${username}`)),
        await client.post(`/api/workspaces/${theme.id}/documents/${doc.id}/versions`, version(`Version av ${username}`)),
        await client.get(`/api/workspaces/${theme.id}/documents/${doc.id}/versions/1`),
      ];
      for (const res of answers) {
        expect(res.statusCode, `${username} ${res.body.slice(0, 80)}`).toBe(member ? (res.statusCode === 200 ? 200 : 201) : 403);
        if (!member) expect(res.json().error.code).toBe('forbidden');
      }
    }
    // Each non-member's refused change is logged under the change it tried; their reads are not changes.
    for (const action of ['workspace.post.create', 'workspace.meeting.create', 'workspace.document.version.add']) {
      const denied = await t.database.db.selectFrom('audit_log').select(['actor_username', 'details']).where('subject_id', '=', theme.id).where('action', '=', action).where('outcome', '=', 'denied').orderBy('seq').execute();
      expect(denied.map((e) => [e.actor_username, (e.details as { reason: string }).reason]), action).toEqual(nonMembers.map((u) => [u, 'not_a_member']));
    }
    const after = (await coordinator.get(`/api/workspaces/${theme.id}`)).json() as WorkspaceView;
    expect(after.documents[0]!.versions.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(after.posts.map((p) => p.body)).toEqual(expect.arrayContaining(members.map((m) => `Inlägg av ${m}`)));
  });

  it('lets owners manage members and refuses members who are not owners', async () => {
    const outsiderId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'nurse').executeTakeFirstOrThrow()).id;
    for (const username of ['teacher', 'psychologist', 'outsider']) {
      const res = await (await t.loginAs(username)).post(`/api/workspaces/${theme.id}/members`, { userId: outsiderId });
      expect(res.statusCode, username).toBe(403);
      expect((await (await t.loginAs(username)).patch(`/api/workspaces/${theme.id}`, { openToJoin: true })).statusCode, username).toBe(403);
    }
    const refused = await t.database.db.selectFrom('audit_log').select(['actor_username', 'details']).where('subject_id', '=', theme.id).where('action', '=', 'workspace.member.add').where('outcome', '=', 'denied').orderBy('seq').execute();
    expect(refused.map((e) => [e.actor_username, (e.details as { reason: string }).reason])).toEqual([['teacher', 'not_an_owner'], ['psychologist', 'not_an_owner'], ['outsider', 'not_a_member']]);
    const added = await (await t.loginAs('samordnare.norrvik')).post(`/api/workspaces/${theme.id}/members`, { userId: outsiderId });
    expect(added.statusCode).toBe(201);
    expect((added.json() as WorkspaceView).members.some((m) => m.user.id === outsiderId)).toBe(true);
    expect((await coordinator.post(`/api/workspaces/${theme.id}/members`, { userId: outsiderId })).statusCode).toBe(409);
    expect((await (await t.loginAs('nurse')).get(`/api/workspaces/${theme.id}`)).statusCode).toBe(200);
    const removed = await coordinator.post(`/api/workspaces/${theme.id}/members/${outsiderId}/remove`, {});
    expect(removed.statusCode).toBe(200);
    expect((await (await t.loginAs('nurse')).get(`/api/workspaces/${theme.id}`)).statusCode).toBe(403);
  });
});

describe('asking to join', () => {
  it('lets a non-member ask to join an open workspace once; an owner accepts and they become a member', async () => {
    const outsider = await t.loginAs('outsider');
    expect((await outsider.get(`/api/workspaces/${network}`)).statusCode).toBe(403);
    expect((await outsider.post(`/api/workspaces/${theme.id}/join-requests`, {})).statusCode).toBe(403);
    expect((await outsider.post(`/api/workspaces/${network}/join-requests`, { message: 'Jag arbetar med närvaro.' })).statusCode).toBe(202);
    expect((await outsider.post(`/api/workspaces/${network}/join-requests`, {})).json().error.code).toBe('conflict');
    const listed = ((await outsider.get('/api/workspaces')).json() as WorkspaceList).workspaces.find((w) => w.id === network)!;
    expect([listed.requestPending, listed.canRequestJoin]).toEqual([true, false]);
    // The member who is no owner sees no requests and cannot answer them.
    const asMember = (await coordinator.get(`/api/workspaces/${network}`)).json() as WorkspaceView;
    expect(asMember.joinRequests).toEqual([]);
    const owner = await t.loginAs('samordnare.norrvik');
    const request = ((await owner.get(`/api/workspaces/${network}`)).json() as WorkspaceView).joinRequests[0]!;
    expect(request.message).toBe('Jag arbetar med närvaro.');
    expect((await coordinator.post(`/api/workspaces/${network}/join-requests/${request.id}/answer`, { accept: true })).statusCode).toBe(403);
    const answered = await owner.post(`/api/workspaces/${network}/join-requests/${request.id}/answer`, { accept: true });
    expect(answered.statusCode).toBe(200);
    expect((await owner.post(`/api/workspaces/${network}/join-requests/${request.id}/answer`, { accept: false })).statusCode).toBe(409);
    expect(((await outsider.get(`/api/workspaces/${network}`)).json() as WorkspaceView).myRole).toBe('member');
  });
});

describe('documents', () => {
  it('keeps every version, downloads each as uploaded, and refuses files too large or of the wrong type', async () => {
    const created = await coordinator.post(`/api/workspaces/${theme.id}/documents`, { title: 'Protokoll', version: version('Första') });
    expect(created.statusCode).toBe(201);
    const doc = (created.json() as WorkspaceView).documents.find((d) => d.title === 'Protokoll')!;
    await coordinator.post(`/api/workspaces/${theme.id}/documents/${doc.id}/versions`, version('Andra', { fileName: 'protokoll-v2.txt' }));
    const first = await coordinator.get(`/api/workspaces/${theme.id}/documents/${doc.id}/versions/1`);
    expect([first.statusCode, first.body, first.headers['content-type']]).toEqual([200, 'Första', 'text/plain']);
    expect((await coordinator.get(`/api/workspaces/${theme.id}/documents/${doc.id}/versions/2`)).body).toBe('Andra');
    expect((await coordinator.get(`/api/workspaces/${theme.id}/documents/${doc.id}/versions/3`)).statusCode).toBe(404);
    const big = await coordinator.post(`/api/workspaces/${theme.id}/documents/${doc.id}/versions`, { fileName: 'stor.txt', mediaType: 'text/plain', contentBase64: Buffer.alloc(600 * 1024, 65).toString('base64') });
    expect(big.statusCode).toBe(400);
    const fake = await coordinator.post(`/api/workspaces/${theme.id}/documents/${doc.id}/versions`, version('inte en pdf', { mediaType: 'application/pdf' }));
    expect([fake.statusCode, fake.json().error.code]).toEqual([415, 'unsupported_media_type']);
    const exe = await coordinator.post(`/api/workspaces/${theme.id}/documents/${doc.id}/versions`, version('MZ', { mediaType: 'application/x-msdownload' }));
    expect(exe.statusCode).toBe(400);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'workspace').where('subject_id', '=', theme.id).where('action', 'like', 'workspace.document%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['workspace.document.create', 'workspace.document.version.add', 'workspace.document.download']));
  });
});

describe('notices', () => {
  it('has none in a new workspace, counts what others did as unread, and marks them read', async () => {
    const created = (await coordinator.post('/api/workspaces', { name: 'Ny yta', belongsTo: { kind: 'project' } })).json() as WorkspaceView;
    expect([created.notices, created.unreadNotices, created.belongsTo]).toEqual([[], 0, { kind: 'project', id: null }]);
    const teacherId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow()).id;
    await coordinator.post(`/api/workspaces/${created.id}/members`, { userId: teacherId });
    const teacher = await t.loginAs('teacher');
    await teacher.post(`/api/workspaces/${created.id}/posts`, { body: 'Hej!' });
    const seen = (await coordinator.get(`/api/workspaces/${created.id}`)).json() as WorkspaceView;
    expect(seen.unreadNotices).toBe(1);
    const read = (await coordinator.post(`/api/workspaces/${created.id}/notices/read`, {})).json() as WorkspaceView;
    expect(read.unreadNotices).toBe(0);
    expect(read.notices.every((n) => !n.unread)).toBe(true);
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'actor_username']).where('subject_id', '=', created.id).orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['workspace.create', 'workspace.member.add', 'workspace.post.create']);
  });
});
