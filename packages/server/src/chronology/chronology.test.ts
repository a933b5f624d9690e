import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildRecordView, ChronologyEvent, ChronologyView, ConcernList, NeedsAssessmentList, NeedsAssessmentView, WheelView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
let olleId: string;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const chronologyOf = async (username: string, childId: string, query = '') => {
  const res = await (await as(username)).get(`/api/children/${childId}/chronology?pageSize=1000${query}`);
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  return res.json() as ChronologyView;
};
const idsOf = (events: readonly ChronologyEvent[], type: ChronologyEvent['type']) => events.filter((e) => e.type === type).map((e) => e.id).sort();
const notShownCount = (view: ChronologyView) => view.notShown.reduce((n, r) => n + r.count, 0);

/** How many entries of the areas the gate decides per entry the child has: assessments, concerns, record entries, final needs assessments. */
async function entriesOf(childId: string): Promise<number> {
  const db = t.database.db;
  const count = async (table: 'wellbeing_assessment' | 'concern' | 'record_entry') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('child_id', '=', childId).executeTakeFirstOrThrow()).n);
  const finals = Number((await db.selectFrom('needs_assessment_version').select((eb) => eb.fn.countAll<string>().as('n')).where('child_id', '=', childId).where('status', '=', 'final').executeTakeFirstOrThrow()).n);
  return (await count('wellbeing_assessment')) + (await count('concern')) + (await count('record_entry')) + finals;
}

/** What the areas' own gated reads show the caller: the record's entries, the concerns list, the wheel, the needs assessments' final revisions. */
async function areasShow(username: string, childId: string) {
  const client = await as(username);
  const record = (await client.get(`/api/children/${childId}`)).json() as ChildRecordView;
  const concerns = (await client.get(`/api/children/${childId}/concerns`)).json() as ConcernList;
  const wheel = (await client.get(`/api/children/${childId}/wellbeing`)).json() as WheelView;
  const needs = (await client.get(`/api/children/${childId}/needs-assessments`)).json() as NeedsAssessmentList;
  const finals = [];
  for (const a of needs.assessments) {
    const view = (await client.get(`/api/children/${childId}/needs-assessments/${a.id}`)).json() as NeedsAssessmentView;
    finals.push(...view.revisions.filter((r) => r.status === 'final').map((r) => r.id));
  }
  return {
    needs_assessment: finals.sort(),
    record_entry: record.categories.flatMap((c) => c.entries.map((e) => e.id)).sort(),
    concern: concerns.concerns.map((c) => c.id).sort(),
    wellbeing: wheel.assessments.map((a) => a.id).sort(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  olleId = (await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('the chronology shows each viewer exactly their permitted events, and the right "not shown" count', () => {
  it('gives the teacher, the nurse and the psychologist each the entries the record, the concerns and the wheel show them, and counts the rest', async () => {
    const all = await entriesOf(family.childId);
    const seen = new Map<string, ChronologyView>();
    for (const username of ['teacher', 'nurse', 'psychologist']) {
      const view = await chronologyOf(username, family.childId);
      const areas = await areasShow(username, family.childId);
      for (const type of ['record_entry', 'concern', 'wellbeing', 'needs_assessment'] as const) expect(idsOf(view.events, type), `${username} ${type}`).toEqual(areas[type]);
      const shown = areas.record_entry.length + areas.concern.length + areas.wellbeing.length + areas.needs_assessment.length;
      expect(view.notShown, username).toEqual(all > shown ? [{ reason: 'no_consent', count: all - shown }] : []);
      expect(view.total).toBe(view.events.length);
      seen.set(username, view);
    }
    const titles = (u: string) => seen.get(u)!.events.flatMap((e) => (e.details.title ? [e.details.title] : []));
    // The nurse's health entry is student health's own: the family's consent covers wellbeing, concerns and the plan only.
    expect(titles('nurse')).toContain('Hälsosamtal hos skolsköterskan');
    expect(titles('teacher')).not.toContain('Hälsosamtal hos skolsköterskan');
    // The psychologist reads her own region's entries; the teacher recorded the region's consent, which never widens her own access.
    expect(titles('psychologist')).toEqual(expect.arrayContaining(['Bedömningssamtal på BUP', 'BUP:s del i planen']));
    expect(titles('teacher')).not.toContain('BUP:s del i planen');
    expect(idsOf(seen.get('psychologist')!.events, 'concern')).toEqual([]);
    expect(notShownCount(seen.get('psychologist')!)).toBeGreaterThan(notShownCount(seen.get('teacher')!));
    // The team's changes and the consents are the record's: every member sees them all.
    for (const type of ['care_team', 'consent'] as const) expect(idsOf(seen.get('psychologist')!.events, type)).toEqual(idsOf(seen.get('teacher')!.events, type));
    expect(seen.get('teacher')!.events.find((e) => e.details.title === 'Frånvaro under hösten')).toMatchObject({ basis: 'own_organisation', by: 'Tove Lärare', secrecyDomain: { name: 'Förskola och skola' } });
    expect(seen.get('teacher')!.events.find((e) => e.type === 'concern')).toMatchObject({ basis: 'consent', by: 'Nora Skolsköterska' });
  });

  it('shows the family only the team and the consents, with no count of what professionals write', async () => {
    for (const username of ['guardian', 'child']) {
      const view = await chronologyOf(username, family.childId);
      expect(new Set(view.events.map((e) => e.type))).toEqual(new Set(['care_team', 'consent']));
      expect(view.notShown).toEqual([]);
      expect(view.events.every((e) => e.basis === 'own_record')).toBe(true);
    }
  });

  it('refuses everyone else, each look logged once as denied, and shows them nothing', async () => {
    for (const username of ['outsider', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin', 'intake']) {
      const res = await (await as(username)).get(`/api/children/${family.childId}/chronology`);
      expect(res.statusCode, username).toBe(403);
      expect(res.body).not.toContain('Nora');
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.chronology.read', outcome: 'denied', subject_id: family.childId });
    }
    // A member whose consent has run out is refused, and told why.
    const lapsed = await (await as('psychologist')).get(`/api/children/${olleId}/chronology`);
    expect(lapsed.statusCode).toBe(403);
    expect(lapsed.json().error.details.reason).toBe('team_consent_not_in_force');
  });

  it('logs one entry per read, with its basis and the filters asked for', async () => {
    const res = await (await as('teacher')).get(`/api/children/${family.childId}/chronology?types=concern&order=oldest`);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.chronology.read', outcome: 'success', subject_id: family.childId, details: expect.objectContaining({ basis: 'own_organisation', view: 'chronology', filters: { types: ['concern'] }, order: 'oldest' }) });
  });
});

describe('reports of concern in the chronology', () => {
  it('shows a report to its reporter only; the rest of the team neither sees nor counts it, and a new one changes nothing for them', async () => {
    const reportIds = async () => (await t.database.db.selectFrom('report_of_concern').select('id').where('child_id', '=', olleId).execute()).map((r) => r.id);
    const all = await entriesOf(olleId);
    const teacher = await chronologyOf('teacher', olleId);
    const own = teacher.events.filter((e) => e.type === 'report_of_concern');
    expect(own.length).toBeGreaterThanOrEqual(1);
    expect(own.every((e) => e.by === 'Tove Lärare' && e.basis === 'legal_duty' && e.details.intakeName?.includes('mottagning'))).toBe(true);
    expect(own.map((e) => e.details.feedback)).toContain('received');
    const before = new Map<string, ChronologyView>();
    for (const username of ['nurse', 'socialworker']) {
      const view = await chronologyOf(username, olleId);
      expect(idsOf(view.events, 'report_of_concern'), username).toEqual([]);
      const shown = view.events.filter((e) => e.type === 'record_entry' || e.type === 'concern' || e.type === 'wellbeing' || e.type === 'needs_assessment').length;
      // The count is of the other domains' entries alone: the teacher's report is not among them.
      expect(notShownCount(view), username).toBe(all - shown);
      expect(JSON.stringify(view)).not.toContain((await reportIds())[0]);
      before.set(username, view);
    }
    const sent = await (await as('nurse')).post(`/api/children/${olleId}/reports-of-concern`, { description: 'Olle har nya blåmärken och säger att han är rädd hemma.', areas: ['safe'] });
    expect(sent.statusCode).toBe(201);
    expect(idsOf((await chronologyOf('nurse', olleId)).events, 'report_of_concern')).toEqual([sent.json().id]);
    const teacherAfter = await chronologyOf('teacher', olleId);
    expect(teacherAfter.total).toBe(teacher.total);
    expect(teacherAfter.notShown).toEqual(teacher.notShown);
    const socialworker = await chronologyOf('socialworker', olleId);
    expect([socialworker.total, socialworker.notShown]).toEqual([before.get('socialworker')!.total, before.get('socialworker')!.notShown]);
    const guardian = await chronologyOf('guardian', olleId);
    expect(guardian.events.some((e) => e.type === 'report_of_concern')).toBe(false);
    expect(guardian.notShown).toEqual([]);
  });
});

describe('an emergency access in the chronology', () => {
  it('shows what its ground opens and counts the rest as not covered by the ground', async () => {
    const opened = await (await as('outsider')).post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut fara för barnets hälsa, behöver se planen.', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    const view = await chronologyOf('outsider', family.childId);
    // Necessity (BrB 24:4) opens the concerns and the plan, besides the team and the consents.
    expect(view.events.every((e) => e.basis === 'emergency')).toBe(true);
    expect(view.events.every((e) => e.type !== 'record_entry' || e.details.recordCategory === 'plan' || e.details.recordCategory === 'concern')).toBe(true);
    expect(view.events.some((e) => e.type === 'wellbeing')).toBe(false);
    expect(view.notShown).toEqual([{ reason: 'emergency_ground', count: (await entriesOf(family.childId)) - view.events.filter((e) => e.type === 'record_entry' || e.type === 'concern').length }]);
  });
});
