import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMinutes: number;
}

/**
 * Failed logins in the window, per account (since its last success) and per client address.
 * Kept in the database, not in memory, so every node behind the load balancer agrees.
 */
export async function isThrottled(db: Kysely<DB>, username: string, clientIp: string, limits: ThrottleLimits, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const row = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) FILTER (WHERE username = ${username} AND at > coalesce(
        (SELECT max(at) FROM login_attempt ok WHERE ok.username = ${username} AND ok.success), ${since}))::int`.as('account'),
      sql<number>`count(*) FILTER (WHERE client_ip = ${clientIp})::int`.as('address'),
    ])
    .where('success', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('username', '=', username), eb('client_ip', '=', clientIp)]))
    .executeTakeFirstOrThrow();
  return row.account >= limits.perAccount || row.address >= limits.perAddress;
}

export async function recordAttempt(trx: Transaction<DB>, username: string, clientIp: string, success: boolean, at: Date): Promise<void> {
  await trx.insertInto('login_attempt').values({ username, client_ip: clientIp, success, at }).execute();
}
