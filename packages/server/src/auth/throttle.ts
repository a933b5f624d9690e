import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ThrottleLimits {
  /** Failures per account (and per password-change check) before delays begin. */
  perAccount: number;
  /** Failures per client address before delays begin. */
  perAddress: number;
  /** The longest delay between two checked attempts. */
  maxDelayMinutes: number;
}

/** One counter: an account's logins, a client address, or one user's current-password checks. */
export interface ThrottleKey {
  scope: 'account' | 'address' | 'password';
  key: string;
}

// The first delay past the free allowance; each further failure doubles it, up to the cap.
const firstDelayMs = 5_000;
// A counter without a failure for a day starts again from zero.
const forgetAfterMs = 24 * 3_600_000;

function freeAllowance(key: ThrottleKey, limits: ThrottleLimits): number {
  return key.scope === 'address' ? limits.perAddress : limits.perAccount;
}

/** The delay after the n-th failure in a row: none within the allowance, then 5 s, 10 s, 20 s, … capped. */
export function delayAfter(failures: number, free: number, maxDelayMinutes: number): number {
  if (failures < free) return 0;
  const cap = maxDelayMinutes * 60_000;
  return Math.min(cap, firstDelayMs * 2 ** Math.min(failures - free, 30));
}

export type Attempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one attempt before the password is checked, counting it as a failure: the counter rows
 * are locked (SELECT … FOR UPDATE, in key order), so parallel attempts queue and each sees the
 * count of the one before; a success then clears it (`attemptSucceeded`). An attempt inside a
 * counter's delay is refused and changes nothing, so a stranger's failures delay the owner by at
 * most the cap, never lock them out. Kept in the database, so every node agrees.
 */
export async function takeAttempt(db: Kysely<DB>, keys: readonly ThrottleKey[], limits: ThrottleLimits, now: Date): Promise<Attempt> {
  const sorted = [...keys].sort((a, b) => `${a.scope}:${a.key}`.localeCompare(`${b.scope}:${b.key}`));
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_throttle')
      // No wait yet: the epoch, not `now`. A parallel attempt may have read the clock a moment before this
      // one and take the lock after it; a `next_at` of this attempt's `now` would make it wait for nothing.
      .values(sorted.map((k) => ({ scope: k.scope, key: k.key, failures: 0, next_at: new Date(0), last_failure_at: now })))
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .execute();
    const rows = await trx
      .selectFrom('login_throttle')
      .selectAll()
      .where((eb) => eb.or(sorted.map((k) => eb.and([eb('scope', '=', k.scope), eb('key', '=', k.key)]))))
      .orderBy('scope')
      .orderBy('key')
      .forUpdate()
      .execute();
    const fresh = (row: (typeof rows)[number]) => now.getTime() - new Date(row.last_failure_at).getTime() < forgetAfterMs;
    const waitMs = Math.max(0, ...rows.filter(fresh).map((r) => new Date(r.next_at).getTime() - now.getTime()));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const row of rows) {
      const failures = (fresh(row) ? row.failures : 0) + 1;
      const delay = delayAfter(failures, freeAllowance(row, limits), limits.maxDelayMinutes);
      await trx
        .updateTable('login_throttle')
        // Within the allowance the time of the next attempt stays where it was (no wait), for the same reason.
        .set({ failures, next_at: delay > 0 ? new Date(now.getTime() + delay) : new Date(row.next_at), last_failure_at: now })
        .where('scope', '=', row.scope)
        .where('key', '=', row.key)
        .execute();
    }
    return { allowed: true };
  });
}

/**
 * The attempt was right: the account's (or password check's) counter starts again; the address
 * keeps its earlier failures but not this attempt, so many users behind one address can log in.
 */
export async function attemptSucceeded(db: Kysely<DB>, keys: readonly ThrottleKey[], limits: ThrottleLimits, now: Date): Promise<void> {
  for (const k of keys) {
    if (k.scope !== 'address') {
      await db.deleteFrom('login_throttle').where('scope', '=', k.scope).where('key', '=', k.key).execute();
      continue;
    }
    // One statement, so a concurrent failure's count is never lost; back within the allowance, no delay.
    await db
      .updateTable('login_throttle')
      .set({
        failures: sql<number>`greatest(failures - 1, 0)`,
        next_at: sql<Date>`CASE WHEN greatest(failures - 1, 0) < ${limits.perAddress} THEN least(next_at, ${now}) ELSE next_at END`,
      })
      .where('scope', '=', 'address')
      .where('key', '=', k.key)
      .execute();
  }
}
