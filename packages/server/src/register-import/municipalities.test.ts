import { populationRegisterHeaders } from '@samsyn/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, userIdOf } from '../test/fixtures.ts';
import { freshTestNumbers } from '../test/identity-numbers.ts';
import { registerFile, type RegisterFileRow } from './register-file.ts';

// A region's or a county's population-register extract holds children of several municipalities:
// each row's kommunkod says whose register it is. An administrator imports only the rows of the
// municipality whose register they keep; every other row is reported on its own line, nothing of
// it compared with Samsyn's register or repeated in the preview.

let t: TestApp;
let children: string[];
let adults: string[];
const org: Record<'exempelstad' | 'norrvik' | 'sjobacka' | 'region', string> = { exempelstad: '', norrvik: '', sjobacka: '', region: '' };

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const now = t.app.services.clock.now();
  children = await freshTestNumbers(db, now, 10, 12, 40);
  adults = await freshTestNumbers(db, now, 40, 12, 900);
  const orgs = await db.selectFrom('organisation').select(['id', 'name']).execute();
  const id = (name: string) => orgs.find((o) => o.name === name)!.id;
  Object.assign(org, { exempelstad: id('Exempelstads kommun'), norrvik: id('Norrviks kommun'), sjobacka: id('Sjöbacka kommun'), region: id('Region Exempellän') });
});
afterAll(() => t.close());

const extract = (rows: readonly RegisterFileRow[]) => registerFile(rows, populationRegisterHeaders);
const pupil = (i: number, kommunkod: string, extra: RegisterFileRow = {}): RegisterFileRow => ({
  kommunkod,
  personnummer: children[i]!,
  'förnamn': `Länsbarn${i}`,
  efternamn: 'Utdragsson',
  adress: `Länsvägen ${i + 1}`,
  postnummer: '99160',
  'vårdnadshavare 1 personnummer': adults[i]!,
  'vårdnadshavare 1 förnamn': `Förälder${i}`,
  'vårdnadshavare 1 efternamn': 'Utdragsson',
  ...extra,
});
// Exempelstad 9901, Norrvik 9902, Sjöbacka 9903 (demo/county.ts); 9999 is no municipality.
const county = () => [pupil(0, '9901'), pupil(1, '9901'), pupil(2, '9902'), pupil(3, '9903'), pupil(4, '9999'), pupil(5, '99x1'), pupil(6, '')];

async function waitUntilDone(admin: TestClient, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const res = (await admin.get(`/api/register-imports/${id}`)).json();
    if (res.status === 'done') return res;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

async function importAs(admin: TestClient, fileName: string, content: string, organisationId?: string) {
  const res = await admin.post('/api/register-imports', { fileName, content, ...(organisationId ? { organisationId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res;
}

const homeOf = async (number: string) => (await t.database.db.selectFrom('child').select('home_organisation_id').where('identity_number', '=', number).executeTakeFirst())?.home_organisation_id ?? null;
const count = async (table: 'child' | 'guardian' | 'child_identity_change') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('a population-register extract of several municipalities', () => {
  let orgadmin: TestClient;
  beforeAll(async () => {
    orgadmin = await t.loginAs('orgadmin');
  });

  it('previews only the own municipality’s rows as imports, and reports every other row on its line; nothing is written', async () => {
    const before = { child: await count('child'), guardian: await count('guardian') };
    const res = await importAs(orgadmin, 'lansutdrag.csv', extract(county()));
    const preview = res.json();
    expect(preview.import.organisation.id).toBe(org.exempelstad);
    expect(preview.planned).toEqual({ create: 2, change: 0, unchanged: 0, error: 5 });
    expect(preview.rows.map((r: { line: number; outcome: string; errors: { column: string; code: string }[] }) => [r.line, r.outcome, r.errors])).toEqual([
      [2, 'create', []],
      [3, 'create', []],
      [4, 'error', [{ column: 'municipalityCode', code: 'other_municipality' }]],
      [5, 'error', [{ column: 'municipalityCode', code: 'other_municipality' }]],
      [6, 'error', [{ column: 'municipalityCode', code: 'municipality_unknown' }]],
      [7, 'error', [{ column: 'municipalityCode', code: 'municipality_code_format' }]],
      [8, 'error', [{ column: 'municipalityCode', code: 'required' }]],
    ]);
    // Another municipality's child is not named in the preview.
    expect(preview.rows[2]).toMatchObject({ name: null, nameWithheld: 'other_register' });
    expect(JSON.stringify(preview)).not.toContain('Länsbarn2');
    expect(preview.rows[0]).toMatchObject({ name: 'Länsbarn0 Utdragsson', nameWithheld: null });
    expect({ child: await count('child'), guardian: await count('guardian') }).toEqual(before);
    expect((await auditOf(t.database.db, res)).map((e) => e.action)).toEqual(['register_import.preview']);
    await orgadmin.post(`/api/register-imports/${preview.import.id}/discard`, {});
  });

  it('imports the own rows into the own register, and the same extract again changes nothing', async () => {
    const preview = (await importAs(orgadmin, 'lansutdrag.csv', extract(county()))).json();
    await orgadmin.post(`/api/register-imports/${preview.import.id}/accept`, {});
    expect(await waitUntilDone(orgadmin, preview.import.id)).toMatchObject({ created: 2, changed: 0, unchanged: 0, errors: 5 });
    expect([await homeOf(children[0]!), await homeOf(children[1]!)]).toEqual([org.exempelstad, org.exempelstad]);
    expect([await homeOf(children[2]!), await homeOf(children[3]!), await homeOf(children[4]!)]).toEqual([null, null, null]);

    const before = { child: await count('child'), guardian: await count('guardian'), history: await count('child_identity_change') };
    const again = (await importAs(orgadmin, 'lansutdrag.csv', extract(county()))).json();
    expect(again.planned).toEqual({ create: 0, change: 0, unchanged: 2, error: 5 });
    await orgadmin.post(`/api/register-imports/${again.import.id}/accept`, {});
    expect(await waitUntilDone(orgadmin, again.import.id)).toMatchObject({ created: 0, changed: 0, unchanged: 2, errors: 5 });
    expect({ child: await count('child'), guardian: await count('guardian'), history: await count('child_identity_change') }).toEqual(before);
  });

  it('Norrvik’s administrator imports the same extract: Norrvik’s row goes in there, Exempelstad’s rows are reported without a word of their records', async () => {
    const norrvik = await t.loginAs('admin.norrvik');
    const res = await importAs(norrvik, 'lansutdrag.csv', extract(county()));
    const preview = res.json();
    expect(preview.import.organisation.id).toBe(org.norrvik);
    expect(preview.rows.map((r: { outcome: string; errors: { code: string }[] }) => [r.outcome, r.errors.map((e) => e.code)])).toEqual([
      ['error', ['other_municipality']],
      ['error', ['other_municipality']],
      ['create', []],
      ['error', ['other_municipality']],
      ['error', ['municipality_unknown']],
      ['error', ['municipality_code_format']],
      ['error', ['required']],
    ]);
    // Exempelstad's children exist now; Norrvik is told nothing of them, and looked at none.
    expect((await auditOf(t.database.db, res)).map((e) => e.action)).toEqual(['register_import.preview']);
    await norrvik.post(`/api/register-imports/${preview.import.id}/accept`, {});
    expect(await waitUntilDone(norrvik, preview.import.id)).toMatchObject({ created: 1, errors: 6 });
    expect(await homeOf(children[2]!)).toBe(org.norrvik);
    // Each sees its own history only.
    expect((await norrvik.get('/api/register-imports')).json().imports.every((i: { organisation: { id: string } }) => i.organisation.id === org.norrvik)).toBe(true);
    expect((await orgadmin.get('/api/register-imports')).json().imports.every((i: { organisation: { id: string } }) => i.organisation.id === org.exempelstad)).toBe(true);
  });

  it('records a move within the municipality and a new guardian; a move to another municipality is reported to the old one and refused to the new', async () => {
    const moved = [pupil(0, '9901', { adress: 'Nya gatan 5', 'vårdnadshavare 2 personnummer': adults[10]!, 'vårdnadshavare 2 förnamn': 'Ny', 'vårdnadshavare 2 efternamn': 'Förälder' }), pupil(1, '9902')];
    const res = await importAs(orgadmin, 'flyttar.csv', extract(moved));
    const preview = res.json();
    expect(preview.rows.map((r: { outcome: string; changes: string[]; newGuardians: number; errors: { code: string }[] }) => [r.outcome, r.changes, r.newGuardians, r.errors.map((e) => e.code)])).toEqual([
      ['change', ['street_address'], 1, []],
      ['error', [], 0, ['moved_to_other_municipality']],
    ]);
    // Both children are Exempelstad's: compared, and logged as such.
    expect((await auditOf(t.database.db, res)).filter((e) => e.action === 'child.register.compare')).toHaveLength(2);
    await orgadmin.post(`/api/register-imports/${preview.import.id}/accept`, {});
    expect(await waitUntilDone(orgadmin, preview.import.id)).toMatchObject({ changed: 1, errors: 1 });
    const first = await t.database.db.selectFrom('child').select(['id', 'street_address']).where('identity_number', '=', children[0]!).executeTakeFirstOrThrow();
    expect(first.street_address).toBe('Nya gatan 5');
    const history = (await orgadmin.get(`/api/children/${first.id}/identity-history`)).json().changes as { field: string; source: string; reason: string }[];
    expect(history.map((c) => c.field).sort()).toEqual(['guardian_added', 'street_address']);
    // The file names the change; the words around it are the interface's.
    expect(history.every((c) => c.source === 'register_import' && c.reason === 'flyttar.csv')).toBe(true);
    // The child who moved to Norrvik stays in Exempelstad's register: no file hands a record over.
    expect(await homeOf(children[1]!)).toBe(org.exempelstad);
    const norrvik = (await importAs(await t.loginAs('admin.norrvik'), 'flyttar.csv', extract(moved))).json();
    expect(norrvik.rows[1]).toMatchObject({ outcome: 'error', errors: [{ column: 'identityNumber', code: 'child_other_organisation' }] });
    expect(JSON.stringify(norrvik)).not.toContain('Nya gatan');
  });
});

describe('who imports an extract into which register', () => {
  it('an administrator of two municipalities names the register; one outside them, or a region, is refused and logged', async () => {
    const { db } = t.database;
    const sysadmin = await userIdOf(db, 'sysadmin');
    const orgadminId = await userIdOf(db, 'orgadmin');
    await db.insertInto('user_role').values({ user_id: orgadminId, organisation_id: org.norrvik, unit_id: null, role: 'org_admin', granted_by: sysadmin }).execute();
    const coordinator = await userIdOf(db, 'coordinator');
    await db.insertInto('user_role').values({ user_id: coordinator, organisation_id: org.region, unit_id: null, role: 'org_admin', granted_by: sysadmin }).execute();
    try {
      const admin = await t.loginAs('orgadmin');
      const registers = (await admin.get('/api/register-imports')).json().registers as { id: string; name: string }[];
      expect(registers.map((r) => r.name)).toEqual(['Exempelstads kommun', 'Norrviks kommun']);
      const unnamed = await admin.post('/api/register-imports', { fileName: 'lansutdrag.csv', content: extract([pupil(7, '9902')]) });
      expect(unnamed.statusCode).toBe(400);
      expect(unnamed.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.organisationId', message: 'required' }] });
      const named = (await importAs(admin, 'lansutdrag.csv', extract([pupil(7, '9902'), pupil(8, '9901')]), org.norrvik)).json();
      expect(named.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['create', 'error']);
      expect(named.import.organisation.id).toBe(org.norrvik);
      for (const [organisationId, reason] of [[org.sjobacka, 'not_register_administrator'], [org.region, 'not_register_administrator']] as const) {
        const refused = await admin.post('/api/register-imports', { fileName: 'lansutdrag.csv', content: extract([pupil(7, '9902')]), organisationId });
        expect(refused.statusCode).toBe(403);
        expect(await auditOf(db, refused)).toEqual([expect.objectContaining({ action: 'register_import.preview', outcome: 'denied', details: { reason } })]);
      }
      // The region keeps no municipality's register: its administrator is refused, and logged.
      const region = await t.loginAs('coordinator');
      expect((await region.get('/api/register-imports')).json().registers).toEqual([]);
      const refused = await region.post('/api/register-imports', { fileName: 'lansutdrag.csv', content: extract([pupil(7, '9902')]) });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details).toMatchObject({ reason: 'register_needs_municipality' });
      expect(await auditOf(db, refused)).toEqual([expect.objectContaining({ action: 'register_import.preview', outcome: 'denied' })]);
    } finally {
      await db.deleteFrom('user_role').where('granted_by', '=', sysadmin).where('role', '=', 'org_admin').where('user_id', 'in', [orgadminId, coordinator]).execute();
    }
  });

  it('every other role keeps no register: none offered, an extract refused', async () => {
    for (const username of ['sysadmin', 'manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'counsellor', 'intake', 'manager.norrvik', 'guardian', 'child']) {
      const client = await t.loginAs(username);
      expect((await client.get('/api/register-imports')).json(), username).toEqual({ imports: [], registers: [] });
      expect((await client.post('/api/register-imports', { fileName: 'lansutdrag.csv', content: extract([pupil(9, '9901')]) })).statusCode, username).toBe(403);
    }
    expect((await (await t.loginAs('orgadmin')).get('/api/register-imports')).json().registers).toEqual([{ id: org.exempelstad, name: 'Exempelstads kommun' }]);
    expect((await t.client().get('/api/register-imports')).statusCode).toBe(401);
  });
});
