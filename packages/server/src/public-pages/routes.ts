import { z } from 'zod';
import { FeedbackList, PublicPageList, PublicPageParams, PublicPageSummary, PublishInput, RepublishInput } from '@samsyn/core';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appendAudit } from '../audit/writer.ts';
import { takeAttempt } from '../auth/throttle.ts';
import { AppError } from '../http/errors.ts';
import { serverSecret } from '../http/secrets.ts';
import { ErrorResponse, errorResponses, type App } from '../http/types.ts';
import { notice, pagePath, publicWords, type Lang } from './html.ts';
import { coordinatorOrganisations, feedbackOf, noticeFeedback, pagesOf, publish, republish, servedPage, tokenMatches, withdraw } from './service.ts';

/**
 * Publishing (coordinators, under /api) and the public part itself (/public, no session, no
 * cookie): stored HTML only. The feedback form is a plain HTML POST. It carries no session, so
 * there is nothing for a cross-site request to ride on; it is protected instead by a token signed
 * per page version (only a form served from a published page is taken) and by the shared
 * throttle, counted per page (no address is used or kept).
 */

const tags = ['public-pages'];
const Empty = z.object({}).strict().optional();
const Html = z.string().describe('an HTML page');
// A person gets a page; a request the framework refuses before the route (a body it cannot read, a
// bad query) gets the shared error shape like every other route.
const HtmlOrError = z.union([Html, ErrorResponse]);
// A burst of this many questions per page, then the throttle's growing delays (auth/throttle.ts).
const feedbackLimits = { perAccount: 20, perAddress: 20, maxDelayMinutes: 60 };
const FeedbackForm = z.object({ token: z.string().max(100).default(''), lang: z.enum(['sv', 'en']).default('sv'), message: z.string().trim().max(4000).default(''), replyTo: z.string().trim().max(200).default('') });
const langOf = (q: unknown): Lang => ((q as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'sv');

export async function publicPageRoutes(app: App): Promise<void> {
  const db = app.services.db;
  const key = await serverSecret(db, 'public-feedback');
  const one = async (request: Parameters<typeof coordinatorOrganisations>[0], id: string) => {
    const page = (await pagesOf(db, coordinatorOrganisations(request))).find((p) => p.id === id);
    if (!page) throw new AppError('not_found');
    return page;
  };

  app.get('/api/public-pages', {
    schema: { tags, summary: 'The pages your organisations published: versions, withdrawn or not, feedback received', response: { 200: PublicPageList, ...errorResponses(401, 403) } },
    handler: async (request) => {
      const orgs = coordinatorOrganisations(request);
      return { pages: await pagesOf(db, orgs), canPublish: orgs.length > 0 };
    },
  });

  app.post('/api/public-pages', {
    schema: { tags, summary: 'Publish a snapshot of a plan’s progress, a forum’s decisions or contacts, or news (coordinators)', body: PublishInput, response: { 201: PublicPageSummary, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await one(request, await publish(db, request, key, request.body))),
  });

  app.post('/api/public-pages/:id/versions', {
    schema: { tags, summary: 'Publish a new version from the content as it stands now (earlier versions are kept)', params: PublicPageParams, body: RepublishInput, response: { 200: PublicPageSummary, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await republish(db, request, key, request.params.id, request.body.body);
      return one(request, request.params.id);
    },
  });

  app.post('/api/public-pages/:id/withdraw', {
    schema: { tags, summary: 'Withdraw a page: it answers 404 from now on', params: PublicPageParams, body: Empty, response: { 200: PublicPageSummary, ...errorResponses(401, 403, 404, 409) } },
    handler: async (request) => {
      await withdraw(db, request, request.params.id);
      return one(request, request.params.id);
    },
  });

  app.get('/api/public-pages/feedback', {
    schema: { tags, summary: 'Visitors’ questions to your organisations’ pages (coordinators)', response: { 200: FeedbackList, ...errorResponses(401, 403) } },
    handler: async (request) => {
      const orgs = coordinatorOrganisations(request);
      if (orgs.length === 0) throw new AppError('forbidden');
      return { feedback: await feedbackOf(db, { organisationIds: orgs }) };
    },
  });

  await app.register(async (plugin) => {
    const open = plugin.withTypeProvider<ZodTypeProvider>();
    // The form posts urlencoded; only these routes read it.
    open.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    const page = (reply: FastifyReply, status: number, html: string) => reply.status(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);

    open.get('/public/:slug', {
      schema: { tags, summary: 'A published page as plain HTML (no login); 404 when withdrawn or unknown', params: z.object({ slug: z.string().max(100) }), querystring: z.object({ lang: z.enum(['sv', 'en']).optional(), sent: z.string().optional() }), produces: ['text/html'], response: { 200: Html, 400: ErrorResponse, 404: HtmlOrError } },
      handler: async (request, reply) => {
        const lang = langOf(request.query);
        const found = await servedPage(db, request.params.slug);
        if (!found) return page(reply, 404, notice(lang, publicWords[lang].notFound, publicWords[lang].notFoundText, null, `/public/${encodeURIComponent(request.params.slug)}${lang === 'sv' ? '?lang=en' : ''}`));
        if (request.query.sent !== undefined) return page(reply, 200, notice(lang, publicWords[lang].feedback, publicWords[lang].sent, found, pagePath(found.slug, lang === 'sv' ? 'en' : 'sv')));
        return page(reply, 200, lang === 'en' ? found.html_en : found.html_sv);
      },
    });

    open.post('/public/:slug/feedback', {
      schema: { tags, summary: 'The feedback form (a plain HTML form POST, no cookie, no address kept; throttled per page)', params: z.object({ slug: z.string().max(100) }), produces: ['text/html'], response: { 303: z.null(), 400: HtmlOrError, 404: HtmlOrError, 429: HtmlOrError } },
      handler: async (request, reply) => {
        const form = FeedbackForm.safeParse(request.body ?? {});
        const lang: Lang = form.success ? form.data.lang : 'sv';
        const w = publicWords[lang];
        const found = await servedPage(db, request.params.slug);
        if (!found) return page(reply, 404, notice(lang, w.notFound, w.notFoundText, null, '/public'));
        if (!form.success || form.data.message === '' || !tokenMatches(key, found.id, found.version, form.data.token)) return page(reply, 400, notice(lang, w.feedback, w.invalid, found, pagePath(found.slug, lang)));
        const now = app.services.clock.now();
        const attempt = await takeAttempt(db, [{ scope: 'address', key: `public-feedback:${found.id}` }], feedbackLimits, now);
        if (!attempt.allowed) return page(reply.header('retry-after', String(attempt.retryAfterSeconds)), 429, notice(lang, w.feedback, w.throttled, found, pagePath(found.slug, lang)));
        await db.transaction().execute(async (trx) => {
          const { id } = await trx.insertInto('public_feedback').values({ page_id: found.id, page_version: found.version, owner_organisation_id: found.owner_organisation_id, owner_forum_id: found.owner_forum_id, message: form.data.message, reply_to: form.data.replyTo, received_at: now }).returning('id').executeTakeFirstOrThrow();
          await noticeFeedback(trx, found, id, now);
          // No address in the log either: the visitor is not tracked.
          await appendAudit(trx, [{ actorId: null, actorUsername: null, requestId: request.id, clientIp: null, action: 'public_page.feedback.receive', subjectType: 'public_page', subjectId: found.id, organisationId: found.owner_organisation_id, outcome: 'success', details: { feedbackId: id, version: found.version } }], now);
        });
        return reply.status(303).header('location', `${pagePath(found.slug, lang)}${lang === 'en' ? '&' : '?'}sent=1`).send(null);
      },
    });
  });
}
