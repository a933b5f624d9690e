/**
 * What bench.ts knows of its run, for scenarios that need more than the logged-in session: the
 * overview's county scenarios grow the server's database and start a second server of their own.
 * bench.ts fills it in before it asks for the scenarios.
 */
import type { BenchDatabase } from './server.ts';
import type { Cleanup } from './util.ts';

export interface BenchRun {
  root: string;
  cleanup: Cleanup;
  /** The database of the server the session is logged in to. */
  database: BenchDatabase;
  startTimeoutMs: number;
}

let current: BenchRun | undefined;

export function setBenchRun(run: BenchRun): void {
  current = run;
}

export function benchRun(): BenchRun {
  if (!current) throw new Error('bench.ts has not set the run (setBenchRun) before asking for its scenarios');
  return current;
}
