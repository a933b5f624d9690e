import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from '../clock.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { demoSipId } from './fixtures.ts';

/**
 * The family's preparation form for the demo SIP: written through `give_consent` (a guardian, or
 * the child from the consent age 15), kept as a draft until submitted; the team reads submitted
 * answers only; every look and every refusal is one audit entry.
 */
let t: TestApp;
let family: Family;
let sipId: string;
const url = () => `/api/children/${family.childId}/plans/${sipId}/preparation`;
const answers = { areas: { safe: 'Jag känner mig trygg hemma' }, goingWell: 'Fotbollen', wantToChange: 'Sova bättre', whoAtMeeting: 'Mamma', shouldKnow: '' };

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
});
afterAll(() => t.close());

describe('the family’s preparation form', () => {
  it('keeps a guardian’s draft, unseen by the team, then submits it for the team to read', async () => {
    const guardian = await t.loginAs('guardian');
    const draft = await guardian.post(url(), { voice: 'guardian', answers, submit: false });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ voice: 'guardian', givenAs: 'guardian', submittedAt: null });
    const entries = await auditOf(t.database.db, draft);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.plan.preparation.save', outcome: 'success', details: expect.objectContaining({ planId: sipId, submitted: false }) });
    expect(JSON.stringify(entries[0])).not.toContain('Fotbollen');
    const own = await guardian.get(url());
    expect(own.json().preparations).toMatchObject([{ mine: true, answers: { goingWell: 'Fotbollen' }, submittedAt: null }]);
    const socialworker = await t.loginAs('socialworker');
    expect((await socialworker.get(url())).json().preparations).toEqual([]);
    const submitted = await guardian.post(url(), { voice: 'guardian', answers, submit: true });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().submittedAt).not.toBeNull();
    const seen = await socialworker.get(url());
    expect(seen.statusCode).toBe(200);
    expect(seen.json().preparations).toMatchObject([{ voice: 'guardian', mine: false, answers: { wantToChange: 'Sova bättre' } }]);
    const look = await auditOf(t.database.db, seen);
    expect(look).toHaveLength(1);
    expect(look[0]).toMatchObject({ action: 'child.plan.preparation.read', outcome: 'success' });
    const again = await guardian.post(url(), { voice: 'guardian', answers, submit: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'plan_state', details: { reason: 'already_submitted' } });
  });

  it('lets a guardian give a younger child’s answers with the child’s voice', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.post(url(), { voice: 'child', answers: { ...answers, goingWell: 'Skolan' }, submit: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ voice: 'child', givenAs: 'guardian' });
  });

  it('refuses bad input with the shared shape', async () => {
    const guardian = await t.loginAs('guardian');
    for (const body of [{ voice: 'teacher', answers, submit: true }, { voice: 'child', answers: { ...answers, areas: { nope: 'x' } }, submit: false }, { voice: 'child', answers: { ...answers, goingWell: 'x'.repeat(1001) }, submit: false }]) {
      const res = await guardian.post(url(), body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('refuses the younger child, professionals and outsiders a write, each refusal logged', async () => {
    for (const username of ['child', 'socialworker', 'psychologist', 'teacher', 'nurse', 'outsider', 'sysadmin']) {
      const res = await (await t.loginAs(username)).post(url(), { voice: 'child', answers, submit: false });
      expect(res.statusCode, username).toBe(403);
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]!.outcome, username).toBe('denied');
    }
  });

  it('refuses an outsider a read, logged', async () => {
    const res = await (await t.loginAs('outsider')).get(url());
    expect(res.statusCode).toBe(403);
    expect((await auditOf(t.database.db, res))[0]!.outcome).toBe('denied');
  });
});

describe('the child from the consent age', () => {
  let later: TestApp;
  beforeAll(async () => {
    // Half a year on, Ebba is 15: she writes her own answers, and only with her own voice.
    later = await createTestApp({}, { clock: fixedClock(new Date(systemClock(testClockOffsetDays).now().getTime() + 200 * 86_400_000)) });
  });
  afterAll(() => later.close());

  it('fills in and submits her own form, and may not speak as a guardian', async () => {
    const child = await later.loginAs('child');
    const wrong = await child.post(url(), { voice: 'guardian', answers, submit: false });
    expect(wrong.statusCode).toBe(400);
    const res = await child.post(url(), { voice: 'child', answers, submit: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ voice: 'child', givenAs: 'child' });
    const seen = await (await later.loginAs('psychologist')).get(url());
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().preparations).toMatchObject([{ voice: 'child', givenAs: 'child' }]);
  });
});
