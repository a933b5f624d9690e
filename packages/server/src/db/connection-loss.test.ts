import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('when the database ends the server’s idle connections', () => {
  // A PostgreSQL restart or an administrator does this. Unheard, the pool's 'error' event would
  // crash the process (and fail this run as an unhandled error); PGlite has no such connections.
  it('goes on answering from new connections', async () => {
    const teacher = await t.loginAs('teacher');
    await Promise.all([teacher.get('/api/auth/me'), teacher.get('/api/auth/me'), teacher.get('/api/auth/me')]);
    await t.database.ownerScript.exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = session_user`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const res = await teacher.get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json().username).toBe('teacher');
  });
});
