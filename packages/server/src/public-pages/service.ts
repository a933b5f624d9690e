import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { stockholmDate, type AuditAction, type PublicFeedbackItem, type PublicPageKind, type PublicPageSummary, type PublishInput } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { forumReader } from '../forums/service.ts';
import { publishableKinds } from './kinds.ts';
import { publishedPage, type Lang } from './html.ts';

/**
 * Publishing: a collaboration coordinator of the owning organisation publishes, republishes (a
 * new version; every version is kept) and withdraws. The snapshot and both languages' HTML are
 * made in the publishing transaction, so the public part serves stored HTML and nothing else.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** The caller, when a coordinator of the organisation: 403 otherwise. */
function publisher(request: FastifyRequest, organisationId?: string) {
  const actor = forumReader(request);
  const ok = actor.roles.some((r) => r.role === 'collaboration_coordinator' && (organisationId === undefined || r.organisationId === organisationId));
  if (!ok) throw new AppError('forbidden');
  return actor;
}

export const coordinatorOrganisations = (request: FastifyRequest): string[] => forumReader(request).roles.filter((r) => r.role === 'collaboration_coordinator').map((r) => r.organisationId);

/** The form's token: the page's version signed with the server's key, so only a form served from a published page is taken. */
export function formToken(key: Buffer, pageId: string, version: number): string {
  return createHmac('sha256', key).update(`public-feedback|${pageId}|${version}`).digest('base64url');
}

export function tokenMatches(key: Buffer, pageId: string, version: number, given: string): boolean {
  const expected = Buffer.from(formToken(key, pageId, version));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

async function pageAudit(trx: Transaction<DB>, request: FastifyRequest, page: { id: string; owner_organisation_id: string }, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType: 'public_page', subjectId: page.id, organisationId: page.owner_organisation_id, outcome: 'success', details }], request.server.services.clock.now());
}

async function addVersion(trx: Transaction<DB>, request: FastifyRequest, key: Buffer, page: { id: string; slug: string; kind: string; source_id: string | null; title: string }, body: string): Promise<number> {
  const kind = publishableKinds[page.kind as PublicPageKind];
  const data = await kind.snapshot(trx as unknown as Kysely<DB>, request, { sourceId: page.source_id, body, title: page.title });
  const last = await trx.selectFrom('public_page_version').select((eb) => eb.fn.max('version').as('n')).where('page_id', '=', page.id).executeTakeFirst();
  const version = Number(last?.n ?? 0) + 1;
  const at = request.server.services.clock.now();
  const html = (lang: Lang) => publishedPage(lang, { slug: page.slug, title: page.title, body: kind.render(data, lang), version, publishedOn: stockholmDate(at), formToken: formToken(key, page.id, version) });
  await trx.insertInto('public_page_version').values({ page_id: page.id, version, data: JSON.stringify({ body, content: data }), html_sv: html('sv'), html_en: html('en'), published_by: forumReader(request).userId, published_at: at }).execute();
  return version;
}

export async function publish(db: Kysely<DB>, request: FastifyRequest, key: Buffer, input: PublishInput): Promise<string> {
  publisher(request, input.ownerOrganisationId);
  return db.transaction().execute((trx) => publishIn(trx, request, key, input));
}

/** Publishes inside the caller's transaction (the demo seed publishes in its own). */
export async function publishIn(trx: Transaction<DB>, request: FastifyRequest, key: Buffer, input: PublishInput): Promise<string> {
  const actor = publisher(request, input.ownerOrganisationId);
  if (input.ownerForumId) {
    const forum = await trx.selectFrom('forum').select('organisation_id').where('id', '=', input.ownerForumId).executeTakeFirst();
    if (!forum || forum.organisation_id !== input.ownerOrganisationId) throw new AppError('validation_failed', { details: [{ path: 'body.ownerForumId', message: 'not_of_organisation' }] });
  }
  if (await trx.selectFrom('public_page').select('id').where('slug', '=', input.slug).executeTakeFirst()) throw new AppError('validation_failed', { details: [{ path: 'body.slug', message: 'slug_taken' }] });
  const row = { slug: input.slug, kind: input.kind, source_id: input.kind === 'news' ? null : input.sourceId, title: input.title, owner_organisation_id: input.ownerOrganisationId, owner_forum_id: input.ownerForumId };
  const { id } = await trx.insertInto('public_page').values({ ...row, created_by: actor.userId, created_at: request.server.services.clock.now() }).returning('id').executeTakeFirstOrThrow();
  const version = await addVersion(trx, request, key, { id, ...row }, input.body);
  await pageAudit(trx, request, { id, owner_organisation_id: input.ownerOrganisationId }, 'public_page.publish', { kind: input.kind, sourceId: row.source_id, slug: input.slug, version });
  return id;
}

async function ownPage(trx: Transaction<DB>, request: FastifyRequest, id: string) {
  const page = await trx.selectFrom('public_page').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!page) throw new AppError('not_found');
  publisher(request, page.owner_organisation_id);
  return page;
}

/** A new version from the source as it stands now; a withdrawn page is published again by it. */
export async function republish(db: Kysely<DB>, request: FastifyRequest, key: Buffer, id: string, body: string | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const page = await ownPage(trx, request, id);
    const last = await trx.selectFrom('public_page_version').select('data').where('page_id', '=', id).orderBy('version', 'desc').executeTakeFirstOrThrow();
    const version = await addVersion(trx, request, key, page, body ?? (last.data as { body: string }).body);
    await trx.updateTable('public_page').set({ withdrawn_at: null, withdrawn_by: null }).where('id', '=', id).execute();
    await pageAudit(trx, request, page, 'public_page.publish', { kind: page.kind, sourceId: page.source_id, slug: page.slug, version });
  });
}

export async function withdraw(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const page = await ownPage(trx, request, id);
    if (page.withdrawn_at) throw new AppError('conflict');
    await trx.updateTable('public_page').set({ withdrawn_at: request.server.services.clock.now(), withdrawn_by: forumReader(request).userId }).where('id', '=', id).execute();
    await pageAudit(trx, request, page, 'public_page.withdraw', { slug: page.slug });
  });
}

/** The pages of the organisations the caller coordinates in, with every version. */
export async function pagesOf(db: Db, organisationIds: readonly string[]): Promise<PublicPageSummary[]> {
  if (organisationIds.length === 0) return [];
  const pages = await db
    .selectFrom('public_page as p')
    .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
    .select((eb) => ['p.id', 'p.slug', 'p.kind', 'p.title', 'p.owner_organisation_id', 'o.name', 'p.owner_forum_id', 'p.withdrawn_at', eb.selectFrom('public_feedback').select((e) => e.fn.countAll<number>().as('n')).whereRef('page_id', '=', 'p.id').as('feedback')])
    .where('p.owner_organisation_id', 'in', organisationIds)
    .orderBy('p.created_at', 'desc')
    .execute();
  if (pages.length === 0) return [];
  const versions = await db.selectFrom('public_page_version as v').innerJoin('app_user as u', 'u.id', 'v.published_by').select(['v.page_id', 'v.version', 'v.published_at', 'u.display_name']).where('v.page_id', 'in', pages.map((p) => p.id)).orderBy('v.version', 'desc').execute();
  return pages.map((p) => ({
    id: p.id, slug: p.slug, kind: p.kind as PublicPageKind, title: p.title, path: `/public/${p.slug}`,
    ownerOrganisation: { id: p.owner_organisation_id, name: p.name }, ownerForumId: p.owner_forum_id,
    versions: versions.filter((v) => v.page_id === p.id).map((v) => ({ version: v.version, publishedAt: new Date(v.published_at).toISOString(), publishedBy: v.display_name })),
    withdrawnAt: p.withdrawn_at ? new Date(p.withdrawn_at).toISOString() : null,
    feedbackCount: Number(p.feedback ?? 0),
  }));
}

/**
 * Visitors' feedback, newest first: of the pages the caller's organisations own (the coordinators'
 * publishing page), or of the pages a forum owns (its workspace).
 */
export async function feedbackOf(db: Db, owner: { organisationIds: readonly string[] } | { forumId: string }): Promise<PublicFeedbackItem[]> {
  if ('organisationIds' in owner && owner.organisationIds.length === 0) return [];
  let query = db.selectFrom('public_feedback as f').innerJoin('public_page as p', 'p.id', 'f.page_id').selectAll('f').select('p.title as page_title');
  query = 'forumId' in owner ? query.where('f.owner_forum_id', '=', owner.forumId) : query.where('f.owner_organisation_id', 'in', owner.organisationIds);
  const rows = await query.orderBy('f.received_at', 'desc').execute();
  return rows.map((f) => ({ id: f.id, pageId: f.page_id, pageTitle: f.page_title, pageVersion: f.page_version, message: f.message, replyTo: f.reply_to, receivedAt: new Date(f.received_at).toISOString() }));
}

/** A question on a forum's page is a notice in the forum's workspaces (written in the feedback's transaction). */
export async function noticeFeedback(trx: Transaction<DB>, page: { title: string; owner_forum_id: string | null }, feedbackId: string, at: Date): Promise<void> {
  if (!page.owner_forum_id) return;
  const workspaces = trx.selectFrom('workspace').select((eb) => ['id as workspace_id', eb.val('feedback').as('kind'), eb.val(page.title).as('title'), eb.val(feedbackId).as('subject_id'), eb.val(at).as('created_at')]).where('belongs_to_kind', '=', 'forum').where('belongs_to_id', '=', page.owner_forum_id);
  await trx.insertInto('workspace_notice').columns(['workspace_id', 'kind', 'title', 'subject_id', 'created_at']).expression(workspaces).execute();
}

/** The newest version of a published page, or none when there is no such page or it is withdrawn. */
export async function servedPage(db: Db, slug: string) {
  return db
    .selectFrom('public_page as p')
    .innerJoin('public_page_version as v', 'v.page_id', 'p.id')
    .select(['p.id', 'p.slug', 'p.title', 'p.owner_organisation_id', 'p.owner_forum_id', 'v.version', 'v.html_sv', 'v.html_en'])
    .where('p.slug', '=', slug)
    .where('p.withdrawn_at', 'is', null)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
