import type { Kysely } from 'kysely';
import { NewsletterBlock } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { PublishableKind } from '../public-pages/kinds.ts';
import { coordinatorOrganisations } from '../public-pages/service.ts';
import { esc, type Lang } from '../public-pages/html.ts';
import { blockData, type BlockData } from './blocks.ts';
import { blockHtml, newsletterWords } from './render.ts';

/**
 * A newsletter issue as a kind of public page: the page's version keeps the blocks' data as of
 * the issue's date (the snapshot), so a figure changed after publishing does not change the page
 * or its PDF. Versions, withdrawal and the feedback form are the public pages' own.
 */

export interface IssueSnapshot { issueId: string; slug: string; organisationId: string; issueDate: string; blocks: BlockData[] }

export async function issueRow(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('newsletter_issue').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export const newsletterKind: PublishableKind = {
  async snapshot(db, request, input) {
    if (!input.sourceId) throw new AppError('validation_failed', { details: [{ path: 'body.sourceId', message: 'required' }] });
    const issue = await issueRow(db, input.sourceId);
    // Only a coordinator of the issue's own organisation publishes it (whichever route asks).
    if (!coordinatorOrganisations(request).includes(issue.owner_organisation_id)) throw new AppError('forbidden');
    const blocks = NewsletterBlock.array().parse(issue.blocks);
    return { issueId: issue.id, slug: issue.slug, organisationId: issue.owner_organisation_id, issueDate: issue.issue_date, blocks: await blockData(db, request, blocks, issue.issue_date) } satisfies IssueSnapshot;
  },
  render(raw, lang) {
    return issueBody(raw as IssueSnapshot, lang);
  },
};

/** The page's body: the date, the blocks, the PDF and the subscribe form (a plain POST, no script). */
export function issueBody(d: IssueSnapshot, lang: Lang, options: { pdf: boolean } = { pdf: true }): string {
  const w = newsletterWords[lang];
  const sub = subscribeWords[lang];
  const pdf = options.pdf ? `<p><a href="/public/newsletter/${esc(d.slug)}/pdf${lang === 'en' ? '?lang=en' : ''}">${w.pdf}</a></p>` : '';
  const form = `<section aria-labelledby="nl-subscribe"><h2 id="nl-subscribe">${w.subscribe}</h2><form method="post" action="/public/newsletter/subscribe"><input type="hidden" name="organisation" value="${esc(d.organisationId)}"><input type="hidden" name="lang" value="${lang}"><label for="nl-email">${sub.email}</label><input id="nl-email" name="email" type="email" required maxlength="254" autocomplete="email"><button type="submit">${sub.send}</button></form><p>${sub.privacy}</p></section>`;
  return `<p>${w.issue} ${esc(d.issueDate)}</p>${d.blocks.map((b) => blockHtml(b, lang)).join('')}${pdf}${form}`;
}

export const subscribeWords = {
  sv: { email: 'Din e-postadress', send: 'Prenumerera', privacy: 'Vi sparar bara adressen, och bara tills du avslutar. Du får ett mejl att bekräfta först. Inga cookies, ingen spårning.', sentTitle: 'Bekräfta din prenumeration', sent: 'Om adressen är giltig har vi skickat ett mejl med en länk. Prenumerationen börjar när du har bekräftat.', invalid: 'Skriv en giltig e-postadress och försök igen.', throttled: 'Många har anmält sig just nu. Försök igen om en stund.', confirmTitle: 'Bekräfta prenumerationen', confirm: 'Bekräfta', confirmed: 'Tack! Du prenumererar nu på nyhetsbrevet.', unsubscribeTitle: 'Avsluta prenumerationen', unsubscribe: 'Avsluta', unsubscribed: 'Du prenumererar inte längre. Din adress är borttagen.', unknown: 'Länken gäller inte längre.' },
  en: { email: 'Your e-mail address', send: 'Subscribe', privacy: 'We keep only the address, and only until you unsubscribe. You get an e-mail to confirm first. No cookies, no tracking.', sentTitle: 'Confirm your subscription', sent: 'If the address is valid, we have sent an e-mail with a link. The subscription starts when you have confirmed.', invalid: 'Write a valid e-mail address and try again.', throttled: 'Many have subscribed just now. Please try again in a while.', confirmTitle: 'Confirm the subscription', confirm: 'Confirm', confirmed: 'Thank you! You now subscribe to the newsletter.', unsubscribeTitle: 'Unsubscribe', unsubscribe: 'Unsubscribe', unsubscribed: 'You no longer subscribe. Your address has been removed.', unknown: 'The link is no longer valid.' },
} as const;
