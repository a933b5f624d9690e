/**
 * PostgreSQL's errors that a service answers rather than passes on. PGlite and `pg` both give the
 * SQLSTATE as `code`; `pg` names the constraint, PGlite only in the message, so both are read.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (e?.code !== '23505') return false;
  if (constraint === undefined) return true;
  return e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint));
}
