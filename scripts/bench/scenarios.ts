/**
 * What the bench drives. Each scenario is one request that autocannon repeats; a scenario can
 * name others as its baselines, and the report gives the ratios between them. Later issues add
 * scenarios here (e.g. an audited read of a child's record beside the same read without gate
 * and log, its ceiling), using the logged-in session and, if they need ids, `session.getJson`.
 */
import { progress } from './util.ts';
import { myChildrenScenarios } from './my-children.ts';
import { planScenarios } from './plans.ts';
import type { AutocannonRequest } from './autocannon.ts';
import { overviewScenarios } from './overview.ts';

export interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path on the server, from /api. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The scenarios this one is compared with (throughput and p99 ratios). */
  baselines?: string[];
  /** Connections for this scenario, where it is not the run's (BENCH_CONNECTIONS). */
  connections?: number;
  /** Requests made anew for each send (a save on the plan's current revision), instead of one fixed request. */
  requests?: AutocannonRequest[];
  /** Another server of the run than the session's (the overview's large county has its own). */
  baseUrl?: string;
}

export interface Session {
  baseUrl: string;
  username: string;
  /** `samsyn_session=…; samsyn_csrf=…` for the Cookie header. */
  cookie: string;
  /** For state-changing requests (x-csrf-token). */
  csrfToken: string;
  /** An authenticated GET, for scenarios that need ids from the demo data. */
  getJson<T>(path: string): Promise<T>;
}

function cookiesOf(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return cookies;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  const text = await response.text().catch(() => '');
  throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
}

/** Logs in through the real API: CSRF token and cookie first, then POST /api/auth/login. */
export async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const timeout = () => AbortSignal.timeout(15_000);
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { signal: timeout() });
  await expectOk(csrfResponse, 'GET /api/auth/csrf');
  const { token } = (await csrfResponse.json()) as { token: string };
  const csrfCookie = cookiesOf(csrfResponse).get('samsyn_csrf');
  if (!csrfCookie) throw new Error('GET /api/auth/csrf set no samsyn_csrf cookie');

  const loginResponse = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: `samsyn_csrf=${csrfCookie}` },
    body: JSON.stringify({ username, password }),
    signal: timeout(),
  });
  await expectOk(loginResponse, `POST /api/auth/login as ${username}`);
  await loginResponse.body?.cancel();
  const sessionCookie = cookiesOf(loginResponse).get('samsyn_session');
  if (!sessionCookie) throw new Error('POST /api/auth/login set no samsyn_session cookie');

  // The CSRF token is bound to the session and rotates at login: fetch the session's own.
  const rotatedCsrf = cookiesOf(loginResponse).get('samsyn_csrf') ?? csrfCookie;
  const cookie = `samsyn_session=${sessionCookie}; samsyn_csrf=${rotatedCsrf}`;
  const sessionCsrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie }, signal: timeout() });
  await expectOk(sessionCsrf, 'GET /api/auth/csrf (after login)');
  const { token: sessionToken } = (await sessionCsrf.json()) as { token: string };
  return {
    baseUrl,
    username,
    cookie,
    csrfToken: sessionToken,
    async getJson<T>(path: string): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, signal: timeout() });
      await expectOk(response, `GET ${path}`);
      return (await response.json()) as T;
    },
  };
}

/**
 * The demo child's identity number: it follows the day the demo was seeded, so the bench asks
 * the demo child herself (login `child`), as she sees it in the e-service.
 */
export async function demoChildIdentityNumber(baseUrl: string, password: string): Promise<string> {
  const child = await login(baseUrl, 'child', password);
  const mine = await child.getJson<{ relation: string; identityNumber: string }[]>('/api/me/children');
  const self = mine.find((c) => c.relation === 'self');
  if (!self) throw new Error('the demo child `child` does not see herself in /api/me/children');
  return self.identityNumber;
}

/** The scenarios of this run, in the order each round drives them. */
export async function benchScenarios(session: Session, demoChildNumber: string): Promise<Scenario[]> {
  const authenticated = { cookie: session.cookie };
  progress(`scenarios use the session of ${session.username}`);
  const childId = await demoChildId(session, demoChildNumber);
  return [
    { name: 'health', method: 'GET', path: '/api/health' },
    // One authenticated query (the session's): what any signed-in read costs at the least.
    { name: 'me', method: 'GET', path: '/api/auth/me', headers: authenticated, baselines: ['health'] },
    // The audited read: session, the gate's facts and the record in one query, the audit entry (group commit).
    { name: 'record', method: 'GET', path: `/api/children/${childId}`, headers: authenticated, baselines: ['health', 'record-ungated'] },
    // The same read without gate and log: the ceiling the audited read is measured against.
    { name: 'record-ungated', method: 'GET', path: `/api/bench/children/${childId}/ungated`, headers: authenticated, baselines: ['health', 'me'] },
    ...(wanted('my-children') ? await myChildrenScenarios(session) : []),
    ...(wanted('plan-revision') ? await planScenarios(session) : []),
    ...(wanted('overview') ? await overviewScenarios(session) : []),
  ];
}

/**
 * Whether BENCH_ONLY asks for a group of scenarios: a group that prepares data (the overview
 * grows two counties) is prepared only when one of its scenarios will run.
 */
function wanted(group: string): boolean {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  return !only || only.some((o) => o.startsWith(group) || group.startsWith(o));
}

/** The demo child (whose named person is the bench's user), found as a user would: by identity number. */
async function demoChildId(session: Session, demoChildNumber: string): Promise<string> {
  const response = await fetch(`${session.baseUrl}/api/children/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ identityNumber: demoChildNumber }),
    signal: AbortSignal.timeout(15_000),
  });
  await expectOk(response, 'POST /api/children/search');
  const result = (await response.json()) as { access: string; childId?: string };
  if (result.access !== 'allowed' || !result.childId) throw new Error(`the bench user may not read the demo child (${result.access})`);
  return result.childId;
}

/** One request of the scenario, to fail fast (and clearly) before any load is applied. */
export async function checkScenario(baseUrl: string, scenario: Scenario): Promise<void> {
  // A scenario whose requests are made anew is checked with its first one, made as autocannon makes it.
  const first = scenario.requests?.[0];
  const context: Record<string, unknown> = {};
  const made = first?.setupRequest ? first.setupRequest({ ...first }, context) : first;
  const headers = made?.headers ?? scenario.headers;
  const body = made?.body ?? scenario.body;
  const response = await fetch(`${scenario.baseUrl ?? baseUrl}${made?.path ?? scenario.path}`, {
    method: scenario.method,
    ...(headers ? { headers } : {}),
    ...(body !== undefined ? { body } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  first?.onResponse?.(response.status, '', context);
  await expectOk(response, `${scenario.method} ${scenario.path} (${scenario.name})`);
  await response.body?.cancel();
}
