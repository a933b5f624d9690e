import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { NewsletterBlock, type AuditAction, type NewsletterIssueInput, type NewsletterIssueSummary, type NewsletterIssueUpdate } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { coordinatorOrganisations, publishIn, republish, withdraw } from '../public-pages/service.ts';
import { forumReader } from '../forums/service.ts';
import { blockData } from './blocks.ts';

/**
 * Composing, publishing and withdrawing issues: a collaboration coordinator of the owning
 * organisation (the role that publishes public pages). An issue holds no child's data, so the
 * child gate is not asked; every change leaves one audit entry, written last in its transaction.
 */

type Db = Kysely<DB> | Transaction<DB>;
const state = (msg: string) => new AppError('newsletter_state', { details: [{ path: 'id', message: msg }] });

/** The organisations the caller coordinates in; none for a citizen (who reads no plans at all). */
export function coordinatingIn(request: FastifyRequest): string[] {
  try {
    return coordinatorOrganisations(request);
  } catch (error) {
    // Only "reads no plans" means none; anything else (no session, a fault) is not swallowed.
    if (error instanceof AppError && error.code === 'forbidden') return [];
    throw error;
  }
}

/**
 * The caller, when a coordinator of the organisation: 403 otherwise, and the refusal is logged
 * (outside the transaction, which rolls back) under the action that was tried.
 */
export async function composer(request: FastifyRequest, organisationId: string, action: AuditAction, subjectId: string | null = null) {
  const orgs = coordinatingIn(request);
  if (!orgs.includes(organisationId)) {
    await request.server.services.audit.append({ ...auditFrom(request), action, subjectType: 'newsletter_issue', subjectId, organisationId, outcome: 'denied', details: { reason: 'not_a_coordinator' } });
    throw new AppError('forbidden');
  }
  return forumReader(request);
}

export async function issueAudit(trx: Transaction<DB>, request: FastifyRequest, issue: { id: string; organisationId: string }, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType: 'newsletter_issue', subjectId: issue.id, organisationId: issue.organisationId, outcome: 'success', details }], request.server.services.clock.now());
}

/** Every block is read once on save as the draft's preview would: a block the caller may not read, or that points nowhere, is refused now. */
async function checkBlocks(db: Kysely<DB>, request: FastifyRequest, blocks: readonly NewsletterBlock[], date: string): Promise<void> {
  await blockData(db, request, blocks, date);
}

export async function createIssue(db: Kysely<DB>, request: FastifyRequest, input: NewsletterIssueInput): Promise<string> {
  const actor = await composer(request, input.ownerOrganisationId, 'newsletter.issue.create');
  await checkBlocks(db, request, input.blocks, input.issueDate);
  return db.transaction().execute(async (trx) => {
    // An issue becomes a public page under its slug, so the slug is free only if no page has it either.
    const issueHas = await trx.selectFrom('newsletter_issue').select('id').where('slug', '=', input.slug).executeTakeFirst();
    const pageHas = await trx.selectFrom('public_page').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (issueHas || pageHas) throw new AppError('validation_failed', { details: [{ path: 'body.slug', message: 'slug_taken' }] });
    const now = request.server.services.clock.now();
    const { id } = await trx.insertInto('newsletter_issue').values({ owner_organisation_id: input.ownerOrganisationId, title: input.title, slug: input.slug, issue_date: input.issueDate, blocks: JSON.stringify(input.blocks), created_by: actor.userId, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await issueAudit(trx, request, { id, organisationId: input.ownerOrganisationId }, 'newsletter.issue.create', { slug: input.slug, blocks: input.blocks.map((b) => b.type) });
    return id;
  });
}

/** Asked before the transaction: a refusal is logged on its own connection, never while a row is locked. */
export async function guardIssue(db: Kysely<DB>, request: FastifyRequest, id: string, action: AuditAction): Promise<void> {
  const row = await db.selectFrom('newsletter_issue').select('owner_organisation_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  await composer(request, row.owner_organisation_id, action, id);
}

/** The issue, locked (its organisation never changes, so the guard asked before still holds). */
async function ownIssue(trx: Transaction<DB>, id: string) {
  const issue = await trx.selectFrom('newsletter_issue').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!issue) throw new AppError('not_found');
  return issue;
}

/** A change of the draft (a published issue changes only by withdrawing and publishing again: a new version). */
export async function updateIssue(db: Kysely<DB>, request: FastifyRequest, id: string, change: NewsletterIssueUpdate): Promise<void> {
  await guardIssue(db, request, id, 'newsletter.issue.update');
  // The blocks are checked before the transaction, on `db`: a query on `db` inside it would wait for
  // a second connection (with one, as the tests' PGlite has, forever), and a refused block logs its
  // refusal through the audit batcher, which must not wait on a transaction either.
  const current = await db.selectFrom('newsletter_issue').select(['blocks', 'issue_date']).where('id', '=', id).executeTakeFirstOrThrow();
  const blocks = change.blocks ?? NewsletterBlock.array().parse(current.blocks);
  await checkBlocks(db, request, blocks, change.issueDate ?? current.issue_date);
  await db.transaction().execute(async (trx) => {
    const issue = await ownIssue(trx, id);
    // A page on show keeps what was published: withdraw it first, and publishing again is a new version.
    if (issue.public_page_id && !(await trx.selectFrom('public_page').select('withdrawn_at').where('id', '=', issue.public_page_id).executeTakeFirstOrThrow()).withdrawn_at) throw state('published');
    await trx.updateTable('newsletter_issue').set({ title: change.title ?? issue.title, issue_date: change.issueDate ?? issue.issue_date, blocks: JSON.stringify(blocks), updated_at: request.server.services.clock.now() }).where('id', '=', id).execute();
    await issueAudit(trx, request, { id, organisationId: issue.owner_organisation_id }, 'newsletter.issue.update', { fields: Object.keys(change), blocks: blocks.map((b) => b.type) });
  });
}

/** Publishes the issue as a public page (kind newsletter): the snapshot is made in this transaction. Publishing a withdrawn issue is a new version. */
export async function publishIssue(db: Kysely<DB>, request: FastifyRequest, key: Buffer, id: string): Promise<void> {
  await guardIssue(db, request, id, 'public_page.publish');
  const pageId = await db.transaction().execute(async (trx) => {
    const issue = await ownIssue(trx, id);
    if (issue.public_page_id) {
      const page = await trx.selectFrom('public_page').select('withdrawn_at').where('id', '=', issue.public_page_id).executeTakeFirstOrThrow();
      if (!page.withdrawn_at) throw state('already_published');
      return issue.public_page_id;
    }
    const created = await publishIn(trx, request, key, { kind: 'newsletter', sourceId: issue.id, slug: issue.slug, title: issue.title, body: '', ownerOrganisationId: issue.owner_organisation_id, ownerForumId: null });
    await trx.updateTable('newsletter_issue').set({ public_page_id: created }).where('id', '=', id).execute();
    return null;
  });
  // A withdrawn issue: a new version from the blocks as they stand (the public pages' own step and audit entry).
  if (pageId) await republish(db, request, key, pageId, undefined);
}

export async function withdrawIssue(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<void> {
  const issue = await db.selectFrom('newsletter_issue').select(['public_page_id', 'owner_organisation_id']).where('id', '=', id).executeTakeFirst();
  if (!issue) throw new AppError('not_found');
  await composer(request, issue.owner_organisation_id, 'public_page.withdraw', id);
  if (!issue.public_page_id) throw state('not_published');
  await withdraw(db, request, issue.public_page_id);
}

/** The issues of the organisations the caller coordinates in, newest first (or only the one `onlyId` names). */
export async function issuesOf(db: Db, organisationIds: readonly string[], onlyId?: string): Promise<NewsletterIssueSummary[]> {
  if (organisationIds.length === 0) return [];
  let query = db
    .selectFrom('newsletter_issue as i')
    .innerJoin('organisation as o', 'o.id', 'i.owner_organisation_id')
    .leftJoin('public_page as p', 'p.id', 'i.public_page_id')
    .select(['i.id', 'i.title', 'i.slug', 'i.issue_date', 'i.blocks', 'i.owner_organisation_id', 'o.name', 'i.public_page_id', 'p.withdrawn_at', 'i.sent_at', 'i.sent_count', 'i.updated_at'])
    .select((eb) => eb.selectFrom('newsletter_delivery as d').select((e) => e.fn.countAll<string>().as('n')).whereRef('d.issue_id', '=', 'i.id').where('d.sent_at', 'is', null).as('unsent'))
    .where('i.owner_organisation_id', 'in', organisationIds)
    .orderBy('i.issue_date', 'desc')
    .orderBy('i.created_at', 'desc');
  if (onlyId !== undefined) query = query.where('i.id', '=', onlyId);
  const rows = await query.execute();
  return rows.map((r) => {
    const st = !r.public_page_id ? 'draft' : r.withdrawn_at ? 'withdrawn' : 'published';
    return {
      id: r.id, title: r.title, slug: r.slug, issueDate: r.issue_date, ownerOrganisation: { id: r.owner_organisation_id, name: r.name }, state: st,
      blocks: NewsletterBlock.array().parse(r.blocks),
      path: st === 'published' ? `/public/${r.slug}` : null, pdfPath: st === 'published' ? `/public/newsletter/${r.slug}/pdf` : null,
      publicPageId: r.public_page_id, sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null, sentCount: r.sent_count, unsent: Number(r.unsent ?? 0), updatedAt: new Date(r.updated_at).toISOString(),
    };
  });
}

export async function confirmedCount(db: Db, organisationIds: readonly string[]): Promise<number> {
  if (organisationIds.length === 0) return 0;
  const row = await db.selectFrom('newsletter_subscriber').select((eb) => eb.fn.countAll<string>().as('n')).where('owner_organisation_id', 'in', organisationIds).where('confirmed_at', 'is not', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}
