import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestByRespondent, wellbeingRespondents, type ChildOverview, type ChronologyView, type ConcernList, type WheelView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const overviewOf = async (username: string) => {
  const res = await (await as(username)).get(`/api/children/${family.childId}/overview`);
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  return { overview: res.json() as ChildOverview, res };
};

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

describe("the child's overview", () => {
  it('gives each member the latest wheel of each respondent, the open concerns and the latest events, as their own reads show them', async () => {
    for (const username of ['teacher', 'nurse', 'socialworker', 'psychologist']) {
      const client = await as(username);
      const { overview, res } = await overviewOf(username);
      const wheel = (await client.get(`/api/children/${family.childId}/wellbeing`)).json() as WheelView;
      const latest = latestByRespondent(wheel.assessments);
      expect(overview.wheel.latest.map((a) => [a.respondent, a.id]), username).toEqual(wellbeingRespondents.flatMap((r) => (latest[r] ? [[r, latest[r].id]] : [])));
      for (const a of overview.wheel.latest) expect(a.ratings).toEqual(latest[a.respondent]!.answers.map((x) => ({ area: x.area, rating: x.rating })));
      expect(overview.wheel.sharedFromOthers).toBe(wheel.sharedFromOthers);
      const concerns = (await client.get(`/api/children/${family.childId}/concerns`)).json() as ConcernList;
      expect(overview.concerns.open.map((c) => c.id)).toEqual(concerns.concerns.slice(0, 20).map((c) => c.id));
      expect(overview.concerns.total).toBe(concerns.concerns.length);
      const chronology = (await client.get(`/api/children/${family.childId}/chronology`)).json() as ChronologyView;
      expect(overview.chronology).toEqual(chronology);
      // One gate decision and one entry for the whole overview.
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.overview.read', outcome: 'success', subject_id: family.childId, details: expect.objectContaining({ view: 'overview', category: 'record' }) });
    }
    // The demo: Ebba's own view, her guardian's and the teacher's reach the teacher, the nurse's concern on consent.
    const teacher = (await overviewOf('teacher')).overview;
    expect(teacher.wheel.latest.map((a) => a.respondent)).toEqual(['professional', 'child', 'guardian']);
    expect(teacher.concerns.open[0]).toMatchObject({ by: 'Nora Skolsköterska', basis: 'consent', details: { level: 'concern' } });
    expect(teacher.chronology.childName).toEqual({ givenName: 'Ebba', familyName: 'Vårdnadshavare' });
    expect((await overviewOf('psychologist')).overview.wheel.latest).toEqual([]);
  });

  it('shows the family no wheel and no concern, and refuses everyone off the team with one denied entry', async () => {
    for (const username of ['guardian', 'child']) {
      const { overview } = await overviewOf(username);
      expect(overview.wheel.latest).toEqual([]);
      expect(overview.concerns).toEqual({ open: [], total: 0, sharedFromOthers: false });
      expect(overview.chronology.events.every((e) => e.type === 'care_team' || e.type === 'consent')).toBe(true);
    }
    for (const username of ['outsider', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin', 'intake']) {
      const res = await (await as(username)).get(`/api/children/${family.childId}/overview`);
      expect(res.statusCode, username).toBe(403);
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.overview.read', outcome: 'denied' });
    }
  });

  it('answers 404 for a child that does not exist, logged as such', async () => {
    const res = await (await as('teacher')).get('/api/children/00000000-0000-4000-8000-000000000000/overview');
    expect(res.statusCode).toBe(404);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.overview.read', outcome: 'failure' });
  });
});

describe("the overview's ungated ceiling for the benchmark", () => {
  it('does not exist unless the benchmark asks for it', async () => {
    expect((await (await as('teacher')).get(`/api/bench/children/${family.childId}/overview/ungated`)).statusCode).toBe(404);
  });

  it('when asked for, answers the same shape from the same statement, with every event and no entry in the log', async () => {
    const bench = await createTestApp({ benchRoutes: true });
    try {
      const teacher = await bench.loginAs('teacher');
      const res = await teacher.get(`/api/bench/children/${family.childId}/overview/ungated`);
      expect(res.statusCode).toBe(200);
      const ungated = res.json() as ChildOverview;
      const gated = (await teacher.get(`/api/children/${family.childId}/overview`)).json() as ChildOverview;
      expect(Object.keys(ungated).sort()).toEqual(Object.keys(gated).sort());
      expect(ungated.chronology.notShown).toEqual([]);
      // Every event: those the teacher sees, those counted as not shown, and reports of concern (never counted).
      const reports = await bench.database.db.selectFrom('report_of_concern').select('id').where('child_id', '=', family.childId).execute();
      expect(ungated.chronology.total).toBe(gated.chronology.total + gated.chronology.notShown.reduce((n, r) => n + r.count, 0) + reports.length);
      expect(await auditOf(bench.database.db, res)).toEqual([]);
    } finally {
      await bench.close();
    }
  });
});
