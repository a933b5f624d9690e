import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditAction } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import type { Lang } from '../public-pages/html.ts';
import type { IssueSnapshot } from './kind.ts';
import { blockText } from './render.ts';
import { guardIssue, issueAudit } from './service.ts';

/**
 * Subscribers: an address confirmed by a link in an e-mail (double opt-in), mailed every issue
 * sent, and removed by the link in every e-mail (no login). The address is the only thing kept and
 * never goes into the log or to anyone but the mail server. Mail is sent after the commit, through
 * services.mailer, so a rolled-back step has mailed nobody.
 */

type Db = Kysely<DB> | Transaction<DB>;

const mailWords = {
  sv: { confirmSubject: 'Bekräfta din prenumeration på nyhetsbrevet', confirm: 'Du (eller någon som skrev din adress) vill prenumerera på nyhetsbrevet. Bekräfta med länken nedan. Om det inte var du gör du ingenting: adressen tas bort om den inte bekräftas.', read: 'Läs hela nyhetsbrevet:', unsubscribe: 'Avsluta prenumerationen:' },
  en: { confirmSubject: 'Confirm your subscription to the newsletter', confirm: 'You (or someone who typed your address) want to subscribe to the newsletter. Confirm with the link below. If it was not you, do nothing: the address is removed unless confirmed.', read: 'Read the whole newsletter:', unsubscribe: 'Unsubscribe:' },
} as const;

async function publicAudit(trx: Transaction<DB>, request: FastifyRequest, organisationId: string, subscriberId: string, action: AuditAction): Promise<void> {
  // No address in the log, and no client address either: the visitor is not tracked.
  await appendAudit(trx, [{ actorId: null, actorUsername: null, requestId: request.id, clientIp: null, action, subjectType: 'newsletter_subscriber', subjectId: subscriberId, organisationId, outcome: 'success', details: {} }], request.server.services.clock.now());
}

const link = (request: FastifyRequest, path: string, token: string, lang: Lang) => `${request.server.services.config.publicUrl}${path}?token=${token}${lang === 'en' ? '&lang=en' : ''}`;

/**
 * A subscription asked for: a new address gets a token and a confirmation mail; an unconfirmed one
 * gets the mail again; a confirmed one nothing. The visitor is told the same in every case, so the
 * form does not tell who subscribes.
 */
export async function subscribe(db: Kysely<DB>, request: FastifyRequest, input: { organisationId: string; email: string; lang: Lang }): Promise<void> {
  const org = await db.selectFrom('organisation').select('id').where('id', '=', input.organisationId).executeTakeFirst();
  if (!org) throw new AppError('not_found');
  const email = input.email.toLowerCase();
  const pending = await db.transaction().execute(async (trx) => {
    // Inserted unless the address is there: two requests for one address at once never meet the unique key.
    const token = randomBytes(32).toString('base64url');
    const inserted = await trx.insertInto('newsletter_subscriber').values({ owner_organisation_id: org.id, email, token, lang: input.lang, created_at: request.server.services.clock.now() })
      .onConflict((oc) => oc.columns(['owner_organisation_id', 'email']).doNothing()).returning('id').executeTakeFirst();
    if (inserted) {
      await publicAudit(trx, request, org.id, inserted.id, 'newsletter.subscriber.subscribe');
      return token;
    }
    const found = await trx.selectFrom('newsletter_subscriber').select(['token', 'confirmed_at']).where('owner_organisation_id', '=', org.id).where('email', '=', email).executeTakeFirstOrThrow();
    return found.confirmed_at ? null : found.token;
  });
  if (!pending) return;
  const w = mailWords[input.lang];
  await request.server.services.mailer.send({ to: email, subject: w.confirmSubject, text: `${w.confirm}\n\n${link(request, '/public/newsletter/confirm', pending, input.lang)}\n` });
}

/** How long an address waits for its confirmation before the erasure removes it (the mail says it will be). */
export const unconfirmedDays = 7;

/** Removes the addresses never confirmed within `unconfirmedDays`; the number removed. Run with the scheduled erasure. */
export async function purgeUnconfirmed(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - unconfirmedDays * 86_400_000);
  const gone = await db.deleteFrom('newsletter_subscriber').where('confirmed_at', 'is', null).where('created_at', '<', before).executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/** Confirms (or, with `remove`, removes) the subscriber the token names; false when the token names none. */
export async function byToken(db: Kysely<DB>, request: FastifyRequest, token: string, remove: boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('newsletter_subscriber').select(['id', 'owner_organisation_id', 'confirmed_at']).where('token', '=', token).forUpdate().executeTakeFirst();
    if (!found) return false;
    if (remove) await trx.deleteFrom('newsletter_subscriber').where('id', '=', found.id).execute();
    else if (found.confirmed_at) return true;
    else await trx.updateTable('newsletter_subscriber').set({ confirmed_at: request.server.services.clock.now() }).where('id', '=', found.id).execute();
    await publicAudit(trx, request, found.owner_organisation_id, found.id, remove ? 'newsletter.subscriber.unsubscribe' : 'newsletter.subscriber.confirm');
    return true;
  });
}

export async function knownToken(db: Db, token: string): Promise<boolean> {
  return !!(await db.selectFrom('newsletter_subscriber').select('id').where('token', '=', token).executeTakeFirst());
}

/** The issue's e-mail: its public text (the snapshot's, as the page shows it), a link to the page and the unsubscribe link. */
export function issueMail(request: FastifyRequest, snapshot: IssueSnapshot, title: string, lang: Lang, token: string) {
  const w = mailWords[lang];
  const base = request.server.services.config.publicUrl;
  const body = snapshot.blocks.map((b) => blockText(b, lang)).join('\n\n');
  return { subject: title, text: `${title}\n\n${body}\n\n${w.read} ${base}/public/${snapshot.slug}${lang === 'en' ? '?lang=en' : ''}\n\n${w.unsubscribe} ${link(request, '/public/newsletter/unsubscribe', token, lang)}\n` };
}

/**
 * Sends a published issue to the confirmed subscribers of its organisation; answers how many were
 * mailed. The first send writes one delivery row per address (in its transaction, with the audit
 * entry); the mails go after the commit, each row claimed before its mail and released if the mail
 * server refuses it. A send again mails only the rows still unsent (resumed), and is refused once
 * every row is sent.
 */
export async function sendIssue(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<number> {
  const mailer = request.server.services.mailer;
  await guardIssue(db, request, id, 'newsletter.issue.send');
  const job = await db.transaction().execute(async (trx) => {
    const issue = await trx.selectFrom('newsletter_issue').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!issue) throw new AppError('not_found');
    const nope = (message: string) => new AppError('newsletter_state', { details: [{ path: 'id', message }] });
    if (!mailer.enabled) throw nope('mail_not_configured');
    const page = issue.public_page_id ? await trx.selectFrom('public_page').select('withdrawn_at').where('id', '=', issue.public_page_id).executeTakeFirst() : undefined;
    if (!page || page.withdrawn_at) throw nope('not_published');
    const resumed = issue.sent_at !== null;
    if (!resumed) {
      const to = trx.selectFrom('newsletter_subscriber').select([sql.lit(id).as('issue_id'), 'id as subscriber_id']).where('owner_organisation_id', '=', issue.owner_organisation_id).where('confirmed_at', 'is not', null);
      await trx.insertInto('newsletter_delivery').columns(['issue_id', 'subscriber_id']).expression(to).execute();
      await trx.updateTable('newsletter_issue').set({ sent_at: request.server.services.clock.now(), sent_count: 0 }).where('id', '=', id).execute();
    }
    const unsent = await unsentOf(trx, id);
    if (resumed && unsent === 0) throw nope('already_sent');
    await issueAudit(trx, request, { id, organisationId: issue.owner_organisation_id }, 'newsletter.issue.send', resumed ? { recipients: unsent, resumed: true } : { recipients: unsent });
    const version = await trx.selectFrom('public_page_version').select('data').where('page_id', '=', issue.public_page_id!).orderBy('version', 'desc').executeTakeFirstOrThrow();
    return { title: issue.title, snapshot: (version.data as { content: IssueSnapshot }).content };
  });
  return deliver(db, request, id, job.title, job.snapshot);
}

async function unsentOf(db: Db, issueId: string): Promise<number> {
  const row = await db.selectFrom('newsletter_delivery').select((eb) => eb.fn.countAll<string>().as('n')).where('issue_id', '=', issueId).where('sent_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The mails, one per unsent row (each with its own unsubscribe link), after the commit. */
async function deliver(db: Kysely<DB>, request: FastifyRequest, issueId: string, title: string, snapshot: IssueSnapshot): Promise<number> {
  const { mailer, clock } = request.server.services;
  const rows = await db.selectFrom('newsletter_delivery as d').innerJoin('newsletter_subscriber as s', 's.id', 'd.subscriber_id')
    .select(['s.id', 's.email', 's.token', 's.lang']).where('d.issue_id', '=', issueId).where('d.sent_at', 'is', null).orderBy('s.created_at').execute();
  let sent = 0;
  for (const s of rows) {
    // Claimed first: a send running beside this one (a second click) skips the row, so no one gets two.
    const claimed = await db.updateTable('newsletter_delivery').set({ sent_at: clock.now() }).where('issue_id', '=', issueId).where('subscriber_id', '=', s.id).where('sent_at', 'is', null).returning('subscriber_id').executeTakeFirst();
    if (!claimed) continue;
    if (await mailer.send({ to: s.email, ...issueMail(request, snapshot, title, s.lang, s.token) })) {
      await db.updateTable('newsletter_issue').set((eb) => ({ sent_count: eb(eb.fn.coalesce('sent_count', sql.lit(0)), '+', 1) })).where('id', '=', issueId).execute();
      sent += 1;
    } else {
      await db.updateTable('newsletter_delivery').set({ sent_at: null }).where('issue_id', '=', issueId).where('subscriber_id', '=', s.id).execute();
    }
  }
  return sent;
}
