import { stockholmDate } from '@samsyn/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportAuditActions, type ChildReportsView, type IntakeQueue, type IntakeReportView, type ReportReceipt } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, createChild, demoFamily, placeOf, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
let olleId: string;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const report = { description: 'Olle säger att han inte vågar gå hem efter skolan. Han har blåmärken på armarna.', areas: ['safe'] };
const everyone = ['teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin', 'guardian', 'child', 'intake'];

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  olleId = (await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('a report of concern, sent without consent, received at intake and assessed', () => {
  let receipt: ReportReceipt;

  it('is sent by a team member about a child with no consent in force, and the receipt comes back', async () => {
    // Olle's only consent (the region's, for the plan) ran out a week ago: nothing is consented to now.
    const today = stockholmDate(t.app.services.clock.now());
    const inForce = await t.database.db
      .selectFrom('consent')
      .select('id')
      .where('child_id', '=', olleId)
      .where('withdrawn_at', 'is', null)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
      .execute();
    expect(inForce).toEqual([]);
    const res = await (await as('teacher')).post(`/api/children/${olleId}/reports-of-concern`, report);
    expect(res.statusCode, res.body).toBe(201);
    receipt = res.json() as ReportReceipt;
    expect(receipt).toMatchObject({ childId: olleId, intakeName: 'Socialtjänsten Exempelstad, mottagning barn och unga', feedback: 'received', legalGround: { code: 'sol_duty_to_report' } });
    expect(receipt.receivedAt).toBe(receipt.sentAt);
    expect(new Date(receipt.receivedAt).getTime()).toBeLessThanOrEqual(t.app.services.clock.now().getTime());
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.report_of_concern.send', outcome: 'success', subject_id: olleId, details: expect.objectContaining({ basis: 'legal_duty', reason: 'duty_to_report', legalGround: 'sol_duty_to_report', reportId: receipt.id }) });
    // The receipt reaches the reporter: on the child's record and in the list of her reports.
    const onRecord = (await (await as('teacher')).get(`/api/children/${olleId}/reports-of-concern`)).json() as ChildReportsView;
    expect(onRecord.mayReport).toBe(true);
    expect(onRecord.receipts.map((r) => r.id)).toContain(receipt.id);
    const sent = (await (await as('teacher')).get('/api/reports-of-concern/sent')).json() as { receipts: ReportReceipt[] };
    expect(sent.receipts.find((r) => r.id === receipt.id)).toMatchObject({ feedback: 'received', childName: { givenName: 'Olle' } });
  });

  it('lands in the intake’s queue with its receipt time and the protection assessment due the same day', async () => {
    const res = await (await as('intake')).get('/api/intake/reports');
    expect(res.statusCode).toBe(200);
    const queue = res.json() as IntakeQueue;
    const row = queue.reports.find((r) => r.id === receipt.id);
    expect(row).toMatchObject({ childId: olleId, receivedAt: receipt.receivedAt, status: { next: 'protection_assessment' }, feedback: 'received' });
    expect(new Date(row!.status.protectionAssessmentDue).getTime() - new Date(row!.receivedAt).getTime()).toBeLessThanOrEqual(86_400_000);
    // The queue asks the gate per child: one entry each, on the intake's own basis.
    const entries = await auditOf(t.database.db, res);
    const children = new Set(queue.reports.map((r) => r.childId));
    expect(entries.map((e) => e.subject_id).sort()).toEqual([...children].sort());
    expect(entries.every((e) => e.action === 'child.report_of_concern.intake_queue' && e.outcome === 'success')).toBe(true);
    // The demo queue has reports at every step.
    expect(new Set(queue.reports.map((r) => r.status.next))).toEqual(new Set(['protection_assessment', 'initial_assessment', 'done']));
  });

  it('is read by intake with the reporter named, and assessed in order: protection first, each step once', async () => {
    const intake = await as('intake');
    const read = await intake.get(`/api/intake/reports/${receipt.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ description: report.description, reporter: { name: 'Tove Lärare' }, steps: [] });
    expect((await auditOf(t.database.db, read))[0]).toMatchObject({ action: 'child.report_of_concern.intake_read', outcome: 'success', subject_id: olleId, details: expect.objectContaining({ basis: 'legal_duty', reason: 'report_intake' }) });

    const tooEarly = await intake.post(`/api/intake/reports/${receipt.id}/steps`, { step: 'initial_assessment', outcome: 'investigation_opened' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.details).toMatchObject({ reason: 'protection_assessment_first' });
    expect((await auditOf(t.database.db, tooEarly))[0]).toMatchObject({ action: 'child.report_of_concern.intake_step', outcome: 'failure' });
    const wrongOutcome = await intake.post(`/api/intake/reports/${receipt.id}/steps`, { step: 'protection_assessment', outcome: 'investigation_opened' });
    expect(wrongOutcome.statusCode).toBe(400);

    const assessed = await intake.post(`/api/intake/reports/${receipt.id}/steps`, { step: 'protection_assessment', outcome: 'no_immediate_protection_needed', note: 'Skyddsbedömning: barnet är i skolan.' });
    expect(assessed.statusCode, assessed.body).toBe(200);
    expect((assessed.json() as IntakeReportView).status.next).toBe('initial_assessment');
    const entries = await auditOf(t.database.db, assessed);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.report_of_concern.intake_step', outcome: 'success', details: expect.objectContaining({ step: 'protection_assessment', basis: 'legal_duty' }) });
    expect((await intake.post(`/api/intake/reports/${receipt.id}/steps`, { step: 'protection_assessment', outcome: 'immediate_protection_needed' })).statusCode).toBe(409);
    // The reporter still learns only that it was received.
    const before = (await (await as('teacher')).get(`/api/children/${olleId}/reports-of-concern`)).json() as ChildReportsView;
    expect(before.receipts.find((r) => r.id === receipt.id)?.feedback).toBe('received');

    const decided = await intake.post(`/api/intake/reports/${receipt.id}/steps`, { step: 'initial_assessment', outcome: 'investigation_opened', note: 'Förhandsbedömning klar.' });
    expect(decided.statusCode).toBe(200);
    expect((decided.json() as IntakeReportView).status).toMatchObject({ next: 'done', overdue: false });
  });

  it('answers the reporter only what the law allows: received, then whether an investigation was opened', async () => {
    const res = await (await as('teacher')).get(`/api/children/${olleId}/reports-of-concern`);
    const mine = (res.json() as ChildReportsView).receipts.find((r) => r.id === receipt.id);
    expect(mine?.feedback).toBe('investigation_opened');
    expect(res.body).not.toContain('Skyddsbedömning');
    expect(res.body).not.toContain('Förhandsbedömning');
    expect(res.body).not.toContain('Ingrid');
    expect(res.body).not.toContain('no_immediate_protection_needed');
  });

  it('is invisible to the rest of the team, to other intakes, and to the family', async () => {
    for (const username of ['nurse', 'socialworker']) {
      const c = await as(username);
      const own = (await c.get(`/api/children/${olleId}/reports-of-concern`)).json() as ChildReportsView;
      expect(own.receipts, username).toEqual([]);
      expect(own.mayReport, username).toBe(true);
      const sent = await c.get('/api/reports-of-concern/sent');
      expect(sent.body, username).not.toContain(receipt.id);
      expect((await c.get('/api/intake/reports')).statusCode, username).toBe(403);
      const read = await c.get(`/api/intake/reports/${receipt.id}`);
      expect(read.statusCode, username).toBe(403);
      expect(read.body).not.toContain('blåmärken');
      expect((await auditOf(t.database.db, read))[0]).toMatchObject({ action: 'child.report_of_concern.intake_read', outcome: 'denied', subject_id: olleId });
      expect((await c.post(`/api/intake/reports/${receipt.id}/steps`, { step: 'protection_assessment', outcome: 'immediate_protection_needed' })).statusCode).toBe(403);
      // Nothing on the record shows it.
      expect((await c.get(`/api/children/${olleId}`)).body, username).not.toContain('blåmärken');
    }
    // The intake of another municipality sees neither the queue's report nor its text.
    const outsider = await placeOf(t.database.db, 'outsider');
    const norrvik = await t.database.db.selectFrom('intake_unit').select('unit_id').where('organisation_id', '=', outsider.organisationId).executeTakeFirstOrThrow();
    await t.database.db.insertInto('user_role').values({ user_id: outsider.userId, organisation_id: outsider.organisationId, unit_id: norrvik.unit_id, role: 'professional' }).execute();
    const other = await t.loginAs('outsider');
    const queue = await other.get('/api/intake/reports');
    expect(queue.statusCode).toBe(200);
    expect((queue.json() as IntakeQueue).reports.map((r) => r.id)).not.toContain(receipt.id);
    expect((await other.get(`/api/intake/reports/${receipt.id}`)).statusCode).toBe(403);
    // The guardian sees the record but neither the report nor who made it.
    const guardian = await as('guardian');
    const onRecord = (await guardian.get(`/api/children/${olleId}/reports-of-concern`)).json() as ChildReportsView;
    expect(onRecord).toEqual({ mayReport: false, receipts: [] });
    expect((await guardian.get('/api/intake/reports')).statusCode).toBe(403);
    const log = await guardian.get(`/api/children/${olleId}/access-log?pageSize=100`);
    expect(log.statusCode).toBe(200);
    const entries = (log.json() as { entries: { action: string; who: { name: string } }[] }).entries;
    expect(entries.some((e) => (reportAuditActions as readonly string[]).includes(e.action))).toBe(false);
    expect(entries.some((e) => e.who.name === 'Ingrid Mottagning')).toBe(false);
    expect(log.body).not.toContain('report_of_concern');
    const extract = await guardian.get(`/api/children/${olleId}/access-log/extract?format=csv`);
    expect(extract.statusCode).toBe(200);
    expect(extract.body).not.toContain('Ingrid Mottagning');
    expect(extract.body).not.toContain('Tove Lärare');
  });

  it('hides a report about the child from the child’s own access log too', async () => {
    const sent = await (await as('nurse')).post(`/api/children/${family.childId}/reports-of-concern`, { description: 'Ebba berättar att hon inte får äta när hon kommer hem sent.' });
    expect(sent.statusCode).toBe(201);
    const id = (sent.json() as ReportReceipt).id;
    await (await as('intake')).get(`/api/intake/reports/${id}`);
    for (const username of ['child', 'guardian']) {
      const log = await (await as(username)).get(`/api/children/${family.childId}/access-log?pageSize=100`);
      expect(log.statusCode, username).toBe(200);
      expect(log.body, username).not.toContain('report_of_concern');
      expect(log.body, username).not.toContain('Ingrid Mottagning');
      const entries = (log.json() as { entries: { action: string; who: { name: string }; at: string }[] }).entries;
      // The nurse's report left no trace the family can see.
      expect(entries.filter((e) => e.who.name === 'Nora Skolsköterska' && e.at >= (sent.json() as ReportReceipt).sentAt), username).toEqual([]);
    }
    // The teacher, a third team member, does not see the nurse's report.
    const teacher = (await (await as('teacher')).get(`/api/children/${family.childId}/reports-of-concern`)).json() as ChildReportsView;
    expect(teacher.receipts.map((r) => r.id)).not.toContain(id);
  });
});

describe('who may send a report and who may work the intake queue', () => {
  it('lets every current team member report, whatever their basis, and nobody else', async () => {
    const may = new Set(['teacher', 'nurse', 'socialworker', 'psychologist']);
    for (const username of everyone) {
      const res = await (await as(username)).post(`/api/children/${family.childId}/reports-of-concern`, { description: 'Ett test av vem som får skicka en orosanmälan.' });
      expect(res.statusCode, username).toBe(may.has(username) ? 201 : 403);
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.report_of_concern.send', outcome: may.has(username) ? 'success' : 'denied', subject_id: family.childId });
    }
  });

  it('refuses an emergency access the report (it is read-only), and bad input with a 400', async () => {
    const outsider = await t.loginAs('outsider');
    const opened = await outsider.post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut fara för barnets hälsa, behöver se planen.', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    expect((await outsider.post(`/api/children/${family.childId}/reports-of-concern`, { description: 'Med nödåtkomst skickar man ingen anmälan.' })).statusCode).toBe(403);
    const teacher = await as('teacher');
    for (const body of [{ description: 'kort' }, { description: 'x'.repeat(8001) }, { description: 'Giltig beskrivning här.', areas: ['unknown'] }, {}]) {
      expect((await teacher.post(`/api/children/${family.childId}/reports-of-concern`, body)).statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
  });

  it('refuses a report when the child’s municipality has no intake, and writes nothing', async () => {
    const home = (await placeOf(t.database.db, 'teacher')).organisationId;
    const intake = await t.database.db.selectFrom('intake_unit').selectAll().where('organisation_id', '=', home).executeTakeFirstOrThrow();
    await t.database.db.deleteFrom('intake_unit').where('organisation_id', '=', home).execute();
    try {
      const before = await t.database.db.selectFrom('report_of_concern').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const res = await (await as('teacher')).post(`/api/children/${olleId}/reports-of-concern`, report);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details).toMatchObject({ reason: 'no_intake' });
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.report_of_concern.send', outcome: 'failure' });
      const after = await t.database.db.selectFrom('report_of_concern').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    } finally {
      await t.database.db.insertInto('intake_unit').values(intake).execute();
    }
  });

  it('opens the intake queue and its reports only to intake staff', async () => {
    const [first] = (((await (await as('intake')).get('/api/intake/reports')).json()) as IntakeQueue).reports;
    expect(first).toBeDefined();
    for (const username of everyone.filter((u) => u !== 'intake' && u !== 'outsider')) {
      const c = await as(username);
      expect((await c.get('/api/intake/reports')).statusCode, username).toBe(403);
      expect((await c.get(`/api/intake/reports/${first!.id}`)).statusCode, username).toBe(403);
      expect((await c.get('/api/intake/places')).json(), username).toEqual({ intakes: [] });
    }
    expect(((await (await as('intake')).get('/api/intake/places')).json() as { intakes: unknown[] }).intakes).toHaveLength(1);
    expect((await (await as('intake')).get('/api/intake/reports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('does not count a professional role the intake worker granted themselves', async () => {
    const intakeUser = await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'intake').executeTakeFirstOrThrow();
    await t.database.db.updateTable('user_role').set({ granted_by: intakeUser.id }).where('user_id', '=', intakeUser.id).execute();
    try {
      expect((await (await t.loginAs('intake')).get('/api/intake/reports')).statusCode).toBe(403);
    } finally {
      await t.database.db.updateTable('user_role').set({ granted_by: null }).where('user_id', '=', intakeUser.id).execute();
    }
  });
});

describe('a report about a child with a protected identity', () => {
  it('shows intake no name in the queue, the child when the report is opened, and flags that look', async () => {
    const childId = await createChild(t.database.db, { protectedIdentity: 'skyddad_folkbokforing', givenName: 'Hemlig', team: [{ username: 'teacher' }] });
    const sent = await (await as('teacher')).post(`/api/children/${childId}/reports-of-concern`, { description: 'Barnet berättar om hot från en släkting.' });
    expect(sent.statusCode).toBe(201);
    const id = (sent.json() as ReportReceipt).id;
    expect((sent.json() as ReportReceipt).childName).toBeNull();
    const intake = await as('intake');
    const queue = await intake.get('/api/intake/reports');
    const row = (queue.json() as IntakeQueue).reports.find((r) => r.id === id);
    expect(row?.childName).toBeNull();
    expect(row?.identityNumber).toMatch(/\*{4}$/);
    expect(queue.body).not.toContain('Hemlig');
    const read = await intake.get(`/api/intake/reports/${id}`);
    expect((read.json() as IntakeReportView).childName).toEqual({ givenName: 'Hemlig', familyName: 'Barnsson' });
    expect((await auditOf(t.database.db, read))[0]?.details).toMatchObject({ flagged: true, reason: 'report_intake' });
  });
});
