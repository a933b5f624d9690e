import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type ChildView, type ConsentView } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, placeOf, type Family } from '../test/fixtures.ts';
import { currentDomainOfUnit } from '../secrecy-domains/queries.ts';

// The demo child's team works for one municipality in three secrecy domains: the teacher in the
// school's, the nurse in student health's, the social worker in social services'. The family's
// consents let wellbeing, concerns and the plan cross them; nothing else.
let t: TestApp;
let family: Family;
const domains: Record<'teacher' | 'nurse' | 'socialworker' | 'psychologist', string> = { teacher: '', nurse: '', socialworker: '', psychologist: '' };

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  for (const username of Object.keys(domains) as (keyof typeof domains)[]) {
    domains[username] = (await currentDomainOfUnit(t.database.db, (await placeOf(t.database.db, username)).unitId))!;
  }
});
afterAll(() => t.close());

const recordUrl = () => `/api/children/${family.childId}`;
const consentsUrl = () => `/api/children/${family.childId}/consents`;
const today = () => stockholmDate(t.app.services.clock.now());

async function recordAs(username: string): Promise<{ view: ChildView; body: string }> {
  const res = await (await t.loginAs(username)).get(recordUrl());
  expect(res.statusCode).toBe(200);
  return { view: res.json() as ChildView, body: res.body };
}

const titles = (view: ChildView, category: string) => view.categories.find((c) => c.category === category)!.entries.map((e) => e.title);

/** A written consent from both guardians, recorded by `username` on the family's behalf. */
async function recordConsent(username: string, parties: { domainIds?: string[]; organisationIds?: string[] }, categories: string[]) {
  return (await t.loginAs(username)).post(consentsUrl(), { givenBy: 'both_guardians', guardianIds: family.guardianIds, method: 'written', ...parties, categories, validFrom: today() });
}

describe('secrecy between domains of one municipality', () => {
  it('lets the teacher read her school’s entries but not social services’ or the school nurse’s', async () => {
    const { view, body } = await recordAs('teacher');
    expect(titles(view, 'school')).toContain('Frånvaro under hösten');
    expect(titles(view, 'health')).toEqual([]);
    expect(titles(view, 'social_services')).toEqual([]);
    expect(body).not.toContain('Hälsosamtal hos skolsköterskan');
    expect(body).not.toContain('Samtal med familjen');
    // Every entry says which domain it was written in.
    expect(view.categories.flatMap((c) => c.entries).find((e) => e.title === 'Frånvaro under hösten')).toMatchObject({ secrecyDomainName: 'Förskola och skola' });
  });

  it('opens the nurse’s health entries to the teacher once a consent names both their domains, and nothing else', async () => {
    const res = await recordConsent('socialworker', { domainIds: [domains.teacher, domains.nurse] }, ['health']);
    expect(res.statusCode).toBe(201);
    const { view, body } = await recordAs('teacher');
    expect(titles(view, 'health')).toEqual(['Hälsosamtal hos skolsköterskan']);
    expect(titles(view, 'social_services')).toEqual([]);
    // BUP's health entry is the region's: the consent does not name it.
    expect(body).not.toContain('Bedömningssamtal på BUP');
  });

  it('never widens the recorder’s own access by a consent they recorded', async () => {
    const own = await recordConsent('socialworker', { domainIds: [domains.socialworker, domains.nurse] }, ['health']);
    expect(own.statusCode).toBe(201);
    expect(titles((await recordAs('socialworker')).view, 'health')).toEqual([]);
    // The same consent entered by someone else is the family's consent for the social worker too.
    expect((await recordConsent('teacher', { domainIds: [domains.socialworker, domains.nurse] }, ['health'])).statusCode).toBe(201);
    expect(titles((await recordAs('socialworker')).view, 'health')).toEqual(['Hälsosamtal hos skolsköterskan']);
  });
});

describe('who may record a consent on the family’s behalf', () => {
  it('refuses the psychologist, whose place rests on a consent, and logs the refusal', async () => {
    const res = await recordConsent('psychologist', { organisationIds: [family.region, family.municipality] }, ['wellbeing', 'school', 'health', 'social_services', 'concern', 'plan']);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ reason: 'not_consent_recorder' });
    const [entry, ...rest] = await auditOf(t.database.db, res);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'child.consent.give', outcome: 'denied', actor_username: 'psychologist', subject_id: family.childId });
    // …and she still reads only the plan.
    const { view } = await recordAs('psychologist');
    expect(titles(view, 'school')).toEqual([]);
    expect(titles(view, 'social_services')).toEqual([]);
  });

  it('refuses a plain member of the team', async () => {
    const res = await recordConsent('nurse', { domainIds: [domains.nurse, domains.teacher] }, ['school']);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toMatchObject({ reason: 'not_consent_recorder' });
  });

  it('lets the lead professional record one, flagged, and the guardian sees at once who recorded it and may withdraw it', async () => {
    const res = await recordConsent('socialworker', { domainIds: [domains.socialworker, domains.teacher] }, ['school']);
    expect(res.statusCode).toBe(201);
    const created = res.json() as ConsentView;
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.consent.give', outcome: 'success' });
    expect(entry!.details).toMatchObject({ flagged: true, domainIds: [domains.socialworker, domains.teacher] });
    const list = await (await t.loginAs('guardian')).get(consentsUrl());
    const seen = (list.json().consents as ConsentView[]).find((c) => c.id === created.id)!;
    expect(seen).toMatchObject({ recordedBy: { kind: 'professional', name: 'Sixten Socialsekreterare' }, recordedByProfessional: true, mayWithdraw: true, status: 'in_force' });
    expect(seen.domains.map((d) => d.name).sort()).toEqual(['Förskola och skola', 'Socialtjänst']);
    expect((await (await t.loginAs('guardian')).post(`${consentsUrl()}/${created.id}/withdraw`, {})).statusCode).toBe(200);
  });

  it('refuses a consent without parties, and one naming a domain that does not exist', async () => {
    expect((await recordConsent('socialworker', {}, ['school'])).statusCode).toBe(400);
    const unknown = await recordConsent('socialworker', { domainIds: ['00000000-0000-4000-8000-000000000000'] }, ['school']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.domainIds', message: 'unknown_secrecy_domain' }]);
  });
});
