import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeList } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, createChild, demoFamily, userIdOf, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  for (const u of ['teacher', 'nurse', 'outsider', 'socialworker']) ids[u] = await userIdOf(t.database.db, u);
  // The demo's own notices (its handovers and emergency access pick their children at random) are
  // not what these tests are about: this file's copy of the database starts from none.
  await t.database.db.deleteFrom('notice').execute();
});
afterAll(() => t.close());

async function notify(recipient: string, childId: string | null, kind: 'team_member_added' | 'handover_accepted' | 'consent_withdrawn' = 'team_member_added', minutesAgo = 1) {
  const row = await t.database.db
    .insertInto('notice')
    .values({ recipient_id: ids[recipient]!, kind, child_id: childId, actor_id: ids.socialworker!, details: JSON.stringify({ role: 'member' }), created_at: new Date(t.app.services.clock.now().getTime() - minutesAgo * 60_000) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function list(username: string, query = '') {
  const res = await (await t.loginAs(username)).get(`/api/notices${query}`);
  expect(res.statusCode).toBe(200);
  return { body: res.json() as NoticeList, entries: await auditOf(t.database.db, res) };
}

describe('notices', () => {
  it('says so when there are none', async () => {
    expect((await list('nurse')).body).toEqual({ notices: [], unread: 0 });
  });

  it('shows the recipient their own notices, newest first, with the child named where the gate allows, logged per child', async () => {
    // The demo already has the teacher's notice of a handover proposed to her.
    const before = (await list('teacher')).body;
    const older = await notify('teacher', family.childId, 'consent_withdrawn', 10);
    const newer = await notify('teacher', family.childId, 'team_member_added', 5);
    const { body, entries: all } = await list('teacher');
    expect(body.unread).toBe(before.unread + 2);
    expect(body.notices.map((n) => n.id).slice(0, 2)).toEqual([newer, older]);
    const entries = all.filter((e) => e.subject_id === family.childId);
    expect(body.notices[0]).toMatchObject({ kind: 'team_member_added', readAt: null, child: { id: family.childId, name: { givenName: 'Ebba', familyName: 'Vårdnadshavare' } }, actor: { id: ids.socialworker, displayName: 'Sixten Socialsekreterare' }, details: { role: 'member' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.notice.list', outcome: 'success', subject_id: family.childId });
    expect(entries[0]!.details).toMatchObject({ noticeIds: expect.arrayContaining([newer, older]) });
    // Nobody else sees them.
    expect((await list('nurse')).body.notices).toEqual([]);
  });

  it('speaks of "a child" where the gate refuses the recipient, and logs the refusal', async () => {
    const id = await notify('outsider', family.childId, 'handover_accepted');
    const { body, entries } = await list('outsider');
    expect(body.notices.find((n) => n.id === id)).toMatchObject({ child: { id: family.childId, name: null } });
    expect(JSON.stringify(body)).not.toContain('Ebba');
    expect(entries).toEqual([expect.objectContaining({ action: 'child.notice.list', outcome: 'denied', subject_id: family.childId })]);
  });

  it('never names a protected identity', async () => {
    const childId = await createChild(t.database.db, { team: [{ username: 'nurse' }], protectedIdentity: 'sekretessmarkering', givenName: 'Skyddad' });
    await notify('nurse', childId);
    const { body, entries } = await list('nurse');
    expect(body.notices[0]).toMatchObject({ child: { id: childId, name: null } });
    expect(JSON.stringify(body)).not.toContain('Skyddad');
    expect(entries).toEqual([expect.objectContaining({ outcome: 'success', subject_id: childId })]);
  });

  it('marks one read, only the recipient’s own, then all; the unread filter follows', async () => {
    const a = await notify('socialworker', null);
    const b = await notify('socialworker', null);
    const mine = await t.loginAs('socialworker');
    expect((await list('socialworker', '?unread=true')).body.notices.map((n) => n.id).sort()).toEqual([a, b].sort());
    // A notice without a child looks at no child.
    expect((await list('socialworker')).entries.filter((e) => e.subject_type === 'child')).toEqual([]);

    const other = await t.loginAs('teacher');
    expect((await other.post(`/api/notices/${a}/read`, {})).statusCode).toBe(404);
    const res = await mine.post(`/api/notices/${a}/read`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unread: 1 });
    const after = (await list('socialworker')).body;
    expect(after.notices.find((n) => n.id === a)!.readAt).toEqual(expect.any(String));
    expect((await list('socialworker', '?unread=true')).body.notices.map((n) => n.id)).toEqual([b]);
    expect((await mine.post('/api/notices/00000000-0000-4000-8000-000000000000/read', {})).statusCode).toBe(404);

    expect((await mine.post('/api/notices/read', {})).json()).toEqual({ unread: 0 });
    expect((await list('socialworker')).body.unread).toBe(0);
    // The teacher's own notices are untouched by the social worker's "mark all".
    expect((await list('teacher')).body.unread).toBeGreaterThan(0);
  });

  it('refuses a malformed id and an unknown filter with 400', async () => {
    const mine = await t.loginAs('teacher');
    expect((await mine.post('/api/notices/not-an-id/read', {})).statusCode).toBe(400);
    expect((await mine.get('/api/notices?unread=maybe')).statusCode).toBe(400);
  });

  it('needs a session', async () => {
    expect((await t.client().get('/api/notices')).statusCode).toBe(401);
  });
});
