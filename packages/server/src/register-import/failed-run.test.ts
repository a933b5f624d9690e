import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { freshTestNumbers } from '../test/identity-numbers.ts';
import { registerFile, type RegisterFileRow } from './register-file.ts';

// A run the database refuses midway ends 'failed': the page stops waiting, the history says so,
// the staged rows go, the failure is audited, and the file imported again does the rest.

let t: TestApp;
let admin: TestClient;
let children: string[];
let adults: string[];
let schoolCode: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.app.services.clock.now();
  children = await freshTestNumbers(db, now, 11, 3);
  adults = await freshTestNumbers(db, now, 40, 3, 600);
  const school = await db.selectFrom('unit as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select('u.school_unit_code').where('o.name', '=', 'Exempelstads kommun').where('u.school_unit_code', 'is not', null).orderBy('u.school_unit_code').executeTakeFirstOrThrow();
  schoolCode = school.school_unit_code!;
  admin = await t.loginAs('orgadmin');
  // Only the owner may add a trigger: the database refuses one child's row, as a broken
  // constraint or a lost connection would make a batch fail in production.
  await t.database.ownerScript.exec(`
    CREATE FUNCTION test_refuse_child() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.given_name = 'Stopp' THEN RAISE EXCEPTION 'refused by the test'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_refuse_child BEFORE INSERT ON child FOR EACH ROW EXECUTE FUNCTION test_refuse_child()`);
});
afterAll(async () => {
  await t.database.ownerScript.exec('DROP TRIGGER IF EXISTS test_refuse_child ON child; DROP FUNCTION IF EXISTS test_refuse_child()');
  await t.close();
});

const pupil = (i: number, given = `Avbruten${i}`): RegisterFileRow => ({
  personnummer: children[i]!,
  'förnamn': given,
  efternamn: 'Körsson',
  adress: 'Felvägen 1',
  postnummer: '99140',
  ort: 'Exempelstad',
  skolenhet: schoolCode,
  'vårdnadshavare 1 personnummer': adults[i]!,
  'vårdnadshavare 1 förnamn': 'Vera',
  'vårdnadshavare 1 efternamn': 'Körsson',
});

async function accepted(rows: RegisterFileRow[], fileName: string) {
  const preview = (await admin.post('/api/register-imports', { fileName, content: registerFile(rows) })).json();
  expect(preview.planned).toMatchObject({ create: rows.length, error: 0 });
  const accept = await admin.post(`/api/register-imports/${preview.import.id}/accept`, {});
  expect(accept.statusCode).toBe(202);
  return { id: preview.import.id as string, requestId: String(accept.headers['x-request-id']) };
}

/** Polls until the run has ended, done or failed. */
async function ended(id: string) {
  for (let i = 0; i < 200; i += 1) {
    const res = await admin.get(`/api/register-imports/${id}`);
    expect(res.statusCode).toBe(200);
    if (res.json().status !== 'running') return res.json();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import still running');
}

const imported = () => t.database.db.selectFrom('child').select('given_name').where('identity_number', 'in', children).orderBy('given_name').execute();

describe('a register import whose run fails', () => {
  it('ends failed, not running for ever: nothing of the refused batch is written, the staged rows go, and the failure is logged', async () => {
    const run = await accepted([pupil(0), pupil(1, 'Stopp'), pupil(2)], 'elever-stopp.csv');
    const summary = await ended(run.id);
    // One batch is one transaction: the refused row takes its batch with it.
    expect(summary).toMatchObject({ status: 'failed', totalRows: 3, processedRows: 0, created: 0 });
    expect(summary.finishedAt).not.toBeNull();
    expect(await imported()).toEqual([]);
    expect(await t.database.db.selectFrom('register_import_row').select('row_number').where('import_id', '=', run.id).execute()).toEqual([]);
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('request_id', '=', run.requestId).orderBy('seq').execute();
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([['register_import.accept', 'success'], ['register_import.run', 'failure']]);
    expect(entries[1]!.details).toMatchObject({ created: 0, processed: 0, rows: 3 });
    const history = (await admin.get('/api/register-imports')).json().imports;
    expect(history.find((i: { id: string }) => i.id === run.id)).toMatchObject({ status: 'failed' });
    // Ended, it cannot be accepted again.
    expect((await admin.post(`/api/register-imports/${run.id}/accept`, {})).statusCode).toBe(409);
  });

  it('imports the whole file when it is given again, once the fault is gone', async () => {
    await t.database.ownerScript.exec('DROP TRIGGER test_refuse_child ON child');
    const run = await accepted([pupil(0), pupil(1, 'Stopp'), pupil(2)], 'elever-stopp.csv');
    expect(await ended(run.id)).toMatchObject({ status: 'done', processedRows: 3, created: 3 });
    expect((await imported()).map((c) => c.given_name)).toEqual(['Avbruten0', 'Avbruten2', 'Stopp']);
  });
});
