import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../test/harness.ts';

// With one login for everything (development on a server, or the embedded database), the app's
// connections step down to samsyn_app: the least-privileged role, from each connection's first statement.
let database: Awaited<ReturnType<typeof openTestDatabase>>;
const warnings: string[] = [];
const onWarning = (warning: Error) => void warnings.push(warning.message);

beforeAll(async () => {
  process.on('warning', onWarning);
  database = await openTestDatabase({ oneLogin: true });
});
afterAll(async () => {
  process.off('warning', onWarning);
  await database.drop();
});

describe('one login for the owner and the app', () => {
  it('runs every pooled connection as samsyn_app, which may not change the audit log', async () => {
    // Several at once, so the pool opens several connections: each is samsyn_app from its first query.
    const users = await Promise.all(Array.from({ length: 6 }, () => sql<{ user: string }>`SELECT current_user AS user, pg_sleep(0.05)`.execute(database.db)));
    expect(users.map((r) => r.rows[0]!.user)).toEqual(Array(6).fill('samsyn_app'));
    await expect(sql`DELETE FROM audit_log WHERE seq = -1`.execute(database.db)).rejects.toThrow(/permission denied|append-only/);
    // The role is set with the connection, not by a statement racing the pool's first query.
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });
});
