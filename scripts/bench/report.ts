/** Figures per run, the summary per scenario, the table for people and the JSON line for machines. */
import os from 'node:os';
import type { AutocannonResult } from './autocannon.ts';
import type { Scenario } from './scenarios.ts';

export interface RunFigures {
  round: number;
  /** Requests per second, mean of autocannon's one-second samples. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export function figuresOf(round: number, result: AutocannonResult): RunFigures {
  return {
    round,
    rps: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}

export interface ScenarioSummary {
  name: string;
  method: string;
  path: string;
  baselines: string[];
  connections: number;
  /** Best of the rounds: noise on a shared machine only ever lowers throughput and raises latency. */
  rps: number;
  p99Ms: number;
  rpsMedian: number;
  p99MsMedian: number;
  rounds: RunFigures[];
  errors: number;
  non2xx: number;
  /** Errors and non-2xx responses during the warm-up (not in the figures, but they fail the bench). */
  warmupFailures: number;
}

export interface Ratio {
  scenario: string;
  baseline: string;
  /** Throughput of the scenario as a share of its baseline's. */
  rps: number;
  /** p99 latency of the scenario as a multiple of its baseline's. */
  p99: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(scenario: Scenario, runs: RunFigures[], warmupFailures: number, connections: number): ScenarioSummary {
  return {
    name: scenario.name,
    method: scenario.method,
    path: scenario.path,
    baselines: scenario.baselines ?? [],
    connections: scenario.connections ?? connections,
    rps: Math.max(...runs.map((r) => r.rps)),
    p99Ms: Math.min(...runs.map((r) => r.p99Ms)),
    rpsMedian: median(runs.map((r) => r.rps)),
    p99MsMedian: median(runs.map((r) => r.p99Ms)),
    rounds: runs,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    warmupFailures,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function ratiosOf(summaries: ScenarioSummary[]): Ratio[] {
  const byName = new Map(summaries.map((s) => [s.name, s]));
  const ratios: Ratio[] = [];
  for (const s of summaries) {
    for (const name of s.baselines) {
      const base = byName.get(name);
      if (base) ratios.push({ scenario: s.name, baseline: base.name, rps: round2(s.rps / base.rps), p99: round2(s.p99Ms / base.p99Ms) });
    }
  }
  return ratios;
}

export interface BenchSettings {
  database: string;
  databaseLabel: string;
  seconds: number;
  connections: number;
  rounds: number;
  warmupSeconds: number;
  /** One-minute load average when the bench began: other work on the machine skews the figures. */
  loadAtStart: number;
}

function table(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row, r) => {
      const line = row.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
      return r === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

export function renderTable(settings: BenchSettings, summaries: ScenarioSummary[], ratios: Ratio[]): string {
  const header = [
    `Samsyn bench: ${settings.databaseLabel}`,
    `${settings.connections} connections unless a scenario says otherwise, ${settings.rounds} round(s) of ${settings.seconds} s per scenario after ${settings.warmupSeconds} s warm-up; ` +
      `${os.cpus().length} CPU(s), Node ${process.versions.node}, load average ${settings.loadAtStart.toFixed(1)} at start`,
    'req/s and p99 are the best of the rounds (median beside); latency counts 2xx responses only.',
    '',
  ];
  const rows = [
    ['scenario', 'request', 'conn', 'req/s', 'median', 'p99 ms', 'median', 'per round req/s', 'errors', 'non-2xx'],
    ...summaries.map((s) => [
      s.name,
      `${s.method} ${s.path}`,
      String(s.connections),
      fmt(s.rps),
      fmt(s.rpsMedian),
      fmt(s.p99Ms),
      fmt(s.p99MsMedian, 1),
      s.rounds.map((r) => fmt(r.rps)).join(' / '),
      String(s.errors),
      String(s.non2xx),
    ]),
  ];
  const warmupLines = summaries
    .filter((s) => s.warmupFailures > 0)
    .map((s) => `warm-up of ${s.name}: ${s.warmupFailures} errors or non-2xx responses`);
  const ratioLines = ratios.map(
    (r) => `ratio ${r.scenario}/${r.baseline}: throughput ${r.rps.toFixed(2)}, p99 ${r.p99.toFixed(2)}×`,
  );
  return [...header, table(rows, new Set([2, 3, 4, 5, 6, 8, 9])), ...warmupLines, '', ...ratioLines].join('\n');
}

export function renderJson(settings: BenchSettings, summaries: ScenarioSummary[], ratios: Ratio[], ok: boolean): string {
  return JSON.stringify({
    bench: 'samsyn',
    ok,
    at: new Date().toISOString(),
    database: settings.database,
    connections: settings.connections,
    seconds: settings.seconds,
    rounds: settings.rounds,
    warmupSeconds: settings.warmupSeconds,
    cpus: os.cpus().length,
    node: process.versions.node,
    loadAtStart: round2(settings.loadAtStart),
    scenarios: summaries.map((s) => ({
      name: s.name,
      method: s.method,
      path: s.path,
      connections: s.connections,
      rps: round2(s.rps),
      p99Ms: s.p99Ms,
      rpsMedian: round2(s.rpsMedian),
      p99MsMedian: s.p99MsMedian,
      errors: s.errors,
      non2xx: s.non2xx,
      warmupFailures: s.warmupFailures,
      rounds: s.rounds,
    })),
    ratios,
  });
}
