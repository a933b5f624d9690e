import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf } from '../test/fixtures.ts';
import { freshTestNumbers } from '../test/identity-numbers.ts';
import { registerFile, type RegisterFileRow } from './register-file.ts';

let t: TestApp;
let children: string[];
let adults: string[];
let schools: { code: string; id: string }[];
let municipality: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.app.services.clock.now();
  children = await freshTestNumbers(db, now, 9, 8);
  adults = await freshTestNumbers(db, now, 38, 10, 500);
  const org = await db.selectFrom('organisation').select('id').where('name', '=', 'Exempelstads kommun').executeTakeFirstOrThrow();
  municipality = org.id;
  schools = (await db.selectFrom('unit').select(['id', 'school_unit_code']).where('organisation_id', '=', org.id).where('school_unit_code', 'is not', null).orderBy('school_unit_code').execute()).map((u) => ({ id: u.id, code: u.school_unit_code! }));
});
afterAll(() => t.close());

const pupil = (i: number, extra: RegisterFileRow = {}): RegisterFileRow => ({
  personnummer: children[i]!,
  'förnamn': `Elev${i}`,
  efternamn: 'Registersson',
  adress: `Skolgatan ${i + 1}`,
  postnummer: '99140',
  ort: 'Exempelstad',
  skolenhet: schools[2]!.code,
  'vårdnadshavare 1 personnummer': adults[i]!,
  'vårdnadshavare 1 förnamn': `Förälder${i}`,
  'vårdnadshavare 1 efternamn': 'Registersson',
  ...extra,
});

async function waitUntilDone(admin: TestClient, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const res = await admin.get(`/api/register-imports/${id}`);
    expect(res.statusCode).toBe(200);
    if (res.json().status === 'done') return res.json();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const countChildren = async () => Number((await t.database.db.selectFrom('child').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('importing a register file', () => {
  let admin: TestClient;
  let firstImport: string;
  beforeAll(async () => {
    admin = await t.loginAs('orgadmin');
  });

  it('previews without writing anything, with errors per row', async () => {
    const before = await countChildren();
    const guardiansBefore = Number((await t.database.db.selectFrom('guardian').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const bad = `${children[3]!.slice(0, 11)}${(Number(children[3]!.charAt(11)) + 1) % 10}`;
    const file = registerFile([pupil(0), pupil(1), pupil(2, { skolenhet: '00000000' }), pupil(3, { personnummer: bad }), pupil(4, { postnummer: '9914' })]);
    const res = await admin.post('/api/register-imports', { fileName: 'elevregister.csv', content: file });
    expect(res.statusCode).toBe(201);
    const preview = res.json();
    expect(preview.planned).toEqual({ create: 2, change: 0, unchanged: 0, error: 3 });
    expect(preview.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([[2, 'create'], [3, 'create'], [4, 'error'], [5, 'error'], [6, 'error']]);
    expect(preview.rows[2].errors).toEqual([{ column: 'schoolUnit', code: 'unknown_school_unit' }]);
    expect(preview.rows[3].errors).toEqual([{ column: 'identityNumber', code: 'identity_number_checksum' }]);
    expect(preview.rows[4].errors).toEqual([{ column: 'postalCode', code: 'postal_code_format' }]);
    expect(preview.import).toMatchObject({ status: 'previewed', totalRows: 5, fileName: 'elevregister.csv', importedBy: 'Olle Organisationsadmin' });
    expect(await countChildren()).toBe(before);
    expect(Number((await t.database.db.selectFrom('guardian').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(guardiansBefore);
    expect((await auditOf(t.database.db, res)).map((e) => e.action)).toEqual(['register_import.preview']);
    // Discarded, the staged rows go.
    const discarded = await admin.post(`/api/register-imports/${preview.import.id}/discard`, {});
    expect(discarded.json().status).toBe('discarded');
    expect(await t.database.db.selectFrom('register_import_row').select('row_number').where('import_id', '=', preview.import.id).execute()).toEqual([]);
    expect((await admin.post(`/api/register-imports/${preview.import.id}/accept`, {})).statusCode).toBe(409);
  });

  it('refuses a file without the required columns, and a non-administrator', async () => {
    const res = await admin.post('/api/register-imports', { fileName: 'fel.csv', content: 'namn;ort\nA;B\n' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'register_file_invalid', details: { missingColumns: ['identityNumber', 'givenName', 'familyName'] } });
    for (const username of ['teacher', 'manager', 'sysadmin', 'analyst', 'guardian']) {
      const refused = await (await t.loginAs(username)).post('/api/register-imports', { fileName: 'elevregister.csv', content: registerFile([pupil(0)]) });
      expect(refused.statusCode, username).toBe(403);
      expect(await auditOf(t.database.db, refused), username).toEqual([expect.objectContaining({ action: 'register_import.preview', outcome: 'denied' })]);
      expect((await (await t.loginAs(username)).get('/api/register-imports')).json().imports, username).toEqual([]);
    }
  });

  it('accepts: creates the children with their guardians, shows progress, keeps the history, and logs each child', async () => {
    const before = await countChildren();
    const file = registerFile([pupil(0), pupil(1), pupil(2), pupil(3, { 'skyddad identitet': 'sekretessmarkering' })]);
    const preview = (await admin.post('/api/register-imports', { fileName: 'elevregister.csv', content: file })).json();
    expect(preview.planned).toMatchObject({ create: 4, error: 0 });
    expect(preview.rows[3].name).toBeNull();
    firstImport = preview.import.id;
    const accepted = await admin.post(`/api/register-imports/${firstImport}/accept`, {});
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().status).toBe('running');
    const done = await waitUntilDone(admin, firstImport);
    expect(done).toMatchObject({ status: 'done', totalRows: 4, processedRows: 4, created: 4, changed: 0, unchanged: 0, errors: 0 });
    expect(await countChildren()).toBe(before + 4);
    const child = await t.database.db.selectFrom('child').selectAll().where('identity_number', '=', children[0]!).executeTakeFirstOrThrow();
    expect(child).toMatchObject({ given_name: 'Elev0', home_organisation_id: municipality, school_unit_id: schools[2]!.id, postal_code: '991 40', created_via: 'register_import' });
    const guardians = await t.database.db.selectFrom('child_guardian as cg').innerJoin('guardian as g', 'g.id', 'cg.guardian_id').select('g.identity_number').where('cg.child_id', '=', child.id).execute();
    expect(guardians.map((g) => g.identity_number)).toEqual([adults[0]]);
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', 'in', ['child.register.import', 'register_import.run', 'register_import.accept']).where('request_id', '=', String(accepted.headers['x-request-id'])).execute();
    expect(entries.filter((e) => e.action === 'child.register.import')).toHaveLength(4);
    expect(entries.filter((e) => e.action === 'register_import.run')).toHaveLength(1);
    const history = (await admin.get('/api/register-imports')).json().imports;
    expect(history[0]).toMatchObject({ id: firstImport, fileName: 'elevregister.csv', created: 4, status: 'done' });
    expect(await t.database.db.selectFrom('register_import_row').select('row_number').where('import_id', '=', firstImport).execute()).toEqual([]);
    // An administrator is not a reader: the imported record does not open for them.
    expect((await admin.get(`/api/children/${child.id}`)).statusCode).toBe(403);
  });

  it('imports the same file again and changes nothing', async () => {
    const before = await countChildren();
    const changesBefore = (await t.database.db.selectFrom('child_identity_change').select('id').execute()).length;
    const file = registerFile([pupil(0), pupil(1), pupil(2), pupil(3, { 'skyddad identitet': 'sekretessmarkering' })]);
    const preview = (await admin.post('/api/register-imports', { fileName: 'elevregister.csv', content: file })).json();
    expect(preview.planned).toEqual({ create: 0, change: 0, unchanged: 4, error: 0 });
    await admin.post(`/api/register-imports/${preview.import.id}/accept`, {});
    expect(await waitUntilDone(admin, preview.import.id)).toMatchObject({ created: 0, changed: 0, unchanged: 4 });
    expect(await countChildren()).toBe(before);
    expect((await t.database.db.selectFrom('child_identity_change').select('id').execute()).length).toBe(changesBefore);
  });

  it('records a move, a change of school and a new guardian in the identity history', async () => {
    const file = registerFile([
      pupil(0, { adress: 'Flyttvägen 9', postnummer: '99150' }),
      pupil(1, { skolenhet: schools[3]!.code, 'vårdnadshavare 2 personnummer': adults[9]!, 'vårdnadshavare 2 förnamn': 'Ny', 'vårdnadshavare 2 efternamn': 'Vårdnadshavare' }),
      pupil(2),
    ]);
    const preview = (await admin.post('/api/register-imports', { fileName: 'flyttningar.csv', content: file })).json();
    expect(preview.rows.map((r: { outcome: string; changes: string[]; newGuardians: number }) => [r.outcome, r.changes, r.newGuardians])).toEqual([
      ['change', ['street_address', 'postal_code'], 0],
      ['change', ['school_unit'], 1],
      ['unchanged', [], 0],
    ]);
    // The preview says what changes, never what the record held.
    expect(JSON.stringify(preview)).not.toContain('Skolgatan');
    await admin.post(`/api/register-imports/${preview.import.id}/accept`, {});
    expect(await waitUntilDone(admin, preview.import.id)).toMatchObject({ changed: 2, unchanged: 1 });
    const moved = await t.database.db.selectFrom('child').select(['id', 'street_address', 'postal_code']).where('identity_number', '=', children[0]!).executeTakeFirstOrThrow();
    expect(moved).toMatchObject({ street_address: 'Flyttvägen 9', postal_code: '991 50' });
    const history = (await admin.get(`/api/children/${moved.id}/identity-history`)).json();
    expect(history.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'street_address', oldValue: 'Skolgatan 1', newValue: 'Flyttvägen 9', source: 'register_import', reason: 'flyttningar.csv' })]));
    const second = await t.database.db.selectFrom('child').select('id').where('identity_number', '=', children[1]!).executeTakeFirstOrThrow();
    const secondHistory = (await admin.get(`/api/children/${second.id}/identity-history`)).json();
    expect(secondHistory.changes.map((c: { field: string }) => c.field).sort()).toEqual(['guardian_added', 'school_unit']);
    expect(secondHistory.changes.find((c: { field: string }) => c.field === 'guardian_added').newValue).toContain('Ny Vårdnadshavare');
  });

  it('reports a child whose record another municipality keeps as an error, revealing nothing of it', async () => {
    const outsider = await t.loginAs('outsider');
    const created = await outsider.post('/api/children', { identity: { kind: 'number', identityNumber: children[6] }, givenName: 'Hemlig', familyName: 'Annanstad', protectedIdentity: null, guardians: [] });
    expect(created.statusCode).toBe(201);
    const preview = (await admin.post('/api/register-imports', { fileName: 'elevregister.csv', content: registerFile([pupil(6)]) })).json();
    expect(preview.rows[0]).toMatchObject({ outcome: 'error', errors: [{ column: 'identityNumber', code: 'child_other_organisation' }] });
    expect(JSON.stringify(preview)).not.toContain('Hemlig');
  });

  it('runs a large file in batches, its progress readable while it runs; nobody else may accept, see or discard it', async () => {
    const now = t.app.services.clock.now();
    const many = await freshTestNumbers(t.database.db, now, 12, 250, 2000);
    const file = registerFile(many.map((n, i) => ({ personnummer: n, 'förnamn': `Stor${i}`, efternamn: 'Fil' })));
    const preview = (await admin.post('/api/register-imports', { fileName: 'hela-registret.csv', content: file })).json();
    expect(preview.planned).toMatchObject({ create: 250, error: 0 });
    for (const username of ['teacher', 'manager', 'sysadmin', 'guardian']) {
      const other = await t.loginAs(username);
      expect((await other.post(`/api/register-imports/${preview.import.id}/accept`, {})).statusCode, username).toBe(404);
      expect((await other.get(`/api/register-imports/${preview.import.id}`)).statusCode, username).toBe(404);
      expect((await other.post(`/api/register-imports/${preview.import.id}/discard`, {})).statusCode, username).toBe(404);
    }
    expect((await admin.post(`/api/register-imports/${preview.import.id}/accept`, {})).statusCode).toBe(202);
    // A second accept of the same import is refused: it runs once.
    expect((await admin.post(`/api/register-imports/${preview.import.id}/accept`, {})).json().error.code).toBe('register_import_state');
    const seen: number[] = [];
    for (let i = 0; i < 400; i += 1) {
      const progress = (await admin.get(`/api/register-imports/${preview.import.id}`)).json();
      seen.push(progress.processedRows);
      if (progress.status === 'done') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen.at(-1)).toBe(250);
    // Progress moves forward a batch (100 rows) at a time.
    expect(seen.every((n, i) => (n % 100 === 0 || n === 250) && (i === 0 || n >= seen[i - 1]!))).toBe(true);
    expect(Number((await t.database.db.selectFrom('child').select((eb) => eb.fn.countAll().as('n')).where('identity_number', 'in', many).executeTakeFirstOrThrow()).n)).toBe(250);
  }, 60_000);
});
