import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxList, NavCounts, PlanMeetingList } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, userIdOf, type Family } from '../test/fixtures.ts';
import { demoSipId } from '../plans/fixtures.ts';

/**
 * Summonses and invitations in the inbox: the demo SIP's lead books a meeting and summons
 * `psychologist`, invites `coordinator` (not on the team) and the family's `guardian`; each finds
 * theirs, counted in the navigation, gone once answered. The demo's own meeting of that SIP, next
 * month, waits beside them for `psychologist`, `teacher` and `guardian` (demo/plan-meetings.ts).
 */
let t: TestApp;
let family: Family;
let sipId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
  const socialworker = await t.loginAs('socialworker');
  const url = `/api/children/${family.childId}/plans/${sipId}/meetings`;
  const startsAt = new Date(t.app.services.clock.now().getTime() + 20 * 86_400_000).toISOString();
  const meeting = ((await socialworker.post(url, { startsAt, place: 'Familjecentralen', digitalLink: '' })).json() as PlanMeetingList).meetings[0]!.id;
  const sent = { psychologist: 'summons', coordinator: 'invitation', guardian: 'family' } as const;
  for (const [username, kind] of Object.entries(sent)) {
    const res = await socialworker.post(`${url}/${meeting}/invitations`, { kind, userId: await userIdOf(t.database.db, username) });
    expect(res.statusCode, res.body).toBe(201);
    ids[username] = (res.json() as PlanMeetingList).meetings[0]!.invitees.at(-1)!.id;
  }
});
afterAll(() => t.close());

const inboxOf = async (username: string) => {
  const client = await t.loginAs(username);
  const res = await client.get('/api/inbox');
  expect(res.statusCode, res.body).toBe(200);
  const all = (res.json() as InboxList).items.filter((i) => i.kind === 'summons' || i.kind === 'invitation');
  // The rows this test sent, and the demo meeting's beside them.
  const ours = (i: InboxList['items'][number]) => Object.values(ids).some((id) => i.key === `${i.kind}:${id}:1`);
  return { client, res, items: all.filter(ours), demo: all.filter((i) => !ours(i)) };
};

describe('summonses and invitations in the inbox', () => {
  it('shows the psychologist her summons with the child, linked to the invitation, and counts it', async () => {
    const { client, res, items, demo } = await inboxOf('psychologist');
    expect(items).toEqual([expect.objectContaining({ key: `summons:${ids.psychologist}:1`, kind: 'summons', childId: family.childId, childName: expect.objectContaining({ givenName: 'Ebba' }), link: `/child/${family.childId}/meeting-invitations/${ids.psychologist}`, read: false, done: false })]);
    expect(demo).toEqual([expect.objectContaining({ kind: 'summons', childId: family.childId, read: false })]);
    const looks = (await auditOf(t.database.db, res)).filter((e) => e.action === 'child.inbox.list');
    expect(looks).toEqual([expect.objectContaining({ subject_id: family.childId, outcome: 'success', details: expect.objectContaining({ inbox: expect.arrayContaining([`summons:${ids.psychologist}:1`]) }) })]);
    const before = ((await client.get('/api/start/counts')).json() as NavCounts).inboxUnread;
    await client.post('/api/inbox/mark', { keys: [items[0]!.key], state: 'read' });
    expect(((await client.get('/api/start/counts')).json() as NavCounts).inboxUnread).toBe(before - 1);
  });

  it('shows the coordinator, not on the team, the invitation on her own basis, without the child’s name', async () => {
    const { res, items, demo } = await inboxOf('coordinator');
    expect(demo).toEqual([]);
    expect(items).toEqual([expect.objectContaining({ kind: 'invitation', childId: family.childId, childName: null, subject: '' })]);
    const looks = (await auditOf(t.database.db, res)).filter((e) => e.action === 'child.inbox.list');
    expect(looks).toEqual([expect.objectContaining({ subject_id: family.childId, outcome: 'success', details: expect.objectContaining({ reason: 'meeting_invitee', basis: null }) })]);
  });

  it('shows the guardian the family’s invitation on the child’s page, and the teacher and an outsider nothing of it', async () => {
    const guardian = await inboxOf('guardian');
    expect(guardian.items).toEqual([expect.objectContaining({ key: `invitation:${ids.guardian}:1`, kind: 'invitation', link: `/my-children/${family.childId}` })]);
    expect(guardian.demo).toEqual([expect.objectContaining({ kind: 'invitation', link: `/my-children/${family.childId}` })]);
    // The teacher has only the demo meeting's invitation of her own; the outsider nothing.
    const teacher = await inboxOf('teacher');
    expect(teacher.items).toEqual([]);
    expect(teacher.demo).toEqual([expect.objectContaining({ kind: 'invitation', link: expect.stringContaining('/meeting-invitations/') })]);
    expect([...(await inboxOf('outsider')).items, ...(await inboxOf('outsider')).demo]).toEqual([]);
  });

  it('drops the summons once answered', async () => {
    const psychologist = await t.loginAs('psychologist');
    const reply = await psychologist.post(`/api/children/${family.childId}/meeting-invitations/${ids.psychologist}/reply`, { reply: 'coming', comment: '' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect((await inboxOf('psychologist')).items).toEqual([]);
  });
});
