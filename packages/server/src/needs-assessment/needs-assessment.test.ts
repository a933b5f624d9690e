import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyNeedsContent, stockholmDate, type NeedsAssessmentList, type NeedsAssessmentView, type NeedsConfigList } from '@samsyn/core';
import { fixedClock, systemClock } from '../clock.ts';
import { auditOf, createChild, demoFamily, placeOf, unitPeerOf, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';

let t: TestApp;
let family: Family;
let configId: string;
const clock = fixedClock(systemClock(testClockOffsetDays).now());
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  family = await demoFamily(t.database.db);
  configId = ((await (await as('teacher')).get('/api/needs-assessment/configs')).json() as NeedsConfigList).current.id;
});
afterAll(() => t.close());

const url = (childId = family.childId) => `/api/children/${childId}/needs-assessments`;
const today = () => stockholmDate(clock.now());
/** A final assessment in the words of the current configuration, marked so a test finds it again. */
const body = (mark: string, extra: Record<string, unknown> = {}) => ({
  ...emptyNeedsContent(today()),
  configVersionId: configId,
  status: 'final',
  subAreas: [{ code: 'learning', strengths: `Läser gärna (${mark})`, challenges: 'Hög frånvaro' }],
  matrix: { ...emptyNeedsContent(today()).matrix, vulnerability_adverse: { text: 'Oro hemma', factors: ['stability'] } },
  questions: { ...emptyNeedsContent(today()).questions, obstacles: 'Frånvaron', my_action: 'Samtal varje vecka' },
  summary: `Sammanfattning (${mark})`,
  proposal: 'call_meeting',
  ...extra,
});

async function listOf(username: string, childId = family.childId): Promise<NeedsAssessmentList> {
  const res = await (await as(username)).get(url(childId));
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  return res.json() as NeedsAssessmentList;
}

const summaries = (list: NeedsAssessmentList) => list.assessments.map((a) => a.summary);

describe('making a needs assessment', () => {
  it('records it in the writer’s own secrecy domain and unit, with one entry in the log', async () => {
    const res = await (await as('teacher')).post(url(), body('teacher'));
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json() as NeedsAssessmentView;
    expect(view.revisions).toHaveLength(1);
    expect(view.revisions[0]).toMatchObject({ revision: 1, status: 'final', configVersion: 1, proposal: 'call_meeting', authorName: 'Tove Lärare', organisationName: 'Exempelstads kommun' });
    expect(view).toMatchObject({ secrecyDomainName: 'Förskola och skola', mayRevise: true, basis: 'own_organisation' });
    const place = await placeOf(t.database.db, 'teacher');
    const row = await t.database.db.selectFrom('needs_assessment_version').selectAll().where('assessment_id', '=', view.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ child_id: family.childId, organisation_id: place.organisationId, unit_id: place.unitId, author_id: place.userId, revision: 1, status: 'final' });
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.needs_assessment.record', outcome: 'success', subject_id: family.childId, details: expect.objectContaining({ category: 'wellbeing', assessmentId: view.id, revision: 1, status: 'final', basis: 'own_organisation' }) });
  });

  it('lets every team member make one in their own domain, and nobody else: not the family, an outsider, a manager or an administrator', async () => {
    for (const username of ['nurse', 'socialworker', 'psychologist']) {
      const res = await (await as(username)).post(url(), body(username));
      expect(res.statusCode, `${username}: ${res.body}`).toBe(201);
    }
    const before = await countRevisions();
    for (const username of ['guardian', 'child', 'outsider', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin', 'intake']) {
      const res = await (await as(username)).post(url(), body(username));
      expect(res.statusCode, username).toBe(403);
      const entries = (await auditOf(t.database.db, res)).filter((e) => e.subject_id === family.childId);
      expect(entries, username).toHaveLength(1);
      expect(entries[0], username).toMatchObject({ action: 'child.needs_assessment.record', outcome: 'denied' });
    }
    // The family gives its view on the wheel: the gate lets it write `wellbeing`, the area does not.
    expect((await (await as('guardian')).post(url(), body('guardian'))).json().error.details).toMatchObject({ reason: 'professionals_only' });
    expect(await countRevisions()).toBe(before);
  });

  it('refuses bad input with a 400 and writes nothing', async () => {
    const before = await countRevisions();
    const bad = [
      body('x', { summary: '' }),
      body('x', { proposal: null }),
      body('x', { proposal: 'wait' }),
      body('x', { status: 'done' }),
      body('x', { occurredOn: '2999-01-01' }),
      body('x', { occurredOn: '1990-01-01' }),
      body('x', { configVersionId: '00000000-0000-4000-8000-000000000000' }),
      body('x', { subAreas: [{ code: 'pets', strengths: '', challenges: '' }] }),
      body('x', { subAreas: [{ code: 'health', strengths: '', challenges: '' }, { code: 'health', strengths: '', challenges: '' }] }),
      body('x', { matrix: { ...emptyNeedsContent(today()).matrix, resilience_adverse: { text: '', factors: ['weather'] } } }),
    ];
    for (const b of bad) {
      const res = await (await as('teacher')).post(url(), b);
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await countRevisions()).toBe(before);
  });
});

describe('reading needs assessments', () => {
  it('shows each team member their own domain’s and those a consent shares; the psychologist (another domain, no consent for wellbeing) only her own', async () => {
    const teacher = await listOf('teacher');
    expect(summaries(teacher)).toEqual(expect.arrayContaining(['Sammanfattning (teacher)', 'Sammanfattning (nurse)', 'Sammanfattning (socialworker)']));
    expect(summaries(teacher)).not.toContain('Sammanfattning (psychologist)');
    expect(teacher.mayRecord).toBe(true);
    expect(teacher.assessments.find((a) => a.summary === 'Sammanfattning (nurse)')).toMatchObject({ basis: 'consent', secrecyDomainName: 'Elevhälsans medicinska och psykologiska insats' });
    const nurse = await listOf('nurse');
    expect(summaries(nurse)).toEqual(expect.arrayContaining(['Sammanfattning (teacher)', 'Sammanfattning (nurse)']));
    const psychologist = await listOf('psychologist');
    expect(summaries(psychologist)).toEqual(['Sammanfattning (psychologist)']);
    expect(psychologist.sharedFromOthers).toBe(false);
    const one = teacher.assessments.find((a) => a.summary === 'Sammanfattning (teacher)')!;
    const refused = await (await as('psychologist')).get(`${url()}/${one.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('Sammanfattning');
  });

  it('shows the family none (they read no wellbeing entries) and refuses everyone off the team, one entry per look', async () => {
    for (const username of ['guardian', 'child']) {
      expect(await listOf(username)).toEqual({ assessments: [], sharedFromOthers: false, mayRecord: false });
      const id = (await listOf('teacher')).assessments[0]!.id;
      expect((await (await as(username)).get(`${url()}/${id}`)).statusCode, username).toBe(404);
    }
    for (const username of ['outsider', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin', 'intake']) {
      const res = await (await as(username)).get(url());
      expect(res.statusCode, username).toBe(403);
      expect(res.body).not.toContain('Sammanfattning');
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0], username).toMatchObject({ action: 'child.needs_assessment.list', outcome: 'denied', subject_id: family.childId });
    }
    const look = await (await as('nurse')).get(url());
    expect(await auditOf(t.database.db, look)).toMatchObject([{ action: 'child.needs_assessment.list', outcome: 'success', details: expect.objectContaining({ category: 'wellbeing', basis: 'own_organisation' }) }]);
    const one = (look.json() as NeedsAssessmentList).assessments[0]!;
    const read = await (await as('nurse')).get(`${url()}/${one.id}`);
    expect(await auditOf(t.database.db, read)).toMatchObject([{ action: 'child.needs_assessment.read', outcome: 'success', details: expect.objectContaining({ assessmentId: one.id }) }]);
  });
});

describe('drafts and revisions: history is never overwritten', () => {
  let childId: string;
  let peer: string;
  let assessmentId: string;

  beforeAll(async () => {
    peer = await unitPeerOf(t.database.db, 'teacher', 'professional');
    childId = await createChild(t.database.db, { team: [{ username: 'teacher', role: 'named_person' }, { username: peer }, { username: 'nurse' }] });
    // The family consents to the municipality sharing wellbeing, as Ebba's did.
    const teacher = await placeOf(t.database.db, 'teacher');
    await t.database.db
      .insertInto('consent')
      .values({ child_id: childId, given_by: 'both_guardians', method: 'digital', note: null, organisation_ids: [teacher.organisationId], categories: ['wellbeing'], valid_from: '2000-01-01', valid_to: null, recorded_by: family.guardianUserId, recorded_at: new Date(clock.now().getTime() - 86_400_000) })
      .execute();
  });

  it('keeps a draft inside the writer’s domain: a colleague there continues it, a reader by consent does not see it', async () => {
    const draft = await (await as('teacher')).post(url(childId), body('draft', { status: 'draft', summary: '', proposal: null }));
    expect(draft.statusCode, draft.body).toBe(201);
    assessmentId = (draft.json() as NeedsAssessmentView).id;
    expect((await listOf(peer, childId)).assessments.map((a) => [a.id, a.status])).toEqual([[assessmentId, 'draft']]);
    expect((await listOf('nurse', childId)).assessments).toEqual([]);
    expect((await (await as('nurse')).get(`${url(childId)}/${assessmentId}`)).statusCode).toBe(404);
    const continued = await (await as(peer)).post(`${url(childId)}/${assessmentId}/revisions`, body('colleague', { status: 'draft', summary: '', proposal: null, basedOn: 1 }));
    expect(continued.statusCode, continued.body).toBe(201);
    expect((continued.json() as NeedsAssessmentView).revisions.map((r) => [r.revision, r.status])).toEqual([[2, 'draft'], [1, 'draft']]);
  });

  it('makes it final as the next revision; an edit on a replaced revision is refused, and another domain cannot write one', async () => {
    const final = await (await as('teacher')).post(`${url(childId)}/${assessmentId}/revisions`, body('final', { basedOn: 2 }));
    expect(final.statusCode, final.body).toBe(201);
    expect(await auditOf(t.database.db, final)).toMatchObject([{ action: 'child.needs_assessment.record', outcome: 'success', details: expect.objectContaining({ revision: 3, status: 'final' }) }]);
    const stale = await (await as(peer)).post(`${url(childId)}/${assessmentId}/revisions`, body('late', { basedOn: 2 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'stale_version' });
    expect(await auditOf(t.database.db, stale)).toMatchObject([{ action: 'child.needs_assessment.record', outcome: 'failure' }]);
    const other = await (await as('nurse')).post(`${url(childId)}/${assessmentId}/revisions`, body('nurse edit', { basedOn: 3 }));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.details).toMatchObject({ reason: 'other_secrecy_domain' });
    // The nurse now reads the final revision, and only it; she may not revise it.
    const nurse = (await (await as('nurse')).get(`${url(childId)}/${assessmentId}`)).json() as NeedsAssessmentView;
    expect(nurse.revisions.map((r) => [r.revision, r.status])).toEqual([[3, 'final']]);
    expect(nurse).toMatchObject({ mayRevise: false, basis: 'consent' });
    const teacher = (await (await as('teacher')).get(`${url(childId)}/${assessmentId}`)).json() as NeedsAssessmentView;
    expect(teacher.revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(teacher.revisions[2]!.subAreas[0]!.strengths).toBe('Läser gärna (draft)');
    expect(teacher.revisions[1]!.authorName).not.toBe('Tove Lärare');
  });

  it('changes a final assessment only as a new revision; the database refuses the app any update or delete', async () => {
    const changed = await (await as('teacher')).post(`${url(childId)}/${assessmentId}/revisions`, body('changed', { basedOn: 3, proposal: 'start_plan' }));
    expect(changed.statusCode).toBe(201);
    const rows = await t.database.db.selectFrom('needs_assessment_version').select(['revision', 'summary', 'proposal']).where('assessment_id', '=', assessmentId).orderBy('revision').execute();
    expect(rows.map((r) => [r.revision, r.summary, r.proposal])).toEqual([[1, '', null], [2, '', null], [3, 'Sammanfattning (final)', 'call_meeting'], [4, 'Sammanfattning (changed)', 'start_plan']]);
    const list = await listOf('nurse', childId);
    expect(list.assessments).toMatchObject([{ id: assessmentId, revision: 4, proposal: 'start_plan', status: 'final' }]);
    await expect(sql`UPDATE needs_assessment_version SET summary = 'x' WHERE assessment_id = ${assessmentId}`.execute(t.database.db)).rejects.toThrow(/permission denied/);
    await expect(sql`DELETE FROM needs_assessment_version WHERE assessment_id = ${assessmentId}`.execute(t.database.db)).rejects.toThrow(/permission denied/);
  });

  it('answers 404 for an assessment that is not the child’s, and writes nothing', async () => {
    const res = await (await as('teacher')).post(`${url()}/${assessmentId}/revisions`, body('wrong child', { basedOn: 4 }));
    expect(res.statusCode).toBe(404);
    expect(await auditOf(t.database.db, res)).toHaveLength(1);
  });
});

async function countRevisions(): Promise<number> {
  const row = await t.database.db.selectFrom('needs_assessment_version').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
