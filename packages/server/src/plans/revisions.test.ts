import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanRevisionPage, PlanRevisionRead, PlanView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { contents, demoSipId, municipalConsentId } from './fixtures.ts';

let t: TestApp;
let family: Family;
let sipId: string;
let now: Date;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const plansUrl = () => `/api/children/${family.childId}/plans`;
const revisionUrl = (planId: string, number: number | string) => `${plansUrl()}/${planId}/revisions/${number}`;
const carried = (view: PlanView) => view.revisions.map((r) => [r.number, r.contents !== null]);
const stored = async (planId: string, number: number) =>
  (await t.database.db.selectFrom('plan_revision').select('contents').where('plan_id', '=', planId).where('number', '=', number).executeTakeFirstOrThrow()).contents;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
  now = t.app.services.clock.now();
});
afterAll(() => t.close());

describe('a plan’s view does not grow with its history', () => {
  it('carries the contents of the head and of the revision in force only, and lists the others without theirs', async () => {
    const view = (await (await as('socialworker')).get(`${plansUrl()}/${sipId}`)).json() as PlanView;
    expect(view.revisions.map((r) => [r.number, r.state])).toEqual([[4, 'proposed'], [3, 'in_force'], [2, 'superseded'], [1, 'superseded']]);
    expect(carried(view)).toEqual([[4, true], [3, true], [2, false], [1, false]]);
    expect(view.revisions[1]!.contents).toEqual(await stored(sipId, 3));
    // Each revision is still named: who wrote it, where and when.
    expect(view.revisions[3]).toMatchObject({ number: 1, authorName: expect.any(String), secrecyDomainName: expect.any(String), savedAt: expect.any(String) });
    expect(view.olderRevisionsBefore).toBeNull();
  });

  it('answers a save with the same view: the new head’s contents, not every revision’s', async () => {
    const nurse = await as('nurse');
    const created = await nurse.post(plansUrl(), { kind: 'child_plan', consentId: await municipalConsentId(t.database.db, family.childId), contents: contents(now, { title: 'Växer inte' }) });
    expect(created.statusCode, created.body).toBe(201);
    const planId = (created.json() as PlanView).id;
    let head = 1;
    for (const words of ['Andra', 'Tredje']) {
      const saved = await nurse.post(`${plansUrl()}/${planId}/revisions`, { baseRevision: head, contents: contents(now, { title: 'Växer inte', childViews: words }) });
      expect(saved.statusCode, saved.body).toBe(201);
      head += 1;
      const view = saved.json() as PlanView;
      expect(view.revisions[0]!.contents!.childViews).toBe(words);
      expect(carried(view)).toEqual(Array.from({ length: head }, (_, i) => [head - i, i === 0]));
    }
    const older = await nurse.get(revisionUrl(planId, 2));
    expect(older.statusCode, older.body).toBe(200);
    expect((older.json() as PlanRevisionRead).contents.childViews).toBe('Andra');
  });

  it('lists the newest ten revisions, and the older a page at a time, each page one entry', async () => {
    const nurse = await as('nurse');
    const created = await nurse.post(plansUrl(), { kind: 'child_plan', consentId: await municipalConsentId(t.database.db, family.childId), contents: contents(now, { title: 'Lång historia' }) });
    const planId = (created.json() as PlanView).id;
    let view = created.json() as PlanView;
    for (let n = 2; n <= 23; n++) {
      const saved = await nurse.post(`${plansUrl()}/${planId}/revisions`, { baseRevision: n - 1, contents: contents(now, { title: 'Lång historia', childViews: `Version ${n}` }) });
      expect(saved.statusCode, saved.body).toBe(201);
      view = saved.json() as PlanView;
    }
    expect(view.revisions.map((r) => r.number)).toEqual([23, 22, 21, 20, 19, 18, 17, 16, 15, 14]);
    expect(view.olderRevisionsBefore).toBe(14);
    const read = (await nurse.get(`${plansUrl()}/${planId}`)).json() as PlanView;
    expect([read.revisions.length, read.olderRevisionsBefore]).toEqual([10, 14]);

    const first = await nurse.get(`${plansUrl()}/${planId}/revisions?before=14`);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json() as PlanRevisionPage;
    expect(page.revisions.map((r) => [r.number, r.state, r.contents])).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4].map((n) => [n, 'superseded', null]));
    expect(page.next).toBe(4);
    const entries = await auditOf(t.database.db, first);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.plan.revision.list', outcome: 'success', subject_id: family.childId, details: expect.objectContaining({ planId, before: 14 }) });
    const last = (await nurse.get(`${plansUrl()}/${planId}/revisions?before=4`)).json() as PlanRevisionPage;
    expect([last.revisions.map((r) => r.number), last.next]).toEqual([[3, 2, 1], null]);
    // Past the head, the page starts at the head.
    expect(((await nurse.get(`${plansUrl()}/${planId}/revisions?before=9999`)).json() as PlanRevisionPage).revisions[0]!.number).toBe(23);
    // The family sees nothing of a plan being prepared, and no page of it.
    const guardian = await as('guardian');
    expect(((await guardian.get(`${plansUrl()}/${planId}`)).json() as PlanView)).toMatchObject({ revisions: [], olderRevisionsBefore: null });
    expect((await guardian.get(`${plansUrl()}/${planId}/revisions?before=14`)).json()).toEqual({ revisions: [], next: null });
  });
});

describe('an older revision, read on its own', () => {
  it('gives the team the revision with its contents, and leaves one entry that names it', async () => {
    for (const username of ['socialworker', 'psychologist', 'nurse']) {
      const res = await (await as(username)).get(revisionUrl(sipId, 2));
      expect(res.statusCode, username).toBe(200);
      expect(res.json(), username).toMatchObject({ number: 2, state: 'superseded', contents: await stored(sipId, 2) });
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.plan.revision.read', outcome: 'success', subject_id: family.childId, details: expect.objectContaining({ planId: sipId, revision: 2 }) });
    }
  });

  it('gives the family the revision in force and the proposal, and no older one', async () => {
    for (const username of ['guardian', 'child']) {
      const client = await as(username);
      for (const [number, state] of [[3, 'in_force'], [4, 'proposed']] as const) {
        const res = await client.get(revisionUrl(sipId, number));
        expect(res.statusCode, `${username} ${number}`).toBe(200);
        expect(res.json(), username).toMatchObject({ number, state, contents: await stored(sipId, number) });
      }
      const older = await client.get(revisionUrl(sipId, 2));
      expect(older.statusCode, username).toBe(404);
      expect(await auditOf(t.database.db, older), username).toHaveLength(1);
    }
  });

  it('refuses everyone without a basis, and the teacher who is no participant, each refusal logged', async () => {
    for (const username of ['outsider', 'sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'intake']) {
      const client = await as(username);
      for (const [url, action] of [[revisionUrl(sipId, 2), 'child.plan.revision.read'], [`${plansUrl()}/${sipId}/revisions?before=3`, 'child.plan.revision.list']] as const) {
        const res = await client.get(url);
        expect(res.statusCode, username).toBe(403);
        const entries = await auditOf(t.database.db, res);
        expect(entries, username).toHaveLength(1);
        expect(entries[0]).toMatchObject({ action, outcome: 'denied' });
      }
    }
    const teacher = await (await as('teacher')).get(revisionUrl(sipId, 2));
    expect(teacher.statusCode).toBe(404);
    expect(await auditOf(t.database.db, teacher)).toHaveLength(1);
    expect(teacher.body).not.toContain('childViews');
    expect((await (await as('teacher')).get(`${plansUrl()}/${sipId}/revisions?before=3`)).statusCode).toBe(404);
  });

  it('lists no older page to the family: their view holds the revision in force and the proposal', async () => {
    for (const username of ['guardian', 'child']) {
      const res = await (await as(username)).get(`${plansUrl()}/${sipId}/revisions?before=3`);
      expect(res.statusCode, username).toBe(200);
      expect(res.json(), username).toEqual({ revisions: [], next: null });
      expect(await auditOf(t.database.db, res), username).toHaveLength(1);
    }
    const team = (await (await as('psychologist')).get(`${plansUrl()}/${sipId}/revisions?before=3`)).json() as PlanRevisionPage;
    expect(team.revisions.map((r) => r.number)).toEqual([2, 1]);
  });

  it('answers a revision that does not exist with 404, and a number that is none with 400', async () => {
    const lead = await as('socialworker');
    expect((await lead.get(revisionUrl(sipId, 99))).statusCode).toBe(404);
    for (const bad of ['0', 'abc', '-1', '1.5']) {
      const res = await lead.get(revisionUrl(sipId, bad));
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toBe('validation_failed');
    }
    for (const bad of ['', '?before=1', '?before=x']) {
      const res = await lead.get(`${plansUrl()}/${sipId}/revisions${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toBe('validation_failed');
    }
  });
});
