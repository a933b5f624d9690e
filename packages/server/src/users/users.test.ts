import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testPassword, type TestApp, type TestClient } from '../test/harness.ts';
import { userIdOf } from '../test/fixtures.ts';

let t: TestApp;
let orgadmin: TestClient;
let sysadmin: TestClient;
let own: string;
let other: string;
let region: string;

interface UserView {
  id: string;
  username: string;
  active: boolean;
  roles: { organisationId: string; unitId: string | null; role: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  orgadmin = await t.loginAs('orgadmin');
  sysadmin = await t.loginAs('sysadmin');
  const orgs = (await orgadmin.get('/api/organisations')).json() as { id: string; name: string }[];
  own = orgs.find((o) => o.name === 'Exempelstads kommun')!.id;
  other = orgs.find((o) => o.name === 'Norrviks kommun')!.id;
  region = orgs.find((o) => o.name === 'Region Exempellän')!.id;
});
afterAll(() => t.close());

async function userByName(client: TestClient, username: string): Promise<UserView | undefined> {
  return ((await client.get('/api/users')).json() as UserView[]).find((u) => u.username === username);
}

describe('users', () => {
  it('seeds about 200 professionals with the fixed demo logins', async () => {
    const all = (await sysadmin.get('/api/users')).json() as UserView[];
    expect(all.length).toBeGreaterThanOrEqual(180);
    expect(all.length).toBeLessThanOrEqual(260);
    for (const u of ['sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider']) {
      expect(all.map((x) => x.username)).toContain(u);
    }
    const outsider = all.find((u) => u.username === 'outsider')!;
    const teacher = all.find((u) => u.username === 'teacher')!;
    expect(outsider.roles[0]!.organisationId).toBe(other);
    expect(teacher.roles[0]!.organisationId).toBe(own);
  });

  it('shows an organisation administrator only the users of their organisation', async () => {
    const mine = (await orgadmin.get('/api/users')).json() as UserView[];
    expect(mine.length).toBeGreaterThan(10);
    expect(mine.every((u) => u.roles.some((r) => r.organisationId === own))).toBe(true);
    expect(mine.map((u) => u.username)).not.toContain('outsider');
    const outsider = await userByName(sysadmin, 'outsider');
    expect((await orgadmin.get(`/api/users/${outsider!.id}`)).statusCode).toBe(404);
  });

  it('shows neither administrator the citizen accounts, only professionals', async () => {
    for (const admin of [sysadmin, orgadmin]) {
      const res = await admin.get('/api/users');
      expect(res.statusCode).toBe(200);
      const usernames = (res.json() as UserView[]).map((u) => u.username);
      expect(usernames).toContain('teacher');
      expect(usernames).not.toContain('guardian');
      expect(usernames).not.toContain('child');
      for (const citizen of ['guardian', 'child']) expect(res.body).not.toContain(await userIdOf(t.database.db, citizen));
    }
  });

  it('answers a citizen account as not found, and changes nothing in it', async () => {
    const guardianId = await userIdOf(t.database.db, 'guardian');
    const childId = await userIdOf(t.database.db, 'child');
    const notFound = { error: { code: 'not_found' } };
    for (const admin of [sysadmin, orgadmin]) {
      for (const id of [guardianId, childId]) {
        const read = await admin.get(`/api/users/${id}`);
        expect(read.statusCode).toBe(404);
        expect(read.json()).toMatchObject(notFound);
      }
      const takeover = await admin.patch(`/api/users/${guardianId}`, { password: 'ett-bra-losenord', roles: [{ organisationId: own, unitId: null, role: 'professional' }] });
      expect(takeover.statusCode).toBe(404);
      expect(takeover.json()).toMatchObject(notFound);
      for (const patch of [{ active: false }, { displayName: 'Övertagen' }, { email: 'admin@exempellan.example' }]) {
        expect((await admin.patch(`/api/users/${guardianId}`, patch)).statusCode).toBe(404);
      }
    }
    const after = await t.database.db.selectFrom('app_user').select(['display_name', 'email', 'active']).where('id', '=', guardianId).executeTakeFirstOrThrow();
    expect(after.active).toBe(true);
    expect(after.display_name).not.toBe('Övertagen');
    expect(after.email).not.toBe('admin@exempellan.example');
    expect(await t.database.db.selectFrom('user_role').select('id').where('user_id', '=', guardianId).execute()).toEqual([]);
    // The guardian still logs in with her own password, and the administrator's does not work.
    expect((await t.client().login('guardian', 'ett-bra-losenord')).statusCode).toBe(401);
    const guardian = t.client();
    expect((await guardian.login('guardian', testPassword)).statusCode).toBe(200);
    expect((await guardian.get('/api/me/children')).statusCode).toBe(200);
  });

  it('refuses the user list to non-administrators', async () => {
    for (const username of ['teacher', 'manager', 'analyst']) {
      expect((await (await t.loginAs(username)).get('/api/users')).statusCode).toBe(403);
    }
  });

  it('creates a user who can log in, with a password that meets the policy', async () => {
    const units = (await orgadmin.get(`/api/units?organisationId=${own}&sector=school`)).json() as { id: string }[];
    const weak = await orgadmin.post('/api/users', { username: 'ny.larare', displayName: 'Ny Lärare', password: 'kort', roles: [{ organisationId: own, unitId: units[0]!.id, role: 'professional' }] });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const res = await orgadmin.post('/api/users', {
      username: 'Ny.Larare',
      displayName: 'Ny Lärare',
      email: 'ny.larare@exempellan.example',
      title: 'Lärare',
      password: 'ett-bra-losenord',
      roles: [{ organisationId: own, unitId: units[0]!.id, role: 'professional' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'ny.larare', active: true, roles: [{ role: 'professional', unitId: units[0]!.id }] });
    const client = t.client();
    expect((await client.login('ny.larare', 'ett-bra-losenord')).statusCode).toBe(200);
    const again = await orgadmin.post('/api/users', { username: 'ny.larare', displayName: 'Dubblett', password: 'ett-bra-losenord', roles: [{ organisationId: own, unitId: null, role: 'professional' }] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('username_taken');
  });

  it('refuses roles in another organisation, and system administration, to an organisation administrator', async () => {
    const elsewhere = await orgadmin.post('/api/users', { username: 'infiltrator', displayName: 'In Filtratör', password: 'ett-bra-losenord', roles: [{ organisationId: other, unitId: null, role: 'professional' }] });
    expect(elsewhere.statusCode).toBe(403);
    const escalate = await orgadmin.post('/api/users', { username: 'superuser', displayName: 'Super User', password: 'ett-bra-losenord', roles: [{ organisationId: own, unitId: null, role: 'system_admin' }] });
    expect(escalate.statusCode).toBe(403);
    expect(await userByName(sysadmin, 'infiltrator')).toBeUndefined();
    expect(await userByName(sysadmin, 'superuser')).toBeUndefined();
  });

  it('refuses a unit that belongs to another organisation', async () => {
    const theirs = (await sysadmin.get(`/api/units?organisationId=${other}`)).json() as { id: string }[];
    const res = await orgadmin.post('/api/users', { username: 'mismatch', displayName: 'Mis Match', password: 'ett-bra-losenord', roles: [{ organisationId: own, unitId: theirs[0]!.id, role: 'professional' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.roles.0.unitId');
  });

  it('refuses to edit another organisation’s users or a system administrator', async () => {
    const outsider = await userByName(sysadmin, 'outsider');
    expect((await orgadmin.patch(`/api/users/${outsider!.id}`, { active: false })).statusCode).toBe(404);
    const sys = await userByName(sysadmin, 'sysadmin');
    expect((await orgadmin.patch(`/api/users/${sys!.id}`, { displayName: 'Hacked' })).statusCode).toBe(404);
    expect((await userByName(sysadmin, 'outsider'))!.active).toBe(true);
  });

  it('lets a system administrator give a user a role in a second organisation, which the organisation administrator then cannot remove', async () => {
    const nurse = await userByName(sysadmin, 'nurse');
    const both = [...nurse!.roles.map(({ organisationId, unitId, role }) => ({ organisationId, unitId, role })), { organisationId: region, unitId: null, role: 'professional' }];
    const res = await sysadmin.patch(`/api/users/${nurse!.id}`, { roles: both });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toHaveLength(2);
    // The organisation administrator replaces roles only in their own organisation.
    const trimmed = await orgadmin.patch(`/api/users/${nurse!.id}`, { roles: [{ organisationId: own, unitId: null, role: 'professional' }] });
    expect(trimmed.statusCode).toBe(200);
    expect((trimmed.json() as UserView).roles.map((r) => r.organisationId).sort()).toEqual([own, region].sort());
    // …and may no longer deactivate the account, which reaches into the region.
    expect((await orgadmin.patch(`/api/users/${nurse!.id}`, { active: false })).statusCode).toBe(403);
  });

  it('does not let an administrator deactivate themselves', async () => {
    const me = (await orgadmin.get('/api/auth/me')).json();
    expect((await orgadmin.patch(`/api/users/${me.id}`, { active: false })).statusCode).toBe(409);
  });

  it('resets a password, which ends the user’s sessions', async () => {
    const teacher = await t.loginAs('teacher');
    const id = (await teacher.get('/api/auth/me')).json().id;
    expect((await orgadmin.patch(`/api/users/${id}`, { password: 'nytt-langt-losenord' })).statusCode).toBe(200);
    expect((await teacher.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.client().login('teacher', testPassword)).statusCode).toBe(401);
    expect((await t.client().login('teacher', 'nytt-langt-losenord')).statusCode).toBe(200);
  });
});
