import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { App } from './types.ts';

/**
 * PostgreSQL's text cannot hold a NUL byte (\u0000): a string with one would reach the database
 * and fail there as a 500. So every request is refused with 400 `invalid_characters` before any
 * route sees it, once, here: body, query string and path parameters, keys as well as values.
 */
export function installInputChecks(app: App): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    for (const [part, value] of [['body', request.body], ['query', request.query], ['params', request.params]] as const) {
      const path = nulPath(value, part, 0);
      if (path !== null) throw new AppError('invalid_characters', { details: [{ path, problem: 'nul_byte' }] });
    }
  });
}

const maxDepth = 64;

/** The path of the first string (or key) holding a NUL byte, or null. */
export function nulPath(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > maxDepth) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}.${index}`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = nulPath(item, `${path}.${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
