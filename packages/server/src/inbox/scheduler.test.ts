import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { startTestSmtp, type TestSmtp } from '../test/smtp.ts';
import { InboxNoticeScheduler } from './scheduler.ts';

/** The periodic sweep of the inbox's notice e-mails: every 15 minutes by default, off in tests unless asked. */
let smtp: TestSmtp;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let t: TestApp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  // Asked for: a sweep every 0.3 s, through the app's own timer (no call by hand).
  t = await createTestApp({ smtp: smtp.config, inboxNoticeMinutes: 0.005 });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('the inbox notice sweep', () => {
  it('is every 15 minutes by default, configurable, and off in tests', () => {
    expect(loadConfig({}).inboxNoticeMinutes).toBe(15);
    expect(loadConfig({ SAMSYN_INBOX_NOTICE_MINUTES: '5' }).inboxNoticeMinutes).toBe(5);
    expect(loadConfig({ NODE_ENV: 'test' }).inboxNoticeMinutes).toBe(0);
    expect(() => loadConfig({ SAMSYN_INBOX_NOTICE_MINUTES: 'often' })).toThrow(/Not a whole number/);
    expect(loadConfig({ SAMSYN_APP_URL: 'https://samsyn.example.org/' }).appUrl).toBe('https://samsyn.example.org');
  });

  it("sends the guardian's notice on its own, once, however many sweeps follow", async () => {
    const guardian = await t.database.db.selectFrom('app_user').select(['id', 'email']).where('username', '=', 'guardian').executeTakeFirstOrThrow();
    const mine = () => smtp.received.filter((m) => m.to.includes(guardian.email!));
    for (const until = Date.now() + 60_000; mine().length === 0 && Date.now() < until;) await sleep(100);
    expect(mine()).toHaveLength(1);
    // Several more sweeps pass; the item is remembered as notified, so no second mail comes.
    await sleep(1_500);
    expect(smtp.received.filter((m) => m.to.includes(guardian.email!))).toHaveLength(1);
    const marks = await t.database.db.selectFrom('inbox_item').select('notified_at').where('user_id', '=', guardian.id).execute();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.notified_at !== null)).toBe(true);
  });

  it('starts no timer at 0 minutes or without SMTP; a sweep by hand still runs, and a failure is logged', async () => {
    const errors: string[] = [];
    const log = { info: () => undefined, error: (_: object, message: string) => void errors.push(message) };
    const off = new InboxNoticeScheduler(t.app.services, 'http://localhost:3000', 0, log);
    off.start();
    expect((off as unknown as { timer: unknown }).timer).toBeUndefined();
    // A sweep by hand runs; once it has, everything is notified and the next mails nobody.
    await off.tick();
    expect(await off.tick()).toBe(0);
    const broken = new InboxNoticeScheduler({ ...t.app.services, db: { selectFrom: () => { throw new Error('database down'); } } } as unknown as typeof t.app.services, 'http://localhost:3000', 0, log);
    await expect(broken.tick()).rejects.toThrow('database down');
    await broken.stop();
    await off.stop();
    expect(errors).toEqual(['inbox notice sweep failed']);
  });
});
