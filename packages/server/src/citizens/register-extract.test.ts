import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterExtract } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { pdfText } from '../test/pdf.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
const url = () => `/api/children/${family.childId}/register-extract`;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  // A look for the access log.
  expect((await (await t.loginAs('teacher')).get(`/api/children/${family.childId}`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('the register extract (GDPR art. 15)', () => {
  it('gives a guardian everything about the child and about themselves as JSON, logged once, without the record entries and saying why', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="registerutdrag-\d{4}-\d{2}-\d{2}\.json"/);
    const x = res.json() as RegisterExtract;
    expect(x).toMatchObject({ relation: 'guardian', language: 'sv', you: { username: 'guardian', guardian: { name: { givenName: 'Gunilla' } } } });
    expect(x.child.name).toMatchObject({ givenName: 'Ebba' });
    expect(x.child.careTeam.map((m) => m.displayName)).toContain('Tove Lärare');
    expect(x.consents.length).toBeGreaterThan(0);
    expect(x.accessLog.some((l) => l.who.startsWith('Tove Lärare'))).toBe(true);
    expect(x.leftOut.map((l) => l.what)).toEqual(expect.arrayContaining(['record_entries', 'others_own_looks']));
    expect(x.leftOut.find((l) => l.what === 'record_entries')!.why).toMatch(/offentlighets- och sekretesslagen/);
    // No entry of the record is in it: not its title, not its text.
    const entries = await t.database.db.selectFrom('record_entry').select(['title']).where('child_id', '=', family.childId).execute();
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(res.body).not.toContain(e.title);
    expect(res.body).not.toContain('categories":[{"category"');
    const logged = await auditOf(t.database.db, res);
    expect(logged).toEqual([expect.objectContaining({ action: 'child.register_extract', outcome: 'success', subject_id: family.childId })]);
    expect(logged[0]!.details).toMatchObject({ basis: 'own_record' });
  });

  it('is a printable page in the reader\'s language, every value escaped', async () => {
    const guardian = await t.loginAs('guardian');
    const sv = await guardian.get(`${url()}?format=html`);
    expect(sv.statusCode).toBe(200);
    expect(sv.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(sv.body).toMatch(/<html lang="sv">/);
    expect(sv.body).toContain('<h1>Registerutdrag: Ebba Vårdnadshavare</h1>');
    expect(sv.body).toContain('Vem har tittat');
    expect(sv.body).toContain('Tove Lärare');
    expect(sv.body).not.toContain('<script');
    const en = await guardian.get(`${url()}?format=html&lang=en`);
    expect(en.body).toMatch(/<html lang="en">/);
    expect(en.body).toContain('<h1>Register extract: Ebba Vårdnadshavare</h1>');
    expect(en.body).toContain('Not included');
    const json = (await guardian.request('GET', url(), undefined, { headers: { 'accept-language': 'en' } })).json() as RegisterExtract;
    expect(json.language).toBe('en');
    expect((await guardian.get(`${url()}?format=docx`)).statusCode).toBe(400);
  });

  it('is a PDF with the same sections, logged once', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.get(`${url()}?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="registerutdrag-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Registerutdrag: Ebba Vårdnadshavare');
    for (const heading of ['Vem har tittat', 'Tove Lärare']) expect(text).toContain(heading);
    const page = (await guardian.get(`${url()}?format=html`)).body;
    for (const heading of page.match(/<h2 id="[^"]+">([^<]+)<\/h2>/g)!.map((h) => h.replace(/<[^>]+>/g, ''))) expect(text).toContain(heading.replace(/&#39;/g, "'"));
    expect(await auditOf(t.database.db, res)).toEqual([expect.objectContaining({ action: 'child.register_extract', outcome: 'success' })]);
  });

  it('gives the child her own from the access age, and not below it', async () => {
    const child = await t.loginAs('child');
    const res = await child.get(url());
    expect(res.statusCode).toBe(200);
    expect((res.json() as RegisterExtract).relation).toBe('self');
    const rules = t.app.services.config.consentRules;
    const age = rules.childAccessFromAge;
    rules.childAccessFromAge = 15;
    try {
      const refused = await child.get(url());
      expect(refused.statusCode).toBe(403);
      expect((await auditOf(t.database.db, refused))[0]).toMatchObject({ action: 'child.register_extract', outcome: 'denied' });
    } finally {
      rules.childAccessFromAge = age;
    }
  });

  it('is refused to professionals, administrators and anyone anonymous, and the refusal is logged', async () => {
    for (const username of ['teacher', 'socialworker', 'manager', 'outsider', 'sysadmin', 'orgadmin']) {
      const res = await (await t.loginAs(username)).get(url());
      expect(res.statusCode, username).toBe(403);
      expect((await auditOf(t.database.db, res))[0], username).toMatchObject({ action: 'child.register_extract', outcome: 'denied' });
    }
    expect((await t.client().get(url())).statusCode).toBe(401);
    expect((await (await t.loginAs('guardian')).get('/api/children/not-an-id/register-extract')).statusCode).toBe(400);
  });
});
