import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testPassword, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const shape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('an encoded path gets the same checks as the plain one', () => {
  it('answers /%61pi/… exactly like /api/…: public, session-only and unsafe routes', async () => {
    for (const prefix of ['/api', '/%61pi', '/%61%70%69']) {
      const anonymous = t.client();
      const health = await anonymous.get(`${prefix}/health`);
      expect(health.statusCode, prefix).toBe(200);
      expect(health.headers['cache-control']).toBe('no-store');
      expect(health.headers['x-request-id']).toEqual(expect.any(String));
      // Session-only: 401, not 500 and not a web page.
      const me = await anonymous.get(`${prefix}/auth/me`);
      expect(me.statusCode, prefix).toBe(401);
      expect(me.json().error.code).toBe('unauthenticated');
      // Unsafe without the CSRF token: refused before the password is looked at.
      const noCsrf = await anonymous.request('POST', `${prefix}/auth/login`, { username: 'teacher', password: testPassword }, { csrf: false });
      expect(noCsrf.statusCode, prefix).toBe(403);
      expect(noCsrf.json().error.code).toBe('csrf_invalid');
      // With the token, a session, which then reads /auth/me through the same prefix.
      const login = await anonymous.request('POST', `${prefix}/auth/login`, { username: 'teacher', password: testPassword });
      expect(login.statusCode, prefix).toBe(200);
      const mine = await anonymous.get(`${prefix}/auth/me`);
      expect(mine.statusCode, prefix).toBe(200);
      expect(mine.json().username).toBe('teacher');
      const logoutNoCsrf = await anonymous.request('POST', `${prefix}/auth/logout`, {}, { csrf: false });
      expect(logoutNoCsrf.statusCode, prefix).toBe(403);
      expect((await anonymous.get(`${prefix}/users`)).json().error.code).toBe('forbidden');
    }
  });

  it('answers an unknown encoded API path with the JSON 404, and a malformed encoding with 400', async () => {
    const unknown = await t.client().get('/%61pi/no-such-thing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const malformed = await t.client().get('/api/users/%zz');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'bad_request', message: expect.any(String) } });
  });
});

describe('the CSRF token is bound to the session', () => {
  it('refuses a token from another session, even with the same browser cookie', async () => {
    const teacher = await t.loginAs('teacher');
    const teacherToken = await teacher.fetchCsrf();
    const nurse = await t.loginAs('nurse');
    nurse.cookies.set('samsyn_csrf', teacher.cookies.get('samsyn_csrf')!);
    nurse.csrfToken = teacherToken;
    const res = await nurse.request('POST', '/api/auth/logout', {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
    // Its own token, for that same cookie, works.
    await nurse.fetchCsrf();
    expect((await nurse.request('POST', '/api/auth/logout', {})).statusCode).toBe(204);
  });

  it('rotates at login and at logout: a token from before no longer works', async () => {
    const client = t.client();
    const before = await client.fetchCsrf();
    const nonceBefore = client.cookies.get('samsyn_csrf');
    expect((await client.login('manager', testPassword)).statusCode).toBe(200);
    expect(client.cookies.get('samsyn_csrf')).not.toBe(nonceBefore);
    client.csrfToken = before;
    expect((await client.request('POST', '/api/auth/logout', {})).json().error.code).toBe('csrf_invalid');
    const during = await client.fetchCsrf();
    expect(during).not.toBe(before);
    expect((await client.request('POST', '/api/auth/logout', {})).statusCode).toBe(204);
    client.csrfToken = during;
    expect((await client.login('manager', testPassword)).json().error.code).toBe('csrf_invalid');
  });
});

describe('a NUL byte is refused with 400, wherever it is', () => {
  it('in a body string, a nested value, a key, the query string and a path parameter', async () => {
    const admin = await t.loginAs('orgadmin');
    const cases = [
      await t.client().login('teach\u0000er', testPassword),
      await admin.post('/api/children/search', { identityNumber: '20120514-9824\u0000' }),
      await admin.post('/api/units', { name: 'Enhet', sector: 'school', organisationId: '00000000-0000-4000-8000-000000000000', extra: { ['k\u0000']: 1 } }),
      await admin.get('/api/units?organisationId=%00'),
      await admin.get('/api/users/%00'),
      await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: ['ok', 'inte\u0000ok'] }),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_characters', message: expect.any(String) } });
    }
  });

  it('refuses a lone surrogate too (PostgreSQL json cannot hold it), and lets a real pair through', async () => {
    const lone = await t.client().request('POST', '/api/auth/login', JSON.stringify({ username: 'lone \ud800 half', password: 'x' }));
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error).toMatchObject({ code: 'invalid_characters', details: [{ path: 'body.username', problem: 'lone_surrogate' }] });
    const pair = await t.client().request('POST', '/api/auth/login', JSON.stringify({ username: 'emoji 😀', password: 'x' }));
    expect(pair.statusCode).toBe(401);
  });
});

describe("Fastify's own errors have the shared shape", () => {
  it('answers a path parameter over the router limit (100 characters) with a 4xx in the shared shape', async () => {
    const admin = await t.loginAs('orgadmin');
    const res = await admin.get(`/api/users/${'a'.repeat(500)}`);
    // The router finds no route for it: the JSON 404 (Fastify would answer 414 in its own shape).
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers headers too large (431) and a broken request line (400) from the HTTP parser itself', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const raw = (text: string) => new Promise<string>((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    const parse = (answer: string) => ({ status: Number(answer.split(' ')[1]), body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as unknown });
    const big = parse(await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(big.status).toBe(431);
    expect(big.body).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
    const longUrl = parse(await raw(`GET /api/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect([414, 431]).toContain(longUrl.status);
    expect(longUrl.body).toEqual(shape);
    const broken = parse(await raw('NOT A REQUEST\r\n\r\n'));
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
  });
});
