import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { loadConfig } from '../config.ts';

/**
 * Every API route the server registers (hidden ones too, not only those in the OpenAPI
 * document) is here, in one of three lists. A new route that is in none of them fails this
 * test until someone decides which it is.
 */

// Routes that never return a child's data.
const noChildData = new Set([
  'GET /api/health',
  'GET /api/auth/csrf',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password',
  'GET /api/organisations',
  'GET /api/units',
  'GET /api/units/{id}',
  'POST /api/units',
  'PATCH /api/units/{id}',
  'GET /api/users',
  'GET /api/users/{id}',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'GET /api/admin/audit/verify',
  'GET /api/legal-grounds',
  'GET /api/secrecy-domains/directory',
  'GET /api/openapi.json',
]);

// The OpenAPI document does not describe itself.
const undocumented = new Set(['GET /api/openapi.json']);

// Routes about many children or found by another id: each asks the gate per child (or, for
// log review and the emergency queue, shows no name and is itself logged); their area tests
// prove both sides.
const gatedPerChild = new Set([
  'POST /api/children/search',
  'GET /api/me/children',
  'GET /api/handovers',
  'POST /api/handovers/{id}/accept',
  'POST /api/handovers/{id}/decline',
  'GET /api/log-review',
  'GET /api/log-review/export.csv',
  'GET /api/emergency-access/review',
  'POST /api/emergency-access/{id}/review',
]);

// Every route under /api/children/{id} is probed: it must leave a gate entry for the child.
const sampleBodies: Record<string, (ids: Ids) => unknown> = {
  'POST /api/children/{id}/consents': (ids) => ({ givenBy: 'both_guardians', guardianIds: [], method: 'written', organisationIds: [ids.organisationId], categories: ['school'], validFrom: '2026-11-23' }),
  'POST /api/children/{id}/consents/{consentId}/withdraw': () => ({}),
  'POST /api/children/{id}/care-team': (ids) => ({ userId: ids.userId, organisationId: ids.organisationId, role: 'member', basis: { kind: 'own_organisation' } }),
  'POST /api/children/{id}/care-team/{memberId}/end': () => ({}),
  'POST /api/children/{id}/handovers': (ids) => ({ toUserId: ids.userId, toOrganisationId: ids.organisationId, lifeStage: 'school' }),
  'POST /api/children/{id}/disclosures': (ids) => ({ decision: 'not_shared', toOrganisationId: ids.organisationId, categories: ['school'], what: 'Skolans anteckningar', reason: 'Inget samtycke' }),
  'POST /api/children/{id}/emergency-access': () => ({ reason: 'Akut fara för barnets hälsa, behöver se planen.', legalGroundCode: 'osl_emergency_health' }),
};

interface Ids {
  childId: string;
  userId: string;
  organisationId: string;
}

let t: TestApp;
let outsider: TestClient;
let ids: Ids;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await createTestApp();
  outsider = await t.loginAs('outsider');
  const child = await t.database.db.selectFrom('child').innerJoin('app_user', 'app_user.id', 'child.user_id').select('child.id').where('app_user.username', '=', 'child').executeTakeFirstOrThrow();
  const me = (await outsider.get('/api/auth/me')).json() as { id: string; roles: { organisationId: string }[] };
  ids = { childId: child.id, userId: me.id, organisationId: me.roles[0]!.organisationId };
  routes = t.app.apiRoutes.map((r) => {
    const [method, path] = r.split(' ') as [string, string];
    return { method, path };
  });
});
afterAll(() => t.close());

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const isChildRoute = (r: { path: string }) => r.path.startsWith('/api/children/{id}');

describe('the policy gate guards every route with child data', () => {
  it('has every registered API route in exactly one list, and each in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(routes.map(key).filter((k) => !documented.has(k) && !undocumented.has(k)), 'API routes missing from the OpenAPI document').toEqual([]);
    const unclassified = routes.filter((r) => !isChildRoute(r) && !noChildData.has(key(r)) && !gatedPerChild.has(key(r))).map(key);
    expect(unclassified, 'new routes must be classified here').toEqual([]);
    const stale = [...noChildData, ...gatedPerChild].filter((k) => !routes.some((r) => key(r) === k));
    expect(stale, 'listed routes that no longer exist').toEqual([]);
  });

  it('logs a gate decision about the child for every call to a /api/children/{id} route', async () => {
    const childRoutes = routes.filter(isChildRoute);
    expect(childRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of childRoutes) {
      const url = route.path.replace('{id}', ids.childId).replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const body = route.method === 'GET' ? undefined : (sampleBodies[key(route)]?.(ids) ?? expect.fail(`add a sample body for ${key(route)}`));
      const res = await outsider.request(route.method as 'GET', url, body);
      expect(res.statusCode, `${key(route)} must not answer the outsider with a server error`).toBeLessThan(500);
      const entries = await t.database.db
        .selectFrom('audit_log')
        .select(['subject_type', 'subject_id', 'outcome'])
        .where('request_id', '=', String(res.headers['x-request-id']))
        .execute();
      expect(entries.some((e) => e.subject_type === 'child' && e.subject_id === ids.childId), `${key(route)} left no gate entry for the child`).toBe(true);
      if (res.statusCode < 300) {
        // Only emergency access may succeed for someone outside the team, and it is logged as such.
        expect(key(route)).toBe('POST /api/children/{id}/emergency-access');
      }
    }
  });
});

describe('the benchmark’s ungated ceiling route', () => {
  it('does not exist unless the benchmark asks for it, and never in production', async () => {
    const res = await outsider.get(`/api/bench/children/${ids.childId}/ungated`);
    expect(res.statusCode).toBe(404);
    expect(loadConfig({ SAMSYN_BENCH_ROUTES: 'true', NODE_ENV: 'production' }).benchRoutes).toBe(false);
    expect(loadConfig({ SAMSYN_BENCH_ROUTES: 'true' }).benchRoutes).toBe(true);
    expect(loadConfig({}).benchRoutes).toBe(false);
  });
});
