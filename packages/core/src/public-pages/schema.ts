import { z } from 'zod';

/**
 * Public pages (issue 16 point 6): content a coordinator publishes to the login-free part of
 * Samsyn, each publication a static snapshot. Kinds are open (a newsletter issue comes later):
 * the server keeps one small renderer per kind (public-pages/kinds.ts).
 */

/** The kinds published through `POST /api/public-pages`; a newsletter issue is published from its own route only (it links the page to the issue). */
export const publishableKinds = ['action_plan', 'forum_decisions', 'forum_contacts', 'news'] as const;
export const publicPageKinds = [...publishableKinds, 'newsletter'] as const;
export type PublicPageKind = (typeof publicPageKinds)[number];

export const PublishInput = z.object({
  kind: z.enum(publishableKinds),
  /** The plan or forum the page shows; none for news. */
  sourceId: z.uuid().nullable().default(null),
  slug: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80),
  title: z.string().trim().min(1).max(200),
  /** The news text (and an optional introduction for other kinds), plain text with blank lines as paragraphs. */
  body: z.string().trim().max(20000).default(''),
  ownerOrganisationId: z.uuid(),
  ownerForumId: z.uuid().nullable().default(null),
});
/** What a page is published from; the server's own callers (the newsletter) may name any kind. */
export type PublishInput = Omit<z.infer<typeof PublishInput>, 'kind'> & { kind: PublicPageKind };
export const RepublishInput = z.object({ body: z.string().trim().max(20000).optional() });

export const PublicPageParams = z.object({ id: z.uuid() });

export const PublicPageSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(publicPageKinds),
  title: z.string(),
  path: z.string(),
  ownerOrganisation: z.object({ id: z.uuid(), name: z.string() }),
  ownerForumId: z.uuid().nullable(),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.iso.datetime(), publishedBy: z.string() })),
  withdrawnAt: z.iso.datetime().nullable(),
  feedbackCount: z.number().int(),
});
export type PublicPageSummary = z.infer<typeof PublicPageSummary>;
export const PublicPageList = z.object({ pages: z.array(PublicPageSummary), canPublish: z.boolean() });

/** A visitor's question sent from a public page's form: what they wrote, and an address only if they gave one. */
export const PublicFeedbackItem = z.object({ id: z.uuid(), pageId: z.uuid(), pageTitle: z.string(), pageVersion: z.number().int(), message: z.string(), replyTo: z.string(), receivedAt: z.iso.datetime() });
export type PublicFeedbackItem = z.infer<typeof PublicFeedbackItem>;
export const FeedbackList = z.object({
  feedback: z.array(PublicFeedbackItem),
});
