/**
 * A typed door to autocannon's programmatic API. autocannon ships no type declarations
 * and the bench must not add dependencies, so the few fields it reads are typed here.
 */
import { createRequire } from 'node:module';

export interface AutocannonOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Seconds before a request counts as timed out (and as an error). */
  timeout?: number;
  pipelining?: number;
  /** Requests made anew each time (a body that names the state it changes): see AutocannonRequest. */
  requests?: AutocannonRequest[];
}

/** One of a client's requests; `setupRequest` may rewrite it before it is sent, `onResponse` sees its answer. */
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

export interface Distribution {
  mean: number;
  average: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
}

export interface AutocannonResult {
  /** Seconds the run lasted. */
  duration: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Responses outside 2xx. */
  non2xx: number;
  resets: number;
  mismatches: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  /** Milliseconds, 2xx responses only. */
  latency: Distribution & { totalCount: number };
  /** Requests per second, sampled once a second. */
  requests: Distribution & { total: number; sent: number };
  throughput: Distribution;
}

export interface AutocannonRun extends PromiseLike<AutocannonResult> {
  stop(): void;
}

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (options: AutocannonOptions) => AutocannonRun;

/** Runs autocannon once; rejects if the run does not end within `limitMs`. */
export async function runAutocannon(options: AutocannonOptions, limitMs: number): Promise<AutocannonResult> {
  const run = autocannon(options);
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      run.stop();
      reject(new Error(`autocannon did not finish within ${Math.round(limitMs / 1000)} s`));
    }, limitMs);
  });
  try {
    return await Promise.race([Promise.resolve(run), overrun]);
  } finally {
    clearTimeout(timer);
  }
}
