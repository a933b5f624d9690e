import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxList, NavCounts } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { demoFamily, type Family } from '../test/fixtures.ts';
import { demoSipId } from '../plans/fixtures.ts';

/** The inbox: a guardian sees the demo SIP's proposed change waiting for her, marks persist, bad input is refused. */
let t: TestApp;
let family: Family;
let sipId: string;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
});
afterAll(() => t.close());

describe('the inbox', () => {
  it('shows the guardian the change waiting for her approval, and logs one look naming the child', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.get('/api/inbox');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as InboxList).items;
    expect(items).toContainEqual(expect.objectContaining({ key: `approval_waiting:${sipId}:4`, kind: 'approval_waiting', childId: family.childId, read: false, done: false }));
    const looks = await t.database.db.selectFrom('audit_log').select(['action', 'subject_type']).where('action', '=', 'child.inbox.list').execute();
    expect(looks.length).toBeGreaterThanOrEqual(1);
    expect(looks.every((l) => l.subject_type === 'child_list')).toBe(true);
  });

  it('does not show the guardian’s approval to the teacher', async () => {
    const teacher = await t.loginAs('teacher');
    const items = ((await teacher.get('/api/inbox')).json() as InboxList).items;
    expect(items.some((i) => i.kind === 'approval_waiting')).toBe(false);
  });

  it('keeps read and done marks, and counts only what is unread', async () => {
    const guardian = await t.loginAs('guardian');
    const key = `approval_waiting:${sipId}:4`;
    const before = ((await guardian.get('/api/start/counts')).json() as NavCounts).inboxUnread;
    expect(before).toBeGreaterThanOrEqual(1);
    expect((await guardian.post('/api/inbox/mark', { keys: [key], state: 'done' })).statusCode).toBe(200);
    const item = ((await guardian.get('/api/inbox')).json() as InboxList).items.find((i) => i.key === key);
    expect(item).toMatchObject({ read: true, done: true });
    expect(((await guardian.get('/api/start/counts')).json() as NavCounts).inboxUnread).toBe(before - 1);
    await guardian.post('/api/inbox/mark', { keys: [key], state: 'not_done' });
    expect(((await guardian.get('/api/inbox')).json() as InboxList).items.find((i) => i.key === key)).toMatchObject({ done: false });
  });

  it('refuses a malformed key or state with a stable code', async () => {
    const guardian = await t.loginAs('guardian');
    const bad = await guardian.post('/api/inbox/mark', { keys: ['not a key'], state: 'done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await guardian.post('/api/inbox/mark', { keys: [], state: 'read' })).statusCode).toBe(400);
    expect((await guardian.post('/api/inbox/mark', { keys: ['early_signal:x:1'], state: 'gone' })).statusCode).toBe(400);
  });
});
