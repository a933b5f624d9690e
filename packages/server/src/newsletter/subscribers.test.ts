import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type NewsletterIssueSummary } from '@samsyn/core';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { startTestSmtp, type TestSmtp } from '../test/smtp.ts';

let t: TestApp;
let smtp: TestSmtp;
let coordinator: TestClient;
let owner: string;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ smtp: smtp.config });
  coordinator = await t.loginAs('coordinator');
  owner = (await t.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const form = (url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
const tokenIn = (text: string, step: 'confirm' | 'unsubscribe') => new URL(text.match(new RegExp(`https?://\\S+/public/newsletter/${step}\\?\\S+`))![0]).searchParams.get('token')!;
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

async function publishedIssue(slug: string): Promise<NewsletterIssueSummary> {
  const today = stockholmDate(t.app.services.clock.now());
  // Blocks that read live data (a survey's cells, an action plan's activities), so the mail's check for personal data has something to find.
  const plan = await t.database.db.selectFrom('action_plan').select('id').where('owner_organisation_id', '=', owner).orderBy('created_at').executeTakeFirstOrThrow();
  const blocks = [{ type: 'text', heading: 'Hösten', text: 'Nätverken har träffats tre gånger.' }, { type: 'survey', indicatorId: 'lhu.mar-bra', area: '9901', gender: 'T' }, { type: 'action_plan', planId: plan.id }];
  const created = (await coordinator.post('/api/newsletter/issues', { ownerOrganisationId: owner, title: `Nyhetsbrev ${slug}`, slug, issueDate: today, blocks })).json() as NewsletterIssueSummary;
  const res = await coordinator.post(`/api/newsletter/issues/${created.id}/publish`);
  expect(res.statusCode).toBe(200);
  return res.json() as NewsletterIssueSummary;
}

describe('subscribers', () => {
  it('subscribe → confirmation mail → confirm page and button → the issue mailed only to confirmed addresses → unsubscribe → no more mail', async () => {
    const subscribed = await form('/public/newsletter/subscribe', { organisation: owner, email: 'Anna.Prenumerant@example.se', lang: 'sv' });
    expect(subscribed.statusCode).toBe(200);
    expect(subscribed.headers['set-cookie']).toBeUndefined();
    expect(subscribed.body).toContain('Om adressen är giltig');
    expect((await form('/public/newsletter/subscribe', { organisation: owner, email: 'ny.obekraftad@example.se', lang: 'en' })).statusCode).toBe(200);
    const [confirmation] = await smtp.waitFor(2);
    const toAnna = mailsTo('anna.prenumerant@example.se');
    expect(toAnna).toHaveLength(1);
    expect(confirmation!.subject).toMatch(/Bekräfta|Confirm/);
    const token = tokenIn(toAnna[0]!.text, 'confirm');

    // The link opens a page with a button; only the POST confirms (a mail scanner confirms no one).
    const page = await t.app.inject({ method: 'GET', url: `/public/newsletter/confirm?token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/public/newsletter/confirm">');
    expect(page.body).toContain('<button type="submit">Bekräfta</button>');
    const still = await t.database.db.selectFrom('newsletter_subscriber').select('confirmed_at').where('email', '=', 'anna.prenumerant@example.se').executeTakeFirstOrThrow();
    expect(still.confirmed_at).toBeNull();
    const confirmed = await form('/public/newsletter/confirm', { token, lang: 'sv' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Du prenumererar nu');
    // The demo's two confirmed subscribers, and now Anna.
    expect((await coordinator.get('/api/newsletter/issues')).json().subscribers).toBe(3);

    const issue = await publishedIssue('nyhetsbrev-utskick');
    const before = smtp.received.length;
    const sent = await coordinator.post(`/api/newsletter/issues/${issue.id}/send`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ recipients: 3, issue: { sentCount: 3 } });
    // Mailed after the commit, before the answer: already at the server, and only to the confirmed addresses.
    expect(smtp.received.slice(before).flatMap((m) => m.to).sort()).toEqual(['anna.prenumerant@example.se', 'prenumerant.ett@example.se', 'subscriber.two@example.se']);
    const mail = mailsTo('anna.prenumerant@example.se').at(-1)!;
    expect(mail.subject).toBe('Nyhetsbrev nyhetsbrev-utskick');
    expect(mail.text).toContain('Nätverken har träffats tre gånger.');
    expect(mail.text).toContain('/public/nyhetsbrev-utskick');
    // No personal data: no identity number, no child's name, no other subscriber's address.
    const unsubscribeToken = tokenIn(mail.text, 'unsubscribe');
    expect(mail.text.replace(unsubscribeToken, '')).not.toMatch(/\d{6}-?\d{4}/);
    expect(mail.raw).not.toContain('ny.obekraftad@example.se');
    expect(mail.raw).not.toContain('prenumerant.ett@example.se');
    expect(mailsTo('subscriber.two@example.se').at(-1)!.text).toContain('Unsubscribe:');
    const words = new Set(mail.text.split(/[^\p{L}]+/u));
    for (const child of await t.database.db.selectFrom('child').select(['given_name', 'family_name', 'identity_number']).execute()) {
      expect(words.has(child.family_name), child.family_name).toBe(false);
      expect(mail.text).not.toContain(child.identity_number);
    }
    expect(unsubscribeToken).toBe(token);
    const logged = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', issue.id).where('action', '=', 'newsletter.issue.send').executeTakeFirstOrThrow();
    expect(logged.details).toEqual({ recipients: 3 });

    // Sending twice is refused, and nothing more is mailed.
    const again = await coordinator.post(`/api/newsletter/issues/${issue.id}/send`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'newsletter_state', details: [{ message: 'already_sent' }] });

    // Unsubscribe without login: the page's button, then the address is gone.
    expect((await t.app.inject({ method: 'GET', url: `/public/newsletter/unsubscribe?token=${unsubscribeToken}&lang=en` })).body).toContain('<button type="submit">Unsubscribe</button>');
    const gone = await form('/public/newsletter/unsubscribe', { token: unsubscribeToken, lang: 'sv' });
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain('Din adress är borttagen');
    expect(await t.database.db.selectFrom('newsletter_subscriber').select('id').where('email', '=', 'anna.prenumerant@example.se').executeTakeFirst()).toBeUndefined();
    expect((await form('/public/newsletter/unsubscribe', { token: unsubscribeToken })).statusCode).toBe(404);
    const second = await publishedIssue('nyhetsbrev-utskick-2');
    const count = smtp.received.length;
    expect((await coordinator.post(`/api/newsletter/issues/${second.id}/send`)).json().recipients).toBe(2);
    await smtp.waitFor(count + 2);
    expect(mailsTo('anna.prenumerant@example.se')).toHaveLength(2);
    expect(mailsTo('ny.obekraftad@example.se')).toHaveLength(1);
    // The log names the subscriber's row, never the address or the visitor's address.
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'client_ip', 'details']).where('subject_type', '=', 'newsletter_subscriber').where('request_id', '!=', 'demo-seed').orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['newsletter.subscriber.subscribe', 'newsletter.subscriber.subscribe', 'newsletter.subscriber.confirm', 'newsletter.subscriber.unsubscribe']);
    expect(JSON.stringify(entries)).not.toContain('example.se');
    expect(entries.every((e) => e.client_ip === null)).toBe(true);
  });

  it('resumes a send that the mail server half refused: only the unsent addresses are mailed, no one twice, and then it is done', async () => {
    const issue = await publishedIssue('nyhetsbrev-delvis');
    smtp.refused.add('subscriber.two@example.se');
    const before = smtp.received.length;
    const first = await coordinator.post(`/api/newsletter/issues/${issue.id}/send`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ recipients: 1, issue: { sentCount: 1, unsent: 1 } });
    expect(smtp.received.slice(before).flatMap((m) => m.to)).toEqual(['prenumerant.ett@example.se']);
    // Still refused: nothing goes, and the address stays unsent.
    expect((await coordinator.post(`/api/newsletter/issues/${issue.id}/send`)).json()).toMatchObject({ recipients: 0, issue: { sentCount: 1, unsent: 1 } });
    smtp.refused.clear();
    const resumed = await coordinator.post(`/api/newsletter/issues/${issue.id}/send`);
    expect(resumed.json()).toMatchObject({ recipients: 1, issue: { sentCount: 2, unsent: 0 } });
    expect(smtp.received.slice(before).flatMap((m) => m.to)).toEqual(['prenumerant.ett@example.se', 'subscriber.two@example.se']);
    const logged = await t.database.db.selectFrom('audit_log').select('details').where('subject_id', '=', issue.id).where('action', '=', 'newsletter.issue.send').orderBy('seq').execute();
    expect(logged.map((l) => l.details)).toEqual([{ recipients: 2 }, { recipients: 1, resumed: true }, { recipients: 1, resumed: true }]);
    const done = await coordinator.post(`/api/newsletter/issues/${issue.id}/send`);
    expect(done.statusCode).toBe(409);
    expect(done.json().error).toMatchObject({ code: 'newsletter_state', details: [{ message: 'already_sent' }] });
  });

  it('refuses a bad address or an unknown organisation (4xx, the page says so), and throttles a burst', async () => {
    const bad = await form('/public/newsletter/subscribe', { organisation: owner, email: 'inte-en-adress', lang: 'sv' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
    expect(bad.body).toContain('Skriv en giltig e-postadress');
    expect((await form('/public/newsletter/subscribe', { organisation: 'nej', email: 'a@example.se' })).statusCode).toBe(400);
    expect((await form('/public/newsletter/subscribe', { organisation: '00000000-0000-4000-8000-000000000000', email: 'a@example.se' })).statusCode).toBe(404);
    expect((await form('/public/newsletter/confirm', { token: 'x'.repeat(40) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/public/newsletter/confirm?token=okand' })).statusCode).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) statuses.push((await form('/public/newsletter/subscribe', { organisation: owner, email: `skur${i}@example.se` })).statusCode);
    const throttled = statuses.indexOf(429);
    expect(throttled).toBeGreaterThan(0);
    const res = await form('/public/newsletter/subscribe', { organisation: owner, email: 'sen@example.se' });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.database.db.selectFrom('newsletter_subscriber').select('id').where('email', '=', 'sen@example.se').executeTakeFirst()).toBeUndefined();
  });
});

describe('sending without SMTP', () => {
  it('answers 409 mail_not_configured and mails no one', async () => {
    const plain = await createTestApp();
    try {
      const c = await plain.loginAs('coordinator');
      const org = (await plain.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
      const today = stockholmDate(plain.app.services.clock.now());
      const issue = (await c.post('/api/newsletter/issues', { ownerOrganisationId: org, title: 'Utan post', slug: 'utan-post', issueDate: today, blocks: [{ type: 'text', heading: 'Rubrik', text: 'Text.' }] })).json() as NewsletterIssueSummary;
      expect((await c.post(`/api/newsletter/issues/${issue.id}/publish`)).statusCode).toBe(200);
      expect((await c.get('/api/newsletter/issues')).json().mailEnabled).toBe(false);
      const res = await c.post(`/api/newsletter/issues/${issue.id}/send`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'newsletter_state', details: [{ message: 'mail_not_configured' }] });
      const row = await plain.database.db.selectFrom('newsletter_issue').select('sent_at').where('id', '=', issue.id).executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
