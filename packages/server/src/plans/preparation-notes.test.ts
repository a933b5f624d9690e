import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { demoSipId } from './fixtures.ts';

/**
 * The team's preparation notes for the demo SIP's meeting (who brings what), and the family's own
 * evaluation per goal beside the team's (in the family's preparation form). Both sides, every role,
 * each look and each refusal one audit entry; the text never in the log.
 */
let t: TestApp;
let family: Family;
let sipId: string;
const url = () => `/api/children/${family.childId}/plans/${sipId}/preparation-notes`;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
});
afterAll(() => t.close());

async function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; body: string }, who: string) {
  expect([403, 404], `${who}: ${res.body}`).toContain(res.statusCode);
  const entries = await auditOf(t.database.db, res);
  expect(entries, who).toHaveLength(1);
  expect(['denied', 'failure'], who).toContain(entries[0]!.outcome);
}

describe('the team’s preparation notes', () => {
  it('are written by the plan’s participants, each their own, and read by the team (logged without the text)', async () => {
    const socialworker = await t.loginAs('socialworker');
    const saved = await socialworker.post(url(), { brings: 'Utredningens sammanfattning och förslag på familjebehandling' });
    expect(saved.statusCode, saved.body).toBe(200);
    const entries = await auditOf(t.database.db, saved);
    expect(entries).toEqual([expect.objectContaining({ action: 'child.plan.preparation_note.save', outcome: 'success', details: expect.objectContaining({ planId: sipId }) })]);
    expect(JSON.stringify(entries)).not.toContain('Utredningens');
    const psychologist = await t.loginAs('psychologist');
    expect((await psychologist.post(url(), { brings: 'BUP:s bedömning' })).statusCode).toBe(200);
    // Overwritten, not added.
    const again = await psychologist.post(url(), { brings: 'BUP:s bedömning och förslag på sömnskola' });
    const list = again.json() as { notes: { authorName: string; organisationName: string; brings: string; mine: boolean }[]; actions: string[] };
    expect(list.notes.map((n) => [n.brings, n.mine])).toEqual([['Utredningens sammanfattning och förslag på familjebehandling', false], ['BUP:s bedömning och förslag på sömnskola', true]]);
    expect(list.notes[1]!.organisationName).not.toBe('');
    expect(list.actions).toEqual(['write']);
    const read = await socialworker.get(url());
    expect(read.statusCode).toBe(200);
    expect(read.json().notes).toHaveLength(2);
    expect((await auditOf(t.database.db, read))[0]).toMatchObject({ action: 'child.plan.preparation_note.read', outcome: 'success' });
  });

  it('takes one back when emptied, and refuses too long a note', async () => {
    const psychologist = await t.loginAs('psychologist');
    expect((await psychologist.post(url(), { brings: 'x'.repeat(2001) })).statusCode).toBe(400);
    const res = await psychologist.post(url(), { brings: '  ' });
    expect(res.json().notes.map((n: { mine: boolean }) => n.mine)).toEqual([false]);
    await psychologist.post(url(), { brings: 'BUP:s bedömning' });
  });

  it('are neither read nor written by the family, an outsider or an administrator (each refusal logged)', async () => {
    for (const username of ['guardian', 'child', 'outsider', 'sysadmin', 'analyst']) {
      const client = await t.loginAs(username);
      await expectRefused(await client.post(url(), { brings: 'Något' }), `${username} write`);
      if (username === 'guardian' || username === 'child') continue;
      await expectRefused(await client.get(url()), `${username} read`);
    }
    // The family may read its plan, so its look is allowed, but the team's notes are not in it.
    const guardian = await (await t.loginAs('guardian')).get(url());
    expect(guardian.statusCode).toBe(200);
    expect(guardian.json()).toEqual({ notes: [], actions: [] });
  });
});

describe('the family’s own evaluation per goal', () => {
  const prep = () => `/api/children/${family.childId}/plans/${sipId}/preparation`;
  it('is given in the preparation form beside the team’s, and refused for a goal the plan does not have', async () => {
    const guardian = await t.loginAs('guardian');
    expect((await guardian.post(prep(), { voice: 'guardian', answers: { goals: { 'no-such-goal': { outcome: 'reached' } } }, submit: false })).statusCode).toBe(400);
    expect((await guardian.post(prep(), { voice: 'guardian', answers: { goals: { 'g-school': { outcome: 'almost' } } }, submit: false })).statusCode).toBe(400);
    const res = await guardian.post(prep(), { voice: 'guardian', answers: { goals: { 'g-school': { outcome: 'partly_reached', comment: 'Bättre på morgnarna' } } }, submit: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(await auditOf(t.database.db, res))).not.toContain('morgnarna');
    const team = (await (await t.loginAs('socialworker')).get(prep())).json();
    expect(team.preparations).toEqual([expect.objectContaining({ voice: 'guardian', answers: expect.objectContaining({ goals: { 'g-school': { outcome: 'partly_reached', comment: 'Bättre på morgnarna' } } }) })]);
    // The team's own evaluation stays in the plan's contents, beside it.
    const plan = (await (await t.loginAs('socialworker')).get(`/api/children/${family.childId}/plans/${sipId}`)).json();
    expect(JSON.stringify(plan)).toContain('"team":"partly_reached"');
  });
});
