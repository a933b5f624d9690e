import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, testPassword, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginThrottle: { perAccount: 5, perAddress: 12, maxDelayMinutes: 15 } });
});
afterAll(() => t.close());

async function lastAudit(action: string) {
  return t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst();
}

describe('login', () => {
  it('logs in with the demo password and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const client = t.client();
    client.ip = '10.0.0.1';
    const res = await client.login('teacher', testPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'teacher', authMethod: 'local', roles: [expect.objectContaining({ role: 'professional' })] });
    // The services' clock, which the web dates its forms from.
    expect(Math.abs(Date.parse(res.json().now) - t.app.services.clock.now().getTime())).toBeLessThan(60_000);
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('samsyn_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('teacher');
    expect(await lastAudit('auth.login')).toMatchObject({ actor_username: 'teacher', outcome: 'success', client_ip: '10.0.0.1' });
  });

  it('marks the cookie Secure when served behind TLS', async () => {
    const secure = await createTestApp({ secureCookies: true });
    try {
      const res = await secure.client().login('teacher', testPassword);
      expect([res.headers['set-cookie']].flat().find((c) => c?.startsWith('samsyn_session='))).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });

  it('refuses a wrong password with invalid_credentials and logs the failure', async () => {
    const client = t.client();
    client.ip = '10.0.0.2';
    const res = await client.login('nurse', 'not-the-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect(res.json().error.message).toBe('Fel användarnamn eller lösenord.');
    expect(res.cookies.find((c) => c.name === 'samsyn_session')).toBeUndefined();
    expect(await lastAudit('auth.login')).toMatchObject({ actor_username: 'nurse', outcome: 'failure', details: { reason: 'wrong_password' } });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const client = t.client();
    client.ip = '10.0.0.3';
    const res = await client.login('nobody-here', 'not-the-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  it('gives the message in English when the client prefers English', async () => {
    const client = t.client();
    client.ip = '10.0.0.4';
    client.headers['accept-language'] = 'en-GB,en;q=0.9,sv;q=0.5';
    const res = await client.login('nurse', 'not-the-password');
    expect(res.json().error.message).toBe('Wrong username or password.');
  });

  it('throttles an account after repeated failures, even with the right password then', async () => {
    const client = t.client();
    client.ip = '10.0.1.1';
    for (let i = 0; i < 5; i += 1) expect((await client.login('coordinator', `wrong-${i}-password`)).statusCode).toBe(401);
    const res = await client.login('coordinator', testPassword);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('login_throttled');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from another address is not affected.
    const other = t.client();
    other.ip = '10.0.1.2';
    expect((await other.login('analyst', testPassword)).statusCode).toBe(200);
    expect(await lastAudit('auth.login')).toMatchObject({ actor_username: 'analyst', outcome: 'success' });
  });

  it('throttles a client address that tries many accounts', async () => {
    const client = t.client();
    client.ip = '10.0.2.1';
    for (let i = 0; i < 12; i += 1) await client.login(`guess${i}`, 'wrong-password-x');
    const res = await client.login('psychologist', testPassword);
    expect(res.statusCode).toBe(429);
    const elsewhere = t.client();
    elsewhere.ip = '10.0.2.2';
    expect((await elsewhere.login('psychologist', testPassword)).statusCode).toBe(200);
  });

  it('refuses a deactivated user, and ends their open sessions', async () => {
    const admin = await t.loginAs('orgadmin');
    const victim = t.client();
    victim.ip = '10.0.3.1';
    expect((await victim.login('socialworker', testPassword)).statusCode).toBe(200);
    const users = (await admin.get('/api/users')).json() as { id: string; username: string }[];
    const id = users.find((u) => u.username === 'socialworker')!.id;
    expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const res = await victim.login('socialworker', testPassword);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('account_inactive');
    expect((await admin.patch(`/api/users/${id}`, { active: true })).statusCode).toBe(200);
    expect((await victim.login('socialworker', testPassword)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('needs a session for the API', async () => {
    const res = await t.client().get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('expires a session idle for longer than the idle timeout', async () => {
    const client = await t.loginAs('manager');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const idleSince = new Date(t.app.services.clock.now().getTime() - (t.config.sessionIdleMinutes + 1) * 60_000);
    await sql`UPDATE session SET last_seen_at = ${idleSince}
      WHERE user_id = (SELECT id FROM app_user WHERE username = 'manager')`.execute(t.database.db);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
    expect((await client.get('/api/auth/me')).json().error.code).toBe('unauthenticated');
  });

  it('keeps a session alive while it is used', async () => {
    const client = await t.loginAs('analyst');
    const seenAt = new Date(t.app.services.clock.now().getTime() - (t.config.sessionIdleMinutes - 2) * 60_000);
    await sql`UPDATE session SET last_seen_at = ${seenAt}
      WHERE user_id = (SELECT id FROM app_user WHERE username = 'analyst')`.execute(t.database.db);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const row = await t.database.db.selectFrom('session').select('last_seen_at').orderBy('last_seen_at', 'desc').executeTakeFirstOrThrow();
    expect(t.app.services.clock.now().getTime() - new Date(row.last_seen_at).getTime()).toBeLessThan(60_000);
  });

  it('logs out: the session ends and the logout is audited', async () => {
    const client = await t.loginAs('teacher');
    const res = await client.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect(await lastAudit('auth.logout')).toMatchObject({ actor_username: 'teacher', outcome: 'success' });
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token', async () => {
    const client = t.client();
    const res = await client.request('POST', '/api/auth/login', { username: 'teacher', password: testPassword }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
  });

  it('refuses a token that does not match the browser cookie', async () => {
    const a = t.client();
    const b = t.client();
    await a.fetchCsrf();
    await b.fetchCsrf();
    a.csrfToken = b.csrfToken;
    expect((await a.login('teacher', testPassword)).json().error.code).toBe('csrf_invalid');
  });

  it('refuses a forged signature on a matching nonce', async () => {
    const client = t.client();
    const token = await client.fetchCsrf();
    client.csrfToken = `${token.split('.')[0]}.forged-signature-forged-signature-forged12`;
    expect((await client.login('teacher', testPassword)).statusCode).toBe(403);
  });

  it('refuses a logged-in user’s change without the token', async () => {
    const client = await t.loginAs('orgadmin');
    const res = await client.request('POST', '/api/auth/logout', {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('password change and policy', () => {
  it('changes the password when the current one is given and the new one meets the policy', async () => {
    const client = await t.loginAs('outsider');
    const weak = await client.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    expect(weak.json().error.details).toEqual([{ path: 'body.password', problem: 'too_short' }]);
    const wrong = await client.post('/api/auth/password', { currentPassword: 'not-current-pw', newPassword: 'a-much-longer-secret' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('wrong_current_password');
    const ok = await client.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'a-much-longer-secret' });
    expect(ok.statusCode).toBe(204);
    const fresh = t.client();
    fresh.ip = '10.0.4.1';
    expect((await fresh.login('outsider', testPassword)).statusCode).toBe(401);
    expect((await fresh.login('outsider', 'a-much-longer-secret')).statusCode).toBe(200);
  });
});
