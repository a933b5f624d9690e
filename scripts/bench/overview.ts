/**
 * The child's overview (issue 13): `GET /api/children/{id}/overview` as `teacher`, for a child with
 * 500 events (busy-child.ts), in a county of 5,000 children and in one of 50,000, beside the same
 * statement and view without gate and log (its ceiling), at 20 connections each.
 *
 * The two counties are two databases with a server each, so the rounds alternate all four
 * scenarios and machine noise hits the two sizes alike: the server the session is logged in to
 * grows its database to 5,000 children, and a second server starts on a fresh database of its own,
 * grown to 50,000. PostgreSQL only (on PGlite the database belongs to the server's process).
 */
import { benchRun } from './context.ts';
import { growCounty } from './county.ts';
import { busyChildEvents } from './busy-child.ts';
import { login, type Scenario, type Session } from './scenarios.ts';
import { prepareTempPostgres, startServer } from './server.ts';
import { envInt, progress } from './util.ts';

const connections = envInt('BENCH_OVERVIEW_CONNECTIONS', 20);
const counties = [envInt('BENCH_COUNTY_SMALL', 5_000), envInt('BENCH_COUNTY_LARGE', 50_000)] as const;
const password = () => process.env.SAMSYN_DEMO_PASSWORD || 'samsyn-demo';

export async function overviewScenarios(session: Session): Promise<Scenario[]> {
  const run = benchRun();
  const ownerUrl = run.database.env.DATABASE_URL;
  const baseUrl = process.env.DATABASE_URL;
  if (run.database.kind !== 'postgresql' || !ownerUrl || !baseUrl) {
    progress('overview scenarios skipped: the counties are generated on PostgreSQL only (set DATABASE_URL)');
    return [];
  }
  const [small, large] = counties;
  progress(`starting a second server for the county of ${large.toLocaleString('en')} children`);
  const largeDatabase = await prepareTempPostgres(baseUrl, run.cleanup);
  const largeServer = await startServer(run.root, largeDatabase, run.cleanup, { startTimeoutMs: run.startTimeoutMs, stopTimeoutMs: 10_000 });
  const sizes = [
    { children: small, url: ownerUrl, session },
    { children: large, url: largeDatabase.env.DATABASE_URL!, session: await login(largeServer.baseUrl, session.username, password()) },
  ];
  const scenarios: Scenario[] = [];
  for (const size of sizes) {
    const started = performance.now();
    const { busyChildId, added } = await growCounty(size.url, size.children, (step) => progress(`  county of ${size.children.toLocaleString('en')}: ${step}`));
    progress(`county of ${size.children.toLocaleString('en')}: the bench child (${busyChildEvents} events) and ${added.toLocaleString('en')} more children in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const name = `overview-${size.children / 1000}k`;
    const headers = { cookie: size.session.cookie };
    const on = size.session.baseUrl;
    scenarios.push(
      { name, method: 'GET', path: `/api/children/${busyChildId}/overview`, headers, baseUrl: on, connections, baselines: [`${name}-ungated`, 'health'] },
      { name: `${name}-ungated`, method: 'GET', path: `/api/bench/children/${busyChildId}/overview/ungated`, headers, baseUrl: on, connections, baselines: ['health'] },
    );
  }
  // The page must not slow down as the county grows: the large county against the small one.
  scenarios[2]!.baselines!.push(scenarios[0]!.name);
  scenarios[3]!.baselines!.push(scenarios[1]!.name);
  return scenarios;
}
