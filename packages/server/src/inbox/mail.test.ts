import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { startTestSmtp, type TestSmtp } from '../test/smtp.ts';
import { demoFamily, type Family } from '../test/fixtures.ts';
import { sendInboxNotices } from './service.ts';

/** The notice e-mail of a new inbox item: arrives once, at a real SMTP server, with no personal data. */
let t: TestApp;
let smtp: TestSmtp;
let family: Family;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ smtp: smtp.config });
  family = await demoFamily(t.database.db);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('notice e-mails of the inbox', () => {
  it('sends the guardian one notice for her waiting approval, once, holding no personal data', async () => {
    const guardian = await t.database.db.selectFrom('app_user').select(['id', 'email', 'display_name']).where('username', '=', 'guardian').executeTakeFirstOrThrow();
    expect(await sendInboxNotices(t.app.services, 'http://localhost:3000', [guardian.id])).toBeGreaterThanOrEqual(1);
    const mails = await smtp.waitFor(1);
    const mine = mails.filter((m) => m.to.includes(guardian.email!));
    expect(mine).toHaveLength(1);
    const child = await t.database.db.selectFrom('child').select(['given_name', 'family_name', 'identity_number']).where('id', '=', family.childId).executeTakeFirstOrThrow();
    const mail = mine[0]!;
    expect(mail.subject).toBe('Du har en ny uppgift i Samsyn');
    for (const secret of [child.given_name, child.family_name, child.identity_number, family.childId, guardian.display_name]) {
      expect(mail.subject).not.toContain(secret);
      expect(mail.text).not.toContain(secret);
    }
    const count = smtp.received.length;
    await sendInboxNotices(t.app.services, 'http://localhost:3000', [guardian.id]);
    expect(smtp.received.filter((m) => m.to.includes(guardian.email!))).toHaveLength(1);
    expect(smtp.received.length).toBe(count);
  });
});
