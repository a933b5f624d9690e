import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { App } from './types.ts';

/**
 * PostgreSQL's text cannot hold a NUL byte (\u0000), and its json refuses a lone UTF-16 surrogate
 * (half of a pair, which JSON can carry as `"\ud800"` but which is no character): a string with
 * either would reach the database (a column, an audit entry's details) and fail there as a 500.
 * So such a request is refused with 400 `invalid_characters` before any route sees it, once,
 * here: body, query string and path parameters, keys as well as values.
 */
export function installInputChecks(app: App): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    for (const [part, value] of [['body', request.body], ['query', request.query], ['params', request.params]] as const) {
      const found = badStringPath(value, part, 0);
      if (found !== null) throw new AppError('invalid_characters', { details: [found] });
    }
  });
}

const maxDepth = 64;

type Problem = 'nul_byte' | 'lone_surrogate';

// With the u flag a surrogate pair is one code point; only a lone half is in the category Cs.
const loneSurrogate = /\p{Cs}/u;

function problemOf(text: string): Problem | null {
  if (text.includes('\u0000')) return 'nul_byte';
  return loneSurrogate.test(text) ? 'lone_surrogate' : null;
}

/** The path and problem of the first string (or key) that the database could not hold, or null. */
export function badStringPath(value: unknown, path: string, depth: number): { path: string; problem: Problem } | null {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { path, problem } : null;
  }
  if (value === null || typeof value !== 'object' || depth > maxDepth) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = badStringPath(item, `${path}.${index}`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = problemOf(key);
    if (problem) return { path, problem };
    const found = badStringPath(item, `${path}.${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
