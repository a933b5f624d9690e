import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testPassword, type TestApp } from '../test/harness.ts';
import { delayAfter } from './throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginThrottle: { perAccount: 5, perAddress: 12, maxDelayMinutes: 15 } });
});
afterAll(() => t.close());

async function attemptsOf(username: string) {
  const rows = await t.database.db.selectFrom('audit_log').select(['outcome']).where('action', '=', 'auth.login').where('actor_username', '=', username).execute();
  return { all: rows.length, checked: rows.filter((r) => r.outcome !== 'denied').length };
}

describe('the login throttle', () => {
  it('counts 25 parallel wrong passwords as 25: only the allowance reaches the password check', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, async (_, i) => {
      const client = t.client();
      client.ip = `10.9.0.${i + 1}`; // other addresses, so only the account's counter decides
      return (await client.login('analyst', `wrong-password-${i}`)).statusCode;
    }));
    expect(results.filter((s) => s === 401)).toHaveLength(5);
    expect(results.filter((s) => s === 429)).toHaveLength(20);
    expect(await attemptsOf('analyst')).toEqual({ all: 25, checked: 5 });
    const row = await t.database.db.selectFrom('login_throttle').selectAll().where('scope', '=', 'account').where('key', '=', 'analyst').executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
  });

  it('counts parallel attempts from one address across accounts the same way', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, async (_, i) => {
      const client = t.client();
      client.ip = '10.9.1.1';
      return (await client.login(`guess-${i}`, 'wrong-password-x')).statusCode;
    }));
    expect(results.filter((s) => s === 401)).toHaveLength(12);
    expect(results.filter((s) => s === 429)).toHaveLength(13);
  });

  it('keeps the owner out only for a short, growing delay after a stranger’s failures, not a lockout', async () => {
    const stranger = t.client();
    stranger.ip = '10.9.2.1';
    for (let i = 0; i < 5; i += 1) expect((await stranger.login('manager', `wrong-${i}-password`)).statusCode).toBe(401);
    const owner = t.client();
    owner.ip = '10.9.2.2';
    const refused = await owner.login('manager', testPassword);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(5);
    // When the delay has passed (moved here in the database), the owner is in, and the count starts over.
    await t.database.db.updateTable('login_throttle').set({ next_at: new Date(Date.now() - 1000) }).where('key', '=', 'manager').execute();
    expect((await owner.login('manager', testPassword)).statusCode).toBe(200);
    expect(await t.database.db.selectFrom('login_throttle').select('failures').where('scope', '=', 'account').where('key', '=', 'manager').executeTakeFirst()).toBeUndefined();
  });

  it('lets parallel right passwords from one address all in: no attempt waits for another’s', async () => {
    // Accounts the tests above did not throttle.
    const users = ['teacher', 'nurse', 'socialworker', 'psychologist', 'orgadmin', 'sysadmin', 'coordinator', 'outsider'];
    for (let round = 0; round < 3; round += 1) {
      // An address of their own: the tests above left this file's usual address with failures.
      const codes = await Promise.all(
        users.map((u) => {
          const client = t.client();
          client.ip = '127.0.0.9';
          return client.login(u, testPassword).then((r) => r.statusCode);
        }),
      );
      expect(codes).toEqual(users.map(() => 200));
    }
  });

  it('doubles the delay with each failure past the allowance, up to the cap', () => {
    expect([0, 4].map((n) => delayAfter(n, 5, 15))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(n, 5, 15))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(delayAfter(12, 5, 15)).toBe(640_000);
    expect(delayAfter(13, 5, 15)).toBe(900_000);
    expect(delayAfter(10_000, 5, 15)).toBe(900_000);
  });
});
