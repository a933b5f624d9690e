import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and API description', () => {
  it('answers with status, database kind and version', async () => {
    const res = await t.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(['pglite', 'postgresql']).toContain(res.json().database);
  });

  it('serves an OpenAPI 3.1 document with every API route', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/health', '/api/auth/login', '/api/auth/me', '/api/units', '/api/units/{id}', '/api/users', '/api/users/{id}', '/api/organisations', '/api/admin/audit/verifications', '/api/admin/audit/verifications/{id}']) {
      expect(paths).toContain(p);
    }
    // Request bodies are generated from the zod schemas.
    expect(doc.paths['/api/units'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['organisationId', 'name', 'sector']),
    );
  });

  it('shows the API documentation at /api/docs without a session', async () => {
    const res = await t.client().get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('sets security headers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
