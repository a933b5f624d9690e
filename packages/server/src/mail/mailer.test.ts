import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { startTestSmtp, type TestSmtp } from '../test/smtp.ts';
import { createMailer } from './mailer.ts';

const silent = pino({ level: 'silent' });
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

describe('notice e-mail', () => {
  it('is off without SMTP settings, and sends nothing', async () => {
    const mailer = createMailer(loadConfig({}).smtp, silent);
    expect(mailer.enabled).toBe(false);
    expect(await mailer.send({ to: 'a@example.test', subject: 's', text: 't' })).toBe(false);
  });

  it('reads the SMTP settings from the environment', () => {
    const smtpSettings = loadConfig({ SAMSYN_SMTP_HOST: 'mail.example.test', SAMSYN_SMTP_SECURE: 'true', SAMSYN_SMTP_USER: 'u' }).smtp;
    expect(smtpSettings).toMatchObject({ host: 'mail.example.test', port: 465, secure: true, user: 'u', requireTls: false });
    expect(loadConfig({ SAMSYN_SMTP_HOST: 'h', SAMSYN_SMTP_PORT: '2525' }).smtp).toMatchObject({ port: 2525, secure: false });
  });

  it('arrives at a real SMTP server with its subject, text and sender', async () => {
    const mailer = createMailer(smtp.config, silent);
    const before = smtp.received.length;
    expect(await mailer.send({ to: 'larare@example.test', subject: 'Du har en ny kallelse i Samsyn', text: 'Logga in i Samsyn för att se den.' })).toBe(true);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail).toMatchObject({ to: ['larare@example.test'], from: 'noreply@samsyn.test', subject: 'Du har en ny kallelse i Samsyn' });
    expect(mail!.text.trim()).toBe('Logga in i Samsyn för att se den.');
    mailer.close();
  });

  it('reports a mail server that cannot be reached as not sent, without throwing', async () => {
    const closed = await startTestSmtp();
    await closed.close();
    const mailer = createMailer({ ...closed.config }, silent);
    expect(await mailer.send({ to: 'x@example.test', subject: 's', text: 't' })).toBe(false);
    mailer.close();
  });
});
