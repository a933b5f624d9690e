import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, demoFamily, placeOf, userIdOf, type Family } from '../test/fixtures.ts';

// Administrators manage accounts but never read children's data: not by giving themselves the
// professional role, not through emergency access once the role is gone, not through a role
// row that names themselves as its granter, and not unseen through a password they reset.
let t: TestApp;
let family: Family;
let municipality: string;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  municipality = family.municipality;
});
afterAll(() => t.close());

const recordUrl = () => `/api/children/${family.childId}`;
const emergency = { reason: 'Akut oro för barnets hälsa, behöver se planen nu.', legalGroundCode: 'brb_necessity' };

interface UserView {
  id: string;
  roles: { organisationId: string; unitId: string | null; role: string }[];
}

async function userOf(admin: TestClient, username: string): Promise<UserView> {
  const res = await admin.get(`/api/users/${await userIdOf(t.database.db, username)}`);
  expect(res.statusCode).toBe(200);
  return res.json() as UserView;
}

describe('an administrator who wants to read a child’s record', () => {
  it('cannot give themselves the professional role', async () => {
    const orgadmin = await t.loginAs('orgadmin');
    const self = await userOf(orgadmin, 'orgadmin');
    const res = await orgadmin.patch(`/api/users/${self.id}`, { roles: [...self.roles, { organisationId: municipality, unitId: null, role: 'professional' }] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('own_roles_forbidden');
    expect((await orgadmin.get(recordUrl())).statusCode).toBe(403);
    expect((await orgadmin.post(`${recordUrl()}/emergency-access`, emergency)).statusCode).toBe(403);
  });

  it('given the role by a second administrator, reads by emergency access only while the role lasts', async () => {
    const second = await t.loginAs('sysadmin');
    const olle = await userOf(second, 'orgadmin');
    const withRole = [...olle.roles, { organisationId: municipality, unitId: (await placeOf(t.database.db, 'teacher')).unitId, role: 'professional' }];
    expect((await second.patch(`/api/users/${olle.id}`, { roles: withRole })).statusCode).toBe(200);

    const orgadmin = await t.loginAs('orgadmin');
    const refused = await orgadmin.get(recordUrl());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ reason: 'not_in_care_team' });
    expect((await orgadmin.post(`${recordUrl()}/emergency-access`, emergency)).statusCode).toBe(201);
    const read = await orgadmin.get(recordUrl());
    expect(read.statusCode).toBe(200);
    expect(read.json().access).toMatchObject({ basis: 'emergency' });

    // The second administrator takes the role away; the emergency access has hours left.
    expect((await second.patch(`/api/users/${olle.id}`, { roles: olle.roles })).statusCode).toBe(200);
    const after = await (await t.loginAs('orgadmin')).get(recordUrl());
    expect(after.statusCode).toBe(403);
    expect(after.json().error.details).toMatchObject({ reason: 'emergency_needs_professional_role' });
    const [entry] = await auditOf(t.database.db, after);
    expect(entry).toMatchObject({ action: 'child.record.read', outcome: 'denied', actor_username: 'orgadmin' });
  });

  it('gains nothing from a role row that names its holder as the one who granted it', async () => {
    const nurse = await placeOf(t.database.db, 'nurse');
    await t.database.db.updateTable('user_role').set({ granted_by: nurse.userId }).where('user_id', '=', nurse.userId).where('role', '=', 'professional').execute();
    try {
      const res = await (await t.loginAs('nurse')).get(recordUrl());
      expect(res.statusCode).toBe(403);
    } finally {
      await t.database.db.updateTable('user_role').set({ granted_by: null }).where('user_id', '=', nurse.userId).execute();
    }
    expect((await (await t.loginAs('nurse')).get(recordUrl())).statusCode).toBe(200);
  });
});

describe('a session opened with a password an administrator reset', () => {
  it('marks every look at a child with the administrator who reset it', async () => {
    const orgadmin = await t.loginAs('orgadmin');
    const socialworkerId = await userIdOf(t.database.db, 'socialworker');
    expect((await orgadmin.patch(`/api/users/${socialworkerId}`, { password: 'en-tillfallig-kod-1' })).statusCode).toBe(200);
    const client = t.client();
    expect((await client.login('socialworker', 'en-tillfallig-kod-1')).statusCode).toBe(200);
    expect((await client.post('/api/auth/password', { currentPassword: 'en-tillfallig-kod-1', newPassword: 'sixtens-egen-fras' })).statusCode).toBe(204);
    const read = await client.get(recordUrl());
    expect(read.statusCode).toBe(200);
    const [entry] = await auditOf(t.database.db, read);
    expect(entry!.details).toMatchObject({ flagged: true, passwordResetBy: { userId: await userIdOf(t.database.db, 'orgadmin'), username: 'orgadmin' } });

    // In a session opened with the password the owner chose, the looks are ordinary again.
    const own = t.client();
    expect((await own.login('socialworker', 'sixtens-egen-fras')).statusCode).toBe(200);
    const plain = await own.get(recordUrl());
    const [ordinary] = await auditOf(t.database.db, plain);
    expect(ordinary!.details).not.toHaveProperty('passwordResetBy');
  });
});
