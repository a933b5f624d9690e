import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyNeedsContent, stockholmDate, type ChronologyView, type NeedsAssessmentView, type NeedsConfigList } from '@samsyn/core';
import { fixedClock, systemClock } from '../clock.ts';
import { demoFamily, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';

// Needs assessments in the chronology: a final revision is an event of `wellbeing`, decided per entry
// by the gate as the area's own list decides it; a draft is no event for anyone.
let t: TestApp;
let family: Family;
let configId: string;
const clock = fixedClock(systemClock(testClockOffsetDays).now());
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const chronologyOf = async (username: string, query = '') => {
  const res = await (await as(username)).get(`/api/children/${family.childId}/chronology?pageSize=1000${query}`);
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  return res.json() as ChronologyView;
};
const needsIds = (view: ChronologyView) => view.events.filter((e) => e.type === 'needs_assessment').map((e) => e.id).sort();
const notShownCount = (view: ChronologyView) => view.notShown.reduce((n, r) => n + r.count, 0);
const post = async (username: string, path: string, body: unknown) => {
  const res = await (await as(username)).post(`/api/children/${family.childId}/needs-assessments${path}`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as NeedsAssessmentView;
};
const today = () => stockholmDate(clock.now());
const body = (mark: string, extra: Record<string, unknown> = {}) => ({
  ...emptyNeedsContent(today()),
  configVersionId: configId,
  status: 'final',
  subAreas: [{ code: 'learning', strengths: `Läser gärna (${mark})`, challenges: 'Hög frånvaro' }],
  summary: `Sammanfattning (${mark})`,
  proposal: 'call_meeting',
  ...extra,
});
/** The final and the draft revisions of the child's needs assessments, as the database has them. */
const revisions = async (status: 'final' | 'draft') => (await t.database.db.selectFrom('needs_assessment_version').select('id').where('child_id', '=', family.childId).where('status', '=', status).execute()).map((r) => r.id).sort();

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  family = await demoFamily(t.database.db);
  configId = ((await (await as('teacher')).get('/api/needs-assessment/configs')).json() as NeedsConfigList).current.id;
});
afterAll(() => t.close());

describe('needs assessments in the chronology', () => {
  it('shows the demo’s final assessments to the readers the consent covers, counts them as not shown for the one it does not, and shows no draft', async () => {
    const finals = await revisions('final');
    const drafts = await revisions('draft');
    expect(finals.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const username of ['teacher', 'nurse', 'socialworker']) {
      const view = await chronologyOf(username);
      // The municipality's consent covers wellbeing: its three domains read each other's final assessments.
      expect(needsIds(view), username).toEqual(finals);
      expect(JSON.stringify(view), username).not.toMatch(new RegExp(drafts.join('|')));
    }
    // The socialworker's own draft is no event for her either: a draft is not yet the organisation's statement.
    const psychologist = await chronologyOf('psychologist');
    expect(needsIds(psychologist)).toEqual([]);
    expect(JSON.stringify(psychologist)).not.toMatch(new RegExp([...finals, ...drafts].join('|')));
  });

  it('adds a new final assessment for its domain and the consent’s readers; the reader without consent only counts it', async () => {
    const before = { nurse: await chronologyOf('nurse'), psychologist: await chronologyOf('psychologist') };
    const made = await post('teacher', '', body('chronology'));
    const revisionId = made.revisions[0]!.id;
    const teacher = await chronologyOf('teacher');
    expect(teacher.events.find((e) => e.id === revisionId)).toMatchObject({ type: 'needs_assessment', change: 'recorded', basis: 'own_organisation', by: 'Tove Lärare', occurredOn: today(), secrecyDomain: { name: 'Förskola och skola' }, details: { proposal: 'call_meeting', revision: 1 } });
    // Nothing of the assessment's text travels in the chronology.
    expect(JSON.stringify(teacher)).not.toContain('Sammanfattning (chronology)');
    const nurse = await chronologyOf('nurse');
    expect(nurse.events.find((e) => e.id === revisionId)).toMatchObject({ basis: 'consent', change: 'recorded' });
    expect(nurse.total).toBe(before.nurse.total + 1);
    expect(nurse.notShown).toEqual(before.nurse.notShown);
    const psychologist = await chronologyOf('psychologist');
    expect(psychologist.events.some((e) => e.id === revisionId)).toBe(false);
    expect(psychologist.total).toBe(before.psychologist.total);
    expect(psychologist.notShown).toEqual([{ reason: 'no_consent', count: notShownCount(before.psychologist) + 1 }]);

    // A later final revision is the assessment revised: a second event, the first stays.
    const revised = await post('teacher', `/${made.id}/revisions`, body('revised', { basedOn: 1, proposal: 'start_plan' }));
    const after = await chronologyOf('nurse', '&types=needs_assessment');
    expect(after.events.every((e) => e.type === 'needs_assessment')).toBe(true);
    expect(after.events.filter((e) => e.id === revisionId || e.id === revised.revisions[0]!.id).map((e) => [e.change, e.details.revision, e.details.proposal]).sort()).toEqual([
      ['recorded', 1, 'call_meeting'],
      ['revised', 2, 'start_plan'],
    ]);
    expect(after.facets.types).toContain('needs_assessment');
    expect(notShownCount(await chronologyOf('psychologist'))).toBe(notShownCount(before.psychologist) + 2);
  });

  it('never shows or counts a draft, for its own domain or another', async () => {
    const before = new Map<string, ChronologyView>();
    for (const username of ['teacher', 'nurse', 'psychologist']) before.set(username, await chronologyOf(username));
    const draft = await post('teacher', '', body('draft', { status: 'draft', summary: '', proposal: null }));
    for (const username of ['teacher', 'nurse', 'psychologist']) {
      const view = await chronologyOf(username);
      expect([view.total, view.notShown], username).toEqual([before.get(username)!.total, before.get(username)!.notShown]);
      expect(JSON.stringify(view), username).not.toContain(draft.revisions[0]!.id);
    }
  });
});
