import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 4096 });
  admin = await t.loginAs('orgadmin');
});
afterAll(() => t.close());

describe('errors have one shape', () => {
  it('answers malformed JSON with 400 invalid_json, never 500', async () => {
    const res = await admin.request('POST', '/api/units', '{"name": "trasig', {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  it('answers validation errors with field paths', async () => {
    const res = await admin.post('/api/units', { name: 'x', sector: 'casino' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.organisationId', 'body.name', 'body.sector']));
  });

  it('answers a body over the limit with 413', async () => {
    const res = await admin.post('/api/units', { name: 'x'.repeat(10_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await admin.request('POST', '/api/units', 'plain words', { headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('answers unknown API paths with a JSON 404, and other paths with the web app or 404', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const unauthenticated = await t.client().request('DELETE', '/api/units/whatever', undefined, { csrf: true });
    expect(unauthenticated.statusCode).toBe(404);
  });

  it('never leaks a stack trace', async () => {
    const res = await admin.request('POST', '/api/units', '[1,2', {});
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(res.body).not.toMatch(/stack/i);
  });
});
