import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../http/types.ts';
import { openTestDatabase, testPassword, TestClient } from '../test/harness.ts';
import { userIdOf } from '../test/fixtures.ts';

/**
 * Administrators who cannot become readers: no one changes their own roles, an administrator's
 * professional role comes only from a second administrator, every role change is shown to the
 * owner, and a password an administrator resets is one-time and marks the sessions it opens.
 */

let app: App;
let database: Database & { drop(): Promise<void> };
let own: string;
let seen: { passwordResetBy: unknown; mustChangePassword: boolean } | null = null;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp(loadConfig({ NODE_ENV: 'test' }, { logLevel: 'silent' }), database);
  // A probe route of this test's own server only: what the request hook put on the actor.
  app.get('/api/test/actor', (request) => {
    seen = request.actor ? { passwordResetBy: request.actor.passwordResetBy, mustChangePassword: request.actor.mustChangePassword } : null;
    return { ok: true };
  });
  await app.ready();
  own = (await database.db.selectFrom('organisation').select('id').where('name', '=', 'Exempelstads kommun').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

async function loginAs(username: string, password = testPassword): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.login(username, password);
  if (res.statusCode !== 200) throw new Error(`login as ${username}: ${res.statusCode} ${res.body}`);
  return client;
}

type Roles = { organisationId: string; unitId: string | null; role: string }[];
async function rolesOf(username: string): Promise<Roles> {
  const rows = await database.db.selectFrom('user_role').innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select(['organisation_id', 'unit_id', 'role']).where('username', '=', username).execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, unitId: r.unit_id, role: r.role }));
}

describe('no one changes their own roles', () => {
  it('refuses an organisation administrator who gives themselves the professional role, and changes nothing', async () => {
    const orgadmin = await loginAs('orgadmin');
    const id = await userIdOf(database.db, 'orgadmin');
    const before = await rolesOf('orgadmin');
    const res = await orgadmin.patch(`/api/users/${id}`, { roles: [...before, { organisationId: own, unitId: null, role: 'professional' }] });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'own_roles_forbidden', message: expect.any(String) } });
    expect(await rolesOf('orgadmin')).toEqual(before);
    // Dropping one's own role is a change of one's own roles too; an unchanged list is no change.
    const sysadmin = await loginAs('sysadmin');
    const sysId = await userIdOf(database.db, 'sysadmin');
    expect((await sysadmin.patch(`/api/users/${sysId}`, { roles: [{ organisationId: own, unitId: null, role: 'professional' }] })).json().error.code).toBe('own_roles_forbidden');
    expect((await orgadmin.patch(`/api/users/${id}`, { roles: before, title: 'Administratör' })).statusCode).toBe(200);
    // Nor is one's own password set through administration (only changed with the current one).
    expect((await orgadmin.patch(`/api/users/${id}`, { password: 'ett-nytt-eget-losen' })).statusCode).toBe(409);
  });

  it('lets a second administrator grant it, logs it, and shows it to the owner', async () => {
    const sysadmin = await loginAs('sysadmin');
    const id = await userIdOf(database.db, 'orgadmin');
    const before = await rolesOf('orgadmin');
    const res = await sysadmin.patch(`/api/users/${id}`, { roles: [...before, { organisationId: own, unitId: null, role: 'professional' }] });
    expect(res.statusCode).toBe(200);
    const entry = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.roles_change').where('subject_id', '=', id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_username: 'sysadmin', details: { added: [{ role: 'professional', organisationName: 'Exempelstads kommun' }], removed: [], administratorIsProfessional: true } });
    const history = (await (await loginAs('orgadmin')).get('/api/auth/me/history')).json() as { kind: string; by: { username: string }; added: { role: string }[] }[];
    expect(history[0]).toMatchObject({ kind: 'roles_changed', by: { username: 'sysadmin', displayName: 'Saga Systemadmin' }, added: [{ role: 'professional' }] });
    // Removing it again is logged and shown as well.
    expect((await sysadmin.patch(`/api/users/${id}`, { roles: before })).statusCode).toBe(200);
    const after = (await (await loginAs('orgadmin')).get('/api/auth/me/history')).json() as { removed: { role: string }[] }[];
    expect(after[0]!.removed).toEqual([expect.objectContaining({ role: 'professional' })]);
  });

  it('shows no one else’s history: the endpoint is the logged-in user’s own', async () => {
    const teacher = await loginAs('teacher');
    const history = (await teacher.get('/api/auth/me/history')).json() as unknown[];
    expect(history).toEqual([]);
    expect((await new TestClient(app).get('/api/auth/me/history')).statusCode).toBe(401);
  });

  it('refuses a grant made in a session opened with a password the beneficiary reset', async () => {
    // orgadmin creates a second administrator, so knows its first (one-time) password …
    const orgadmin = await loginAs('orgadmin');
    const created = await orgadmin.post('/api/users', { username: 'admin.tva', displayName: 'Andra Admin', password: 'en-forsta-kod-123', roles: [{ organisationId: own, unitId: null, role: 'org_admin' }] });
    expect(created.statusCode).toBe(201);
    // … logs in as it, changes that password as forced, and tries to make themselves a professional.
    const asSecond = await loginAs('admin.tva', 'en-forsta-kod-123');
    expect((await asSecond.post('/api/auth/password', { currentPassword: 'en-forsta-kod-123', newPassword: 'ett-eget-losen-456' })).statusCode).toBe(204);
    const id = await userIdOf(database.db, 'orgadmin');
    const before = await rolesOf('orgadmin');
    const res = await asSecond.patch(`/api/users/${id}`, { roles: [...before, { organisationId: own, unitId: null, role: 'professional' }] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('second_admin_required');
    expect(await rolesOf('orgadmin')).toEqual(before);
    // The real owner of the second account, after choosing their password in a fresh session, may.
    const genuine = await loginAs('admin.tva', 'ett-eget-losen-456');
    expect((await genuine.patch(`/api/users/${id}`, { roles: before, title: 'Administratör 2' })).statusCode).toBe(200);
  });
});

describe('a password reset by an administrator', () => {
  it('ends the account’s sessions, is one-time, and limits the next session to changing it', async () => {
    const teacherId = await userIdOf(database.db, 'teacher');
    const open = await loginAs('teacher');
    const orgadmin = await loginAs('orgadmin');
    expect((await orgadmin.patch(`/api/users/${teacherId}`, { password: 'ny-tillfallig-kod' })).statusCode).toBe(200);
    expect((await open.get('/api/auth/me')).statusCode).toBe(401);

    const client = new TestClient(app);
    const login = await client.login('teacher', 'ny-tillfallig-kod');
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ username: 'teacher', mustChangePassword: true });
    const second = await loginAs('teacher', 'ny-tillfallig-kod');
    for (const path of ['/api/users', '/api/me/children', '/api/auth/me/history', '/api/test/actor']) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('password_change_required');
    }
    expect((await client.get('/api/auth/me')).json().mustChangePassword).toBe(true);

    // Not the same again, not a breached password.
    const same = await client.post('/api/auth/password', { currentPassword: 'ny-tillfallig-kod', newPassword: 'ny-tillfallig-kod' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('password_unchanged');
    const breached = await client.post('/api/auth/password', { currentPassword: 'ny-tillfallig-kod', newPassword: 'manchester' });
    expect(breached.statusCode).toBe(400);
    expect(breached.json().error).toMatchObject({ code: 'weak_password', details: [{ problem: 'too_common' }] });
    expect((await client.post('/api/auth/password', { currentPassword: 'ny-tillfallig-kod', newPassword: 'toves-egen-fras' })).statusCode).toBe(204);

    // This session goes on, the other one is ended, and the session stays marked with the resetter.
    expect((await client.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.get('/api/test/actor')).statusCode).toBe(200);
    expect(seen).toEqual({ passwordResetBy: { userId: await userIdOf(database.db, 'orgadmin'), username: 'orgadmin' }, mustChangePassword: false });
    const history = (await client.get('/api/auth/me/history')).json() as { kind: string; by: { username: string } }[];
    expect(history[0]).toMatchObject({ kind: 'password_reset', by: { username: 'orgadmin' } });

    // A login with the password the owner chose is an ordinary, unmarked session.
    const fresh = await loginAs('teacher', 'toves-egen-fras');
    expect((await fresh.get('/api/test/actor')).statusCode).toBe(200);
    expect(seen).toEqual({ passwordResetBy: null, mustChangePassword: false });
    expect((await fresh.get('/api/auth/me/history')).statusCode).toBe(200);
  });
});

describe('changing your own password', () => {
  it('ends your other sessions, and throttles guesses of the current password', async () => {
    const a = await loginAs('nurse');
    const b = await loginAs('nurse');
    expect((await a.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'noras-nya-fras' })).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);

    const codes: number[] = [];
    for (let i = 0; i < 7; i += 1) codes.push((await a.post('/api/auth/password', { currentPassword: `gissning-${i}`, newPassword: 'noras-tredje-fras' })).statusCode);
    expect(codes.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const throttled = await a.post('/api/auth/password', { currentPassword: 'noras-nya-fras', newPassword: 'noras-tredje-fras' });
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });
});
