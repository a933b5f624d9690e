import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';

interface Look { who: { kind: string; name: string; title: string | null; organisation: string | null }; what: string; basis: string | null; basisText: string; text: string; action: string }
interface Log { childId: string; entries: Look[]; total: number }

let t: TestApp;
let family: Family;
let childId: string;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  childId = family.childId;
  expect((await (await t.loginAs('teacher')).get(`/api/children/${childId}`)).statusCode).toBe(200);
  expect((await (await t.loginAs('psychologist')).get(`/api/children/${childId}`)).statusCode).toBe(200);
  expect((await (await t.loginAs('nurse')).get(`/api/children/${childId}`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('my children (citizen accounts)', () => {
  it("shows a guardian their child, logged as a look at the record", async () => {
    const res = await (await t.loginAs('guardian')).get('/api/me/children');
    expect(res.statusCode).toBe(200);
    const children = res.json() as { id: string; relation: string; identityNumber: string }[];
    expect(children.find((c) => c.id === childId)).toMatchObject({ relation: 'guardian', actions: ['give_consent'] });
    expect(children.every((c) => /^\d{8}-\d{4}$/.test(c.identityNumber))).toBe(true);
    const entries = await auditOf(t.database.db, res);
    expect(entries.find((e) => e.subject_id === childId)).toMatchObject({ action: 'citizen.children.list', outcome: 'success' });
    expect(entries.find((e) => e.subject_id === childId)!.details).toMatchObject({ basis: 'own_record' });
  });

  it('shows the child, aged 14, themselves, without offering a consent her own consent cannot give yet', async () => {
    const children = (await (await t.loginAs('child')).get('/api/me/children')).json() as { id: string; relation: string }[];
    expect(children).toEqual([expect.objectContaining({ id: childId, relation: 'self', actions: [] })]);
  });

  it('is for citizens only', async () => {
    expect((await (await t.loginAs('teacher')).get('/api/me/children')).statusCode).toBe(403);
  });
});

describe("the access log: who looked at the record, when and on what basis", () => {
  it('shows the guardian who read the record and on what basis, in plain Swedish', async () => {
    const res = await (await t.loginAs('guardian')).get(`/api/children/${childId}/access-log`);
    expect(res.statusCode).toBe(200);
    const log = res.json() as Log;
    const teacher = log.entries.find((e) => e.who.name === 'Tove Lärare' && e.action === 'child.record.read');
    expect(teacher).toMatchObject({ who: { kind: 'professional', title: 'Lärare' }, what: 'läste journalen', basis: 'own_organisation' });
    expect(teacher!.text).toMatch(/^Tove Lärare \(.+\) läste journalen \d{4}-\d{2}-\d{2} \d{2}:\d{2}, grund: arbetar i teamet runt barnet$/);
    const psychologist = log.entries.find((e) => e.who.name === 'Petra Psykolog');
    expect(psychologist).toMatchObject({ basis: 'consent', basisText: expect.stringContaining('samtycke') });
    // Reading the log is logged, with the guardian's basis.
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.access_log.read', outcome: 'success', subject_id: childId });
    expect(entry!.details).toMatchObject({ basis: 'own_record', category: 'access_log' });
  });

  it('speaks English on request', async () => {
    const client = await t.loginAs('guardian');
    client.headers['accept-language'] = 'en';
    const log = (await client.get(`/api/children/${childId}/access-log`)).json() as Log;
    expect(log.entries.find((e) => e.who.name === 'Tove Lärare')!.text).toMatch(/read the record .*, basis: works in the team around the child$/);
  });

  it('shows the child the same, and the guardian only as a guardian, never by name or id', async () => {
    const res = await (await t.loginAs('child')).get(`/api/children/${childId}/access-log`);
    expect(res.statusCode).toBe(200);
    const log = res.json() as Log;
    expect(log.entries.some((e) => e.who.name === 'Tove Lärare')).toBe(true);
    const guardianLooks = log.entries.filter((e) => e.who.kind === 'guardian');
    expect(guardianLooks.length).toBeGreaterThan(0);
    expect(guardianLooks.every((e) => e.who.name === 'En vårdnadshavare' && e.who.organisation === null)).toBe(true);
    expect(res.body).not.toContain(family.guardianUserId);
    const guardianName = await t.database.db.selectFrom('app_user').select('display_name').where('id', '=', family.guardianUserId).executeTakeFirstOrThrow();
    expect(res.body).not.toContain(guardianName.display_name);
  });

  it("leaves out the reader's own looks, so reading the log does not fill it", async () => {
    const log = (await (await t.loginAs('guardian')).get(`/api/children/${childId}/access-log`)).json() as Log;
    expect(log.entries.some((e) => e.who.kind === 'guardian')).toBe(false);
  });

  it("refuses someone outside the team, and a team member who is no log reviewer, and logs it", async () => {
    for (const username of ['outsider', 'psychologist', 'analyst']) {
      const res = await (await t.loginAs(username)).get(`/api/children/${childId}/access-log`);
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.code).toBe('access_denied');
      const [entry] = await auditOf(t.database.db, res);
      expect(entry, username).toMatchObject({ action: 'child.access_log.read', outcome: 'denied', subject_id: childId });
    }
  });

  it("shows a log reviewer the looks of the people in their scope", async () => {
    const res = await (await t.loginAs('manager')).get(`/api/children/${childId}/access-log`);
    expect(res.statusCode).toBe(200);
    const names = new Set((res.json() as Log).entries.map((e) => e.who.name));
    expect(names).toContain('Tove Lärare');
    expect(names).not.toContain('Nora Skolsköterska');
    expect(names).not.toContain('Petra Psykolog');
    const [entry] = await auditOf(t.database.db, res);
    expect(entry!.details).toMatchObject({ basis: 'legal_duty' });
  });

  it('names each action for what it did, and a reviewer by role, not by job title', async () => {
    const teacher = await t.loginAs('teacher');
    const shared = await teacher.post(`/api/children/${childId}/disclosures`, { decision: 'not_shared', toOrganisationId: family.region, categories: ['school'], what: 'Skolans anteckningar', reason: 'Inget samtycke' });
    expect(shared.statusCode).toBe(201);
    const reviewed = await (await t.loginAs('manager')).get(`/api/log-review?childId=${childId}`);
    expect(reviewed.statusCode).toBe(200);
    for (const [language, disclosure, reviewer] of [['sv', 'registrerade en delning', 'enhetschef, granskning av loggen'], ['en', 'recorded a disclosure', 'unit manager, reviewing the log']] as const) {
      const log = (await (await t.loginAs('guardian')).request('GET', `/api/children/${childId}/access-log`, undefined, { headers: { 'accept-language': language } })).json() as Log;
      const share = log.entries.find((e) => e.action === 'child.disclosure.record')!;
      expect(share.what).toBe(disclosure);
      expect(share.text).not.toMatch(/ändrade|changed/);
      const review = log.entries.find((e) => e.action === 'child.log_review.search')!;
      expect(review.who).toMatchObject({ name: 'Maja Rektor', title: reviewer });
    }
  });

  it('answers 404 for a child that does not exist', async () => {
    expect((await (await t.loginAs('guardian')).get('/api/children/00000000-0000-4000-8000-000000000000/access-log')).statusCode).toBe(404);
  });
});

describe('the log extract (registerutdrag)', () => {
  it('downloads as CSV with Swedish headers', async () => {
    const res = await (await t.loginAs('guardian')).get(`/api/children/${childId}/access-log/extract`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="loggutdrag-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFFTid;Vem;Titel;Organisation;Vad;Grund;Förklaring;Lagstöd\r\n')).toBe(true);
    expect(res.body).toContain(';Tove Lärare;Lärare;');
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.access_log.extract', outcome: 'success' });
  });

  it('downloads as JSON on request', async () => {
    const res = await (await t.loginAs('child')).get(`/api/children/${childId}/access-log/extract?format=json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="loggutdrag-.*\.json"/);
    expect((res.json() as Look[]).some((e) => e.who.name === 'Tove Lärare')).toBe(true);
  });

  it('is refused to someone outside the team', async () => {
    expect((await (await t.loginAs('outsider')).get(`/api/children/${childId}/access-log/extract`)).statusCode).toBe(403);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
