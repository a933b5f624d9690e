import { z } from 'zod';
import { stockholmDate, NewsletterIssueInput, NewsletterIssueSummary, NewsletterIssueUpdate, NewsletterList, NewsletterParams, NewsletterPreview, NewsletterSent, NewsletterBlock } from '@samsyn/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { takeAttempt } from '../auth/throttle.ts';
import { AppError } from '../http/errors.ts';
import { serverSecret } from '../http/secrets.ts';
import { ErrorResponse, errorResponses, type App } from '../http/types.ts';
import { document, esc, notice, type Lang } from '../public-pages/html.ts';
import { coordinatorOrganisations } from '../public-pages/service.ts';
import { blockData } from './blocks.ts';
import { issueBody, issueRow, subscribeWords } from './kind.ts';
import { issuePdf, publishedIssue } from './pdf.ts';
import { createIssue, confirmedCount, issuesOf, publishIssue, updateIssue, withdrawIssue, composer } from './service.ts';
import { byToken, knownToken, sendIssue, subscribe } from './subscribers.ts';

/**
 * The newsletter: composing and sending (coordinators, under /api) and the public part (/public,
 * no session, no cookie): the issue's PDF, and the subscribe, confirm and unsubscribe forms as
 * plain HTML POSTs. The page itself is a public page (kind newsletter) served by public-pages.
 */

const tags = ['newsletter'];
const Empty = z.object({}).strict().optional();
const Html = z.string().describe('an HTML page');
const HtmlOrError = z.union([Html, ErrorResponse]);
// A burst of this many subscriptions per organisation, then the throttle's growing delays (as the feedback form).
const subscribeLimits = { perAccount: 20, perAddress: 20, maxDelayMinutes: 60 };
const SubscribeForm = z.object({ organisation: z.uuid(), lang: z.enum(['sv', 'en']).default('sv'), email: z.email().max(254) });
const TokenForm = z.object({ token: z.string().min(20).max(100), lang: z.enum(['sv', 'en']).default('sv') });
const LangQuery = z.object({ lang: z.enum(['sv', 'en']).optional() });
const TokenQuery = z.object({ token: z.string().max(100).default(''), lang: z.enum(['sv', 'en']).optional() });
const langOf = (q: unknown): Lang => ((q as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'sv');

export async function newsletterRoutes(app: App): Promise<void> {
  const db = app.services.db;
  const key = await serverSecret(db, 'public-feedback');
  const one = async (request: FastifyRequest, id: string) => {
    const issue = (await issuesOf(db, coordinatorOrganisations(request), id))[0];
    if (!issue) throw new AppError('not_found');
    return issue;
  };

  app.get('/api/newsletter/issues', {
    schema: { tags, summary: 'The newsletter issues of your organisations, and how many confirmed subscribers they have', response: { 200: NewsletterList, ...errorResponses(401, 403) } },
    handler: async (request) => {
      const orgs = coordinatorOrganisations(request);
      const names = orgs.length ? await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', orgs).orderBy('name').execute() : [];
      return { issues: await issuesOf(db, orgs), organisations: names, canCompose: orgs.length > 0, subscribers: await confirmedCount(db, orgs), mailEnabled: app.services.mailer.enabled, today: stockholmDate(app.services.clock.now()) };
    },
  });

  app.post('/api/newsletter/issues', {
    schema: { tags, summary: 'Compose a new issue (a draft) from blocks (coordinators)', body: NewsletterIssueInput, response: { 201: NewsletterIssueSummary, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await one(request, await createIssue(db, request, request.body))),
  });

  app.patch('/api/newsletter/issues/:id', {
    schema: { tags, summary: 'Change an issue: its title, date and blocks (add, reorder, remove)', params: NewsletterParams, body: NewsletterIssueUpdate, response: { 200: NewsletterIssueSummary, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await updateIssue(db, request, request.params.id, request.body);
      return one(request, request.params.id);
    },
  });

  app.get('/api/newsletter/issues/:id/preview', {
    schema: { tags, summary: 'The issue as its page would show it now: live data as of the issue’s date', params: NewsletterParams, querystring: LangQuery, response: { 200: NewsletterPreview, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      const issue = await issueRow(db, request.params.id);
      await composer(request, issue.owner_organisation_id, 'newsletter.issue.update', issue.id);
      const lang = langOf(request.query);
      const blocks = await blockData(db, request, NewsletterBlock.array().parse(issue.blocks), issue.issue_date);
      const body = issueBody({ issueId: issue.id, slug: issue.slug, organisationId: issue.owner_organisation_id, issueDate: issue.issue_date, blocks }, lang, { pdf: false });
      return { html: document(lang, issue.title, `<h1>${esc(issue.title)}</h1>${body}`, '#') };
    },
  });

  app.post('/api/newsletter/issues/:id/publish', {
    schema: { tags, summary: 'Publish the issue as a public page: its data is frozen in the page’s version', params: NewsletterParams, body: Empty, response: { 200: NewsletterIssueSummary, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await publishIssue(db, request, key, request.params.id);
      return one(request, request.params.id);
    },
  });

  app.post('/api/newsletter/issues/:id/withdraw', {
    schema: { tags, summary: 'Withdraw the issue’s page and PDF: they answer 404 from now on', params: NewsletterParams, body: Empty, response: { 200: NewsletterIssueSummary, ...errorResponses(401, 403, 404, 409) } },
    handler: async (request) => {
      await withdrawIssue(db, request, request.params.id);
      return one(request, request.params.id);
    },
  });

  app.post('/api/newsletter/issues/:id/send', {
    schema: { tags, summary: 'Mail the published issue once to the confirmed subscribers (after the commit; needs SMTP)', params: NewsletterParams, body: Empty, response: { 200: NewsletterSent, ...errorResponses(401, 403, 404, 409) } },
    handler: async (request) => {
      const recipients = await sendIssue(db, request, request.params.id);
      return { issue: await one(request, request.params.id), recipients };
    },
  });

  await app.register(async (plugin) => {
    const open = plugin.withTypeProvider<ZodTypeProvider>();
    open.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    const page = (reply: FastifyReply, status: number, html: string) => reply.status(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    const other = (path: string, lang: Lang) => (lang === 'sv' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);
    const say = (reply: FastifyReply, status: number, lang: Lang, heading: string, text: string, path: string) => page(reply, status, notice(lang, heading, text, null, other(path, lang)));

    open.get('/public/newsletter/:slug/pdf', {
      schema: { tags, summary: 'A published issue as a PDF (no login); 404 when withdrawn or unknown', params: z.object({ slug: z.string().max(100) }), querystring: LangQuery, produces: ['application/pdf'], response: { 200: z.any(), 400: ErrorResponse, 404: HtmlOrError } },
      handler: async (request, reply) => {
        const lang = langOf(request.query);
        const issue = await publishedIssue(db, request.params.slug);
        const w = subscribeWords[lang];
        if (!issue) return say(reply, 404, lang, w.unknown, w.unknown, `/public/newsletter/${encodeURIComponent(request.params.slug)}/pdf`);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${request.params.slug.replace(/[^a-z0-9-]/g, '')}.pdf"`).send(await issuePdf(issue, lang));
      },
    });

    open.post('/public/newsletter/subscribe', {
      schema: { tags, summary: 'The subscribe form (a plain HTML POST, no cookie, no address of the visitor kept; throttled per organisation)', produces: ['text/html'], response: { 200: Html, 400: HtmlOrError, 404: HtmlOrError, 429: HtmlOrError } },
      handler: async (request, reply) => {
        const form = SubscribeForm.safeParse(request.body ?? {});
        const lang: Lang = langOf(request.body);
        const w = subscribeWords[lang];
        if (!form.success) return say(reply, 400, lang, w.sentTitle, w.invalid, '/public');
        const attempt = await takeAttempt(db, [{ scope: 'address', key: `newsletter-subscribe:${form.data.organisation}` }], subscribeLimits, app.services.clock.now());
        if (!attempt.allowed) return say(reply.header('retry-after', String(attempt.retryAfterSeconds)), 429, lang, w.sentTitle, w.throttled, '/public');
        await subscribe(db, request, { organisationId: form.data.organisation, email: form.data.email, lang: form.data.lang });
        return say(reply, 200, lang, w.sentTitle, w.sent, '/public');
      },
    });

    // A link in a mail opens a page with a button: a mail scanner following the link does not confirm or unsubscribe anyone.
    for (const step of ['confirm', 'unsubscribe'] as const) {
      const path = `/public/newsletter/${step}`;
      open.get(path, {
        schema: { tags, summary: step === 'confirm' ? 'The confirmation link: a page with a button that confirms' : 'The unsubscribe link of every issue: a page with a button that unsubscribes (no login)', querystring: TokenQuery, produces: ['text/html'], response: { 200: Html, 400: ErrorResponse, 404: HtmlOrError } },
        handler: async (request, reply) => {
          const lang = langOf(request.query);
          const w = subscribeWords[lang];
          const title = step === 'confirm' ? w.confirmTitle : w.unsubscribeTitle;
          if (!(await knownToken(db, request.query.token))) return say(reply, 404, lang, title, w.unknown, path);
          const form = `<h1>${esc(title)}</h1><form method="post" action="${path}"><input type="hidden" name="token" value="${esc(request.query.token)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${step === 'confirm' ? w.confirm : w.unsubscribe}</button></form>`;
          return page(reply, 200, document(lang, title, form, other(`${path}?token=${encodeURIComponent(request.query.token)}`, lang)));
        },
      });
      open.post(path, {
        schema: { tags, summary: step === 'confirm' ? 'Confirms a subscription (the button of the confirmation page)' : 'Removes a subscriber and their address (the button of the unsubscribe page)', produces: ['text/html'], response: { 200: Html, 400: HtmlOrError, 404: HtmlOrError } },
        handler: async (request, reply) => {
          const form = TokenForm.safeParse(request.body ?? {});
          const lang = langOf(request.body);
          const w = subscribeWords[lang];
          const title = step === 'confirm' ? w.confirmTitle : w.unsubscribeTitle;
          if (!form.success) return say(reply, 400, lang, title, w.unknown, path);
          if (!(await byToken(db, request, form.data.token, step === 'unsubscribe'))) return say(reply, 404, lang, title, w.unknown, path);
          return say(reply, 200, lang, title, step === 'confirm' ? w.confirmed : w.unsubscribed, '/public');
        },
      });
    }
  });
}
