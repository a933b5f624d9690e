/**
 * npm run bench: starts the real server (PostgreSQL when DATABASE_URL is set, otherwise PGlite in
 * a temporary folder), logs in through the API, and drives each scenario with autocannon:
 * a warm-up, then rounds that alternate the scenarios (health, me, health, me, …) so machine
 * noise hits them alike. Prints a table and one JSON line on stdout, progress on stderr, and
 * exits non-zero if any request failed or got a non-2xx answer.
 *
 * Environment: BENCH_SECONDS (10 per run), BENCH_CONNECTIONS (50; a scenario may carry its own),
 * BENCH_ROUNDS (2), BENCH_WARMUP_SECONDS (3), BENCH_START_TIMEOUT_SECONDS (90), BENCH_SERVER_LOG_LEVEL
 * (warn), BENCH_STOP_TIMEOUT_SECONDS (10), BENCH_ONLY (scenario name prefixes, comma-separated: run only
 * those; a name ending in $ is matched whole, so `plan-revision$` runs the gated save without its ceiling).
 * On PostgreSQL the bench creates its own database beside DATABASE_URL's and drops it after.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAutocannon } from './bench/autocannon.ts';
import { figuresOf, ratiosOf, renderJson, renderTable, summarize, type BenchSettings, type RunFigures } from './bench/report.ts';
import { benchScenarios, checkScenario, demoChildIdentityNumber, login, type Scenario } from './bench/scenarios.ts';
import { prepareTempPglite, prepareTempPostgres, redactUrl, startServer, type BenchDatabase } from './bench/server.ts';
import { Cleanup, envInt, progress } from './bench/util.ts';
import { setBenchRun } from './bench/context.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const seconds = envInt('BENCH_SECONDS', 10);
const connections = envInt('BENCH_CONNECTIONS', 50);
const rounds = envInt('BENCH_ROUNDS', 2);
const warmupSeconds = envInt('BENCH_WARMUP_SECONDS', 3);
const startTimeoutMs = envInt('BENCH_START_TIMEOUT_SECONDS', 90) * 1000;
// A server run with --cpu-prof writes its profile as it stops, which may take longer.
const stopTimeoutMs = envInt('BENCH_STOP_TIMEOUT_SECONDS', 10) * 1000;
const demoUser = 'teacher';
const demoPassword = process.env.SAMSYN_DEMO_PASSWORD || 'samsyn-demo';

const cleanup = new Cleanup(30_000);

async function drive(baseUrl: string, scenario: Scenario, duration: number) {
  return runAutocannon(
    {
      url: `${scenario.baseUrl ?? baseUrl}${scenario.path}`,
      method: scenario.method,
      connections: scenario.connections ?? connections,
      duration,
      // Seconds: PGlite serialises 50 connections onto one, so its slowest answers take several seconds.
      timeout: 30,
      ...(scenario.headers ? { headers: scenario.headers } : {}),
      ...(scenario.body !== undefined ? { body: scenario.body } : {}),
      ...(scenario.requests ? { requests: scenario.requests } : {}),
    },
    duration * 1000 + 30_000,
  );
}

async function bench(): Promise<boolean> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  if (loadAtStart > 1) progress(`load average is ${loadAtStart.toFixed(1)}: other work on this machine will skew the figures`);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  progress(databaseUrl ? `preparing a temporary database on ${redactUrl(databaseUrl)}` : 'preparing a temporary PGlite folder');
  const database: BenchDatabase = databaseUrl ? await prepareTempPostgres(databaseUrl, cleanup) : await prepareTempPglite(cleanup);

  progress(`starting the server on ${database.label} (migrations and demo data on the way)`);
  const server = await startServer(root, database, cleanup, { startTimeoutMs, stopTimeoutMs });
  progress(`server answers on ${server.baseUrl}`);

  const session = await login(server.baseUrl, demoUser, demoPassword);
  progress(`logged in as ${demoUser} through /api/auth/csrf and /api/auth/login`);

  setBenchRun({ root, cleanup, database, startTimeoutMs });
  // Scenarios may prepare data (the overview grows two counties and starts a second server).
  armWatchdog('preparing the scenarios', 2 * startTimeoutMs + 180_000);
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const scenarios = (await benchScenarios(session, await demoChildIdentityNumber(server.baseUrl, demoPassword))).filter((s) => !only || only.some((o) => (o.endsWith('$') ? s.name === o.slice(0, -1) : s.name.startsWith(o))));
  for (const scenario of scenarios) await checkScenario(server.baseUrl, scenario);
  progress(`checked ${scenarios.map((s) => s.name).join(', ')}: each answers 2xx`);
  const runCount = scenarios.length * (rounds + 1);
  armWatchdog('the load runs', scenarios.length * (warmupSeconds + rounds * seconds) * 1000 + runCount * 15_000 + 60_000);

  const warmupFailures = new Map<string, number>();
  for (const scenario of scenarios) {
    progress(`warm-up ${scenario.name}: ${scenario.method} ${scenario.path}, ${warmupSeconds} s`);
    const result = await drive(server.baseUrl, scenario, warmupSeconds);
    warmupFailures.set(scenario.name, result.errors + result.non2xx);
  }

  const runs = new Map<string, RunFigures[]>(scenarios.map((s) => [s.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of scenarios) {
      const gone = server.exited();
      if (gone) throw new Error(gone);
      progress(`round ${round}/${rounds} ${scenario.name}: ${scenario.method} ${scenario.path}, ${scenario.connections ?? connections} connections, ${seconds} s`);
      const figures = figuresOf(round, await drive(server.baseUrl, scenario, seconds));
      runs.get(scenario.name)!.push(figures);
      const problems = figures.errors + figures.non2xx ? `, ${figures.errors} errors, ${figures.non2xx} non-2xx` : '';
      progress(`  ${figures.rps.toFixed(0)} req/s, p99 ${figures.p99Ms} ms${problems}`);
    }
  }
  const exited = server.exited();
  if (exited) throw new Error(exited);

  const settings: BenchSettings = {
    database: database.kind,
    databaseLabel: database.label,
    seconds,
    connections,
    rounds,
    warmupSeconds,
    loadAtStart,
  };
  const summaries = scenarios.map((s) => summarize(s, runs.get(s.name)!, warmupFailures.get(s.name) ?? 0, connections));
  const ratios = ratiosOf(summaries);
  const ok = summaries.every((s) => s.errors === 0 && s.non2xx === 0 && s.warmupFailures === 0);
  console.log(`\n${renderTable(settings, summaries, ratios)}\n`);
  console.log(renderJson(settings, summaries, ratios, ok));
  if (!ok) progress('FAILED: some requests errored or got a non-2xx answer');
  return ok;
}

async function finish(code: number): Promise<never> {
  await cleanup.run();
  process.exit(code);
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping`);
    void finish(code);
  });
}

// Bounded in time whatever happens: one deadline for the start, another once the runs are known.
let watchdog: NodeJS.Timeout | undefined;
function armWatchdog(phase: string, ms: number): void {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => {
    progress(`FAILED: ${phase} took longer than ${Math.round(ms / 1000)} s`);
    void finish(1);
  }, ms).unref();
}
armWatchdog('starting and logging in', startTimeoutMs + 60_000);

bench().then(
  (ok) => finish(ok ? 0 : 1),
  (error: unknown) => {
    progress(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return finish(1);
  },
);
