import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The routes anyone may call; every other route in the OpenAPI document needs a session.
// The self-rating form opened by a one-time code needs no session: the code is the key (wellbeing/).
// The open aggregate API serves suppressed survey figures to anyone (surveys/, issue 15).
// Published public pages and their feedback form are the login-free part of Samsyn (public-pages/, issue 16).
const publicRoutes = new Set([
  'GET /api/health', 'GET /api/auth/csrf', 'POST /api/auth/login', 'POST /api/self-rating/open', 'POST /api/self-rating/submit',
  'GET /api/open/survey-indicators', 'GET /api/open/survey-estimates', 'GET /api/open/child-level-indicators/{id}',
  'GET /public/{slug}', 'POST /public/{slug}/feedback',
  // The newsletter's PDF and its subscribe, confirm and unsubscribe forms (newsletter/, issue 17).
  'GET /public/newsletter/{slug}/pdf', 'POST /public/newsletter/subscribe', 'GET /public/newsletter/confirm', 'POST /public/newsletter/confirm', 'GET /public/newsletter/unsubscribe', 'POST /public/newsletter/unsubscribe',
]);

describe('every API route', () => {
  it('refuses a caller without a session, except the public ones', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const { method, path } of routes) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const client = t.client();
      const res = await client.request(method as 'GET', url, method === 'GET' ? undefined : {});
      if (publicRoutes.has(`${method} ${path}`)) {
        expect(res.statusCode, `${method} ${path}`).not.toBe(401);
      } else {
        expect(res.statusCode, `${method} ${path}`).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
    }
  });
});
