import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, placeOf, type Family } from '../test/fixtures.ts';
import { freshTestNumbers } from '../test/identity-numbers.ts';
import { verifyAuditChain } from '../audit/verify.ts';

let t: TestApp;
let family: Family;
let numbers: string[];
const display = (n: string) => `${n.slice(0, 8)}-${n.slice(8)}`;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  const now = t.app.services.clock.now();
  numbers = [...(await freshTestNumbers(t.database.db, now, 7, 12)), ...(await freshTestNumbers(t.database.db, now, 35, 6, 400))];
});
afterAll(() => t.close());

const newChild = (identityNumber: string, extra: Record<string, unknown> = {}) => ({
  identity: { kind: 'number', identityNumber },
  givenName: 'Nova',
  familyName: 'Nyberg',
  streetAddress: 'Testvägen 3',
  postalCode: '99133',
  city: 'Exempelstad',
  protectedIdentity: null,
  guardians: [{ identityNumber: numbers[12]!, givenName: 'Nils', familyName: 'Nyberg' }],
  ...extra,
});

describe('a professional creates a child', () => {
  it('creates the record with guardians and the creator as its first member, in one logged step; the record then opens for them', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.post('/api/children', newChild(numbers[0]!));
    expect(res.statusCode).toBe(201);
    const { id, identityNumber, identityKind } = res.json();
    expect(identityNumber).toBe(display(numbers[0]!));
    expect(identityKind).toBe('personnummer');
    const [entry, ...others] = await auditOf(t.database.db, res);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: 'child.create', subject_id: id, outcome: 'success', actor_username: 'teacher' });
    expect(entry!.details).toMatchObject({ basis: 'own_organisation', role: 'lead_professional', guardians: 1 });

    const record = await teacher.get(`/api/children/${id}`);
    expect(record.statusCode).toBe(200);
    const view = record.json();
    expect(view.name).toEqual({ givenName: 'Nova', familyName: 'Nyberg' });
    expect(view.homeOrganisation.id).toBe(family.municipality);
    expect(view.address).toEqual({ streetAddress: 'Testvägen 3', postalCode: '991 33', city: 'Exempelstad' });
    expect(view.guardians.map((g: { name: { givenName: string } }) => g.name.givenName)).toEqual(['Nils']);
    expect(view.careTeam).toEqual([expect.objectContaining({ displayName: 'Tove Lärare', role: 'lead_professional', basis: 'own_organisation' })]);
    expect(view.access.actions).toContain('change_team');
    // The search finds it for the creator.
    expect((await teacher.post('/api/children/search', { identityNumber: numbers[0] })).json()).toMatchObject({ found: true, access: 'allowed', childId: id });
  });

  it('refuses a second record for the same number with child_exists, and the search tells an outsider no more than that one exists', async () => {
    const nurse = await t.loginAs('nurse');
    const res = await nurse.post('/api/children', newChild(numbers[0]!, { givenName: 'Annan' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('child_exists');
    expect(res.body).not.toMatch(/Nova|Nyberg|Testvägen/);
    expect(res.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.create', outcome: 'failure', subject_id: null });
    const search = (await nurse.post('/api/children/search', { identityNumber: numbers[0] })).json();
    expect(search).toMatchObject({ found: true, access: 'denied' });
    expect(search.childId).toBeUndefined();
    expect(await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Annan').execute()).toEqual([]);
  });

  it('refuses bad identity numbers with 400 and the code: checksum, a never-issued birth number, a future date', async () => {
    const teacher = await t.loginAs('teacher');
    const n = numbers[1]!;
    const never = n.slice(0, 8) + '000';
    const cases: [string, string][] = [
      [n.slice(0, 11) + String((Number(n.charAt(11)) + 1) % 10), 'identity_number_checksum'],
      [never + checkDigitOf(never.slice(2)), 'identity_number_serial'],
      [`20991231982${checkDigitOf('991231982')}`, 'identity_number_future'],
      ['12345', 'identity_number_format'],
    ];
    for (const [identityNumber, message] of cases) {
      const res = await teacher.post('/api/children', newChild(identityNumber));
      expect(res.statusCode, identityNumber).toBe(400);
      expect(res.json().error.details, identityNumber).toEqual([{ path: 'body.identity.identityNumber', message }]);
    }
    const badGuardian = await teacher.post('/api/children', newChild(numbers[1]!, { guardians: [{ identityNumber: numbers[1], givenName: 'Själv', familyName: 'Barn' }] }));
    expect(badGuardian.json().error.details).toEqual([{ path: 'body.guardians.0.identityNumber', message: 'guardian_is_child' }]);
    expect(await t.database.db.selectFrom('child').select('id').where('identity_number', '=', numbers[1]!).execute()).toEqual([]);
  });

  it('gives a child without a personnummer a reserve number', async () => {
    const socialworker = await t.loginAs('socialworker');
    const res = await socialworker.post('/api/children', newChild('', { identity: { kind: 'reserve', birthDate: '2019-05-02', sex: null }, guardians: [] }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ identityKind: 'reservnummer', identityNumber: expect.stringMatching(/^R20190502-[A-Z]\d{2}[0-9A-Z]$/) });
    const again = await socialworker.post('/api/children', newChild('', { identity: { kind: 'reserve', birthDate: '2019-05-02', sex: 'male' }, guardians: [] }));
    expect(again.json().identityNumber).not.toBe(res.json().identityNumber);
  });

  it('lets a region professional choose the home municipality among the county’s, and no other', async () => {
    const psychologist = await t.loginAs('psychologist');
    const options = (await psychologist.get('/api/child-registration/options')).json();
    expect(options.places).toHaveLength(1);
    expect(options.places[0].kind).toBe('region');
    expect(options.places[0].homeMunicipalities.map((m: { name: string }) => m.name)).toContain('Exempelstads kommun');
    expect(options.schoolUnits.length).toBeGreaterThan(0);
    const missing = await psychologist.post('/api/children', newChild(numbers[2]!));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'body.homeOrganisationId', message: 'home_municipality_not_offered' }]);
    const home = options.places[0].homeMunicipalities[1].id;
    const res = await psychologist.post('/api/children', newChild(numbers[2]!, { homeOrganisationId: home, role: 'named_person' }));
    expect(res.statusCode).toBe(201);
    expect((await psychologist.get(`/api/children/${res.json().id}`)).json().homeOrganisation.id).toBe(home);
    // A municipality's professional cannot register a child in another municipality.
    const teacher = await t.loginAs('teacher');
    expect((await teacher.post('/api/children', newChild(numbers[3]!, { homeOrganisationId: home }))).statusCode).toBe(400);
  });

  it('refuses every role that is not a professional, and logs each refusal', async () => {
    for (const username of ['sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'guardian', 'child']) {
      const res = await (await t.loginAs(username)).post('/api/children', newChild(numbers[4]!));
      expect(res.statusCode, username).toBe(403);
      const [entry] = await auditOf(t.database.db, res);
      expect(entry, username).toMatchObject({ action: 'child.create', outcome: 'denied' });
    }
    expect(await t.database.db.selectFrom('child').select('id').where('identity_number', '=', numbers[4]!).execute()).toEqual([]);
    // …while every professional may: the outsider in another municipality too, for their own.
    const outsider = await t.loginAs('outsider');
    const res = await outsider.post('/api/children', newChild(numbers[4]!));
    expect(res.statusCode).toBe(201);
    expect((await outsider.get(`/api/children/${res.json().id}`)).json().homeOrganisation.id).toBe((await placeOf(t.database.db, 'outsider')).organisationId);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('an administrator corrects identity data', () => {
  let childId: string;
  beforeAll(async () => {
    const teacher = await t.loginAs('teacher');
    childId = (await teacher.post('/api/children', newChild(numbers[5]!, { givenName: 'Ella', guardians: [] }))).json().id;
  });

  it('finds the child by number, corrects the name and the number, and keeps each change with who, when and why', async () => {
    const orgadmin = await t.loginAs('orgadmin');
    const lookup = await orgadmin.post('/api/child-registration/lookup', { identityNumber: numbers[5] });
    expect(lookup.json()).toMatchObject({ found: true, access: 'allowed', child: { id: childId, name: { givenName: 'Ella' } } });
    expect(await auditOf(t.database.db, lookup)).toEqual([expect.objectContaining({ action: 'child.identity.lookup', subject_id: childId, outcome: 'success' })]);
    // An administrator is not a reader: the record stays closed.
    expect((await orgadmin.get(`/api/children/${childId}`)).statusCode).toBe(403);

    const res = await orgadmin.post(`/api/children/${childId}/identity-corrections`, { givenName: 'Elsa', identityNumber: numbers[6], reason: 'Felstavat namn och fel nummer enligt Skatteverket' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: { givenName: 'Elsa' }, identityNumber: display(numbers[6]!) });
    const [entry, ...more] = await auditOf(t.database.db, res);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'child.identity.correct', subject_id: childId, outcome: 'success' });
    expect(entry!.details).toMatchObject({ category: 'register', basis: 'legal_duty', reason: 'register_administrator', fields: ['identity_number', 'given_name'] });
    expect(JSON.stringify(entry!.details)).not.toContain('Elsa');

    const history = (await orgadmin.get(`/api/children/${childId}/identity-history`)).json();
    expect(history.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'given_name', oldValue: 'Ella', newValue: 'Elsa', source: 'correction', changedBy: 'Olle Organisationsadmin', reason: 'Felstavat namn och fel nummer enligt Skatteverket' }),
      expect.objectContaining({ field: 'identity_number', oldValue: display(numbers[5]!), newValue: display(numbers[6]!) }),
    ]));
    // The team sees the same history with the record.
    const teacherHistory = await (await t.loginAs('teacher')).get(`/api/children/${childId}/identity-history`);
    expect(teacherHistory.json().changes).toHaveLength(2);
    expect(await auditOf(t.database.db, teacherHistory)).toEqual([expect.objectContaining({ action: 'child.identity.history', outcome: 'success' })]);
  });

  it('hides the values of a protected identity in the history, and refuses a number another record has', async () => {
    const orgadmin = await t.loginAs('orgadmin');
    const res = await orgadmin.post(`/api/children/${childId}/identity-corrections`, { protectedIdentity: 'skyddad_folkbokforing', streetAddress: null, reason: 'Skyddad folkbokföring beslutad' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: null, address: null, protectedIdentity: 'skyddad_folkbokforing' });
    const history = (await orgadmin.get(`/api/children/${childId}/identity-history`)).json();
    const given = history.changes.find((c: { field: string }) => c.field === 'given_name');
    expect(given).toMatchObject({ hidden: true, oldValue: null, newValue: null });
    expect(JSON.stringify(history)).not.toContain('Testvägen');
    const taken = await orgadmin.post(`/api/children/${childId}/identity-corrections`, { identityNumber: numbers[0], reason: 'Prov' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('child_exists');
    const nothing = await orgadmin.post(`/api/children/${childId}/identity-corrections`, { protectedIdentity: 'skyddad_folkbokforing', reason: 'Ingen ändring' });
    expect(nothing.statusCode).toBe(400);
    expect((await auditOf(t.database.db, nothing))).toHaveLength(1);
  });

  it('refuses everyone but the home organisation’s administrator, logging each refusal, and the history cannot be rewritten', async () => {
    for (const username of ['teacher', 'sysadmin', 'manager', 'outsider', 'guardian', 'analyst']) {
      const res = await (await t.loginAs(username)).post(`/api/children/${childId}/identity-corrections`, { givenName: 'Hackad', reason: 'Försök' });
      expect(res.statusCode, username).toBe(403);
      expect(await auditOf(t.database.db, res), username).toEqual([expect.objectContaining({ action: 'child.identity.correct', outcome: 'denied', subject_id: childId })]);
    }
    const outsiderLookup = await (await t.loginAs('outsider')).post('/api/child-registration/lookup', { identityNumber: numbers[6] });
    expect(outsiderLookup.statusCode).toBe(403);
    await expect(t.database.db.updateTable('child_identity_change').set({ reason: 'omskrivet' }).where('child_id', '=', childId).execute()).rejects.toThrow();
  });
});

function checkDigitOf(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => {
    const p = Number(d) * (i % 2 === 0 ? 2 : 1);
    return s + (p > 9 ? p - 9 : p);
  }, 0);
  return String((10 - (sum % 10)) % 10);
}
