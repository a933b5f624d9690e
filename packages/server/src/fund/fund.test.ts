import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type ApplicationView, type FundList, type FundView } from '@samsyn/core';
import { county } from '../demo/county.ts';
import { demoFundName, workedExampleInput } from '../demo/fund.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

/**
 * The fund through the API on a real database: the demo's fund, who may do what (every demo
 * role, both sides), a decision that waits for its impact assessment and updates the remaining
 * budget, the audit entries, and the stored calculation giving docs/socio-economic.md's figures.
 */

let t: TestApp;
let manager: TestClient;
let coordinator: TestClient;
let fund: FundView;
let year: number;
let municipality1: string;

const orgId = async (name: string) => (await t.database.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('fundmanager');
  coordinator = await t.loginAs('coordinator');
  const list = (await manager.get('/api/fund')).json() as FundList;
  fund = (await manager.get(`/api/fund/${list.funds.find((f) => f.name === demoFundName)!.id}`)).json();
  year = Number(stockholmDate(t.app.services.clock.now()).slice(0, 4));
  municipality1 = await orgId(county.municipalities[0].name);
});
afterAll(() => t.close());

const applicationInput = (over: Record<string, unknown> = {}) => ({
  callId: fund.calls[0]!.id, title: 'Prov: läsfrämjande', applicantOrganisationId: municipality1, targetGroup: 'Elever i årskurs 1', ageFrom: 6, ageTo: 8,
  intervention: 'Läsombud.', partnerOrganisationIds: [], budget: [{ year, amount: 250_000 }, { year: year + 1, amount: 100_000 }], expectedEffects: 'Fler läser.', indicatorIds: [], ...over,
});

async function submitted(): Promise<ApplicationView> {
  const draft = await coordinator.post('/api/fund/applications', applicationInput());
  expect(draft.statusCode).toBe(201);
  const res = await coordinator.post(`/api/fund/applications/${(draft.json() as ApplicationView).id}/submit`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('the demo fund', () => {
  it('holds 12 MSEK over four years, 10 applications, 5 granted (one with conditions), 3 rejected, and 3 years of reports', async () => {
    expect(fund.total.budget).toBe(12_000_000);
    expect(fund.years.map((y) => y.year)).toEqual([year - 3, year - 2, year - 1, year]);
    expect(fund.applications).toHaveLength(10);
    const count = (s: string) => fund.applications.filter((a) => a.status === s).length;
    expect([count('granted'), count('granted_with_conditions'), count('rejected'), count('submitted'), count('draft')]).toEqual([4, 1, 3, 1, 1]);
    expect(fund.total.granted).toBe(8_600_000);
    expect(fund.total.remaining).toBe(3_400_000);
    expect(fund.total.disbursed).toBe(8_600_000);
    const project = (await manager.get(`/api/fund/applications/${fund.applications[0]!.id}`)).json() as ApplicationView;
    expect(project.reports).toHaveLength(3);
    expect(new Set(project.reports.map((r) => r.reportedOn.slice(0, 4))).size).toBe(3);
    expect(project.reports.at(-1)!.reportedOn > project.projectEnd!).toBe(true);
    const conditional = fund.applications.find((a) => a.status === 'granted_with_conditions')!;
    expect(((await manager.get(`/api/fund/applications/${conditional.id}`)).json() as ApplicationView).decision!.conditions).toMatch(/termin/);
    const rejected = await Promise.all(fund.applications.filter((a) => a.status === 'rejected').map(async (a) => ((await manager.get(`/api/fund/applications/${a.id}`)).json() as ApplicationView).decision!.reason));
    expect(rejected.every((r) => r.length > 10)).toBe(true);
    const calculated = await t.database.db.selectFrom('fund_calculation').select('application_id').execute();
    expect(calculated.length).toBeGreaterThanOrEqual(2);
  });
});

describe('who may do what', () => {
  it('lets every professional read, refuses citizens (403) and the anonymous (401)', async () => {
    for (const username of ['sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'fundmanager', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider']) {
      const client = await t.loginAs(username);
      expect((await client.get(`/api/fund/${fund.id}`)).statusCode, username).toBe(200);
    }
    for (const username of ['guardian', 'child']) expect((await (await t.loginAs(username)).get(`/api/fund/${fund.id}`)).statusCode, username).toBe(403);
    expect((await t.client().get(`/api/fund/${fund.id}`)).statusCode).toBe(401);
  });

  it('lets the applicant organisation’s coordinators and unit managers draft and submit, no one else', async () => {
    for (const username of ['coordinator', 'manager']) expect((await (await t.loginAs(username)).post('/api/fund/applications', applicationInput())).statusCode, username).toBe(201);
    for (const username of ['sysadmin', 'orgadmin', 'analyst', 'fundmanager', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'guardian', 'child']) {
      expect((await (await t.loginAs(username)).post('/api/fund/applications', applicationInput())).statusCode, username).toBe(403);
    }
    const draft = (await coordinator.post('/api/fund/applications', applicationInput())).json() as ApplicationView;
    expect(draft.actions).toMatchObject({ edit: true, submit: true, decide: false });
    expect((await (await t.loginAs('outsider')).post(`/api/fund/applications/${draft.id}/submit`)).statusCode).toBe(403);
  });

  it('lets only fund managers assess, decide and disburse; the answer offers the decision only to them', async () => {
    const app = await submitted();
    expect(app.actions.decide).toBe(false);
    for (const username of ['sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'guardian', 'child']) {
      const client = await t.loginAs(username);
      expect((await client.post(`/api/fund/applications/${app.id}/impact-assessment`, { state: 'not_needed', reason: 'Ingen påverkan på barn alls.' })).statusCode, username).toBe(403);
      expect((await client.post(`/api/fund/applications/${app.id}/decision`, { outcome: 'granted', reason: 'Bra.' })).statusCode, username).toBe(403);
    }
    expect(((await manager.get(`/api/fund/applications/${app.id}`)).json() as ApplicationView).actions).toMatchObject({ assess: true, decide: false });
  });
});

describe('a decision', () => {
  it('is refused until the impact assessment is done or not needed, then updates the remaining budget and is audited', async () => {
    const app = await submitted();
    const refused = await manager.post(`/api/fund/applications/${app.id}/decision`, { outcome: 'granted', reason: 'Väl underbyggd.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('fund_assessment_required');
    expect((await manager.post(`/api/fund/applications/${app.id}/impact-assessment`, { state: 'draft', answers: {} })).statusCode).toBe(200);
    expect((await manager.post(`/api/fund/applications/${app.id}/decision`, { outcome: 'granted', reason: 'Väl underbyggd.' })).json().error.code).toBe('fund_assessment_required');
    expect((await manager.post(`/api/fund/applications/${app.id}/impact-assessment`, { state: 'not_needed', reason: 'Beslutet gäller en liten förlängning av en pågående insats.' })).statusCode).toBe(200);
    expect(((await manager.get(`/api/fund/applications/${app.id}`)).json() as ApplicationView).actions.decide).toBe(true);
    const before = ((await manager.get(`/api/fund/${fund.id}`)).json() as FundView).years.find((y) => y.year === year)!.remaining;
    const granted = await manager.post(`/api/fund/applications/${app.id}/decision`, { outcome: 'granted', reason: 'Väl underbyggd.' });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().decision).toMatchObject({ outcome: 'granted', reason: 'Väl underbyggd.', decidedBy: 'Fia Fondförvaltare' });
    const after = ((await manager.get(`/api/fund/${fund.id}`)).json() as FundView).years.find((y) => y.year === year)!.remaining;
    expect(before - after).toBe(250_000);
    expect((await manager.post(`/api/fund/applications/${app.id}/decision`, { outcome: 'rejected', reason: 'Igen.' })).json().error.code).toBe('fund_application_state');
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', app.id).orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['fund.application.create', 'fund.application.submit', 'impact_assessment.save', 'impact_assessment.save', 'fund.application.decide']);
    expect(entries.at(-1)!.details).toMatchObject({ outcome: 'granted', reason: 'Väl underbyggd.', assessment: 'not_needed' });
  });

  it('with conditions needs the conditions; disbursements and reports follow a grant', async () => {
    const app = await submitted();
    await manager.post(`/api/fund/applications/${app.id}/impact-assessment`, { state: 'not_needed', reason: 'Ingen påverkan på barnen alls.' });
    expect((await manager.post(`/api/fund/applications/${app.id}/decision`, { outcome: 'granted_with_conditions', reason: 'Ja.' })).statusCode).toBe(400);
    expect((await manager.post(`/api/fund/applications/${app.id}/decision`, { outcome: 'granted_with_conditions', reason: 'Ja.', conditions: 'Rapport varje termin.' })).statusCode).toBe(201);
    const paid = await manager.post(`/api/fund/applications/${app.id}/disbursements`, { year, amount: 100_000, paidOn: stockholmDate(t.app.services.clock.now()) });
    expect(paid.statusCode).toBe(201);
    expect((await coordinator.post(`/api/fund/applications/${app.id}/disbursements`, { year, amount: 1, paidOn: '2026-01-01' })).statusCode).toBe(403);
    const report = await coordinator.post(`/api/fund/applications/${app.id}/reports`, { reportedOn: stockholmDate(t.app.services.clock.now()), summary: 'Gott läge.' });
    expect(report.statusCode).toBe(201);
    expect((await (await t.loginAs('outsider')).post(`/api/fund/applications/${app.id}/reports`, { reportedOn: '2026-01-01', summary: 'x' })).statusCode).toBe(403);
  });
});

describe('the socio-economic calculation', () => {
  it('stored as docs/socio-economic.md’s worked example gives its figures to the krona, and its PDF holds them', async () => {
    const project = fund.applications.find((a) => a.title === 'Familjecentral med hembesök')!;
    const res = (await manager.get(`/api/fund/applications/${project.id}/calculation`)).json();
    expect(res.input).toEqual(workedExampleInput);
    expect(res.result).toMatchObject({ totalCost: 3_600_000, presentCost: 3_479_633, netPresentValue: 3_282_501, presentAvoidedPerPerson: 676_212, breakEvenPeople: 5.15, breakEvenWholePeople: 6 });
    expect(res.result.sensitivity.map((s: { netPresentValue: number }) => s.netPresentValue).slice(1)).toEqual([3_282_501, 6_663_566]);
    const pdf = await manager.get(`/api/fund/applications/${project.id}/calculation.pdf?lang=sv`);
    expect(pdf.statusCode).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload), useSystemFonts: false, isEvalSupported: false }).promise;
    let content = '';
    for (let p = 1; p <= doc.numPages; p += 1) content += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? `${i.str} ` : '')).join('');
    const words = content.replace(/\s+/g, ' ');
    for (const figure of ['3 282 501 kr', '6 663 566 kr', '1 345 962 kr', '−98 568 kr', '5,15 (6)']) expect(words).toContain(figure);
    expect(words).toContain('Nettonuvärde');
  });

  it('is saved by the applicant’s coordinators or the fund managers, refused to others, and audited', async () => {
    const app = await submitted();
    expect((await (await t.loginAs('teacher')).patch(`/api/fund/applications/${app.id}/calculation`, workedExampleInput)).statusCode).toBe(403);
    expect((await coordinator.patch(`/api/fund/applications/${app.id}/calculation`, { ...workedExampleInput, discountRate: 0.9 })).statusCode).toBe(400);
    expect((await coordinator.patch(`/api/fund/applications/${app.id}/calculation`, workedExampleInput)).statusCode).toBe(200);
    const entry = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', app.id).where('action', '=', 'fund.calculation.save').execute();
    expect(entry).toHaveLength(1);
  });
});
