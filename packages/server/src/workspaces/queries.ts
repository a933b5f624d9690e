import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** One question per function: what the workspace area reads. */

export async function workspaceRows(db: Db, userId: string, options: { id?: string } = {}) {
  let query = db
    .selectFrom('workspace as w')
    .leftJoin('workspace_member as me', (j) => j.onRef('me.workspace_id', '=', 'w.id').on('me.user_id', '=', userId))
    .select((eb) => [
      'w.id', 'w.name', 'w.description', 'w.open_to_join', 'w.belongs_to_kind', 'w.belongs_to_id', 'w.updated_at', 'me.role as my_role',
      eb.selectFrom('workspace_member as m').select(eb.fn.countAll<string>().as('n')).whereRef('m.workspace_id', '=', 'w.id').as('member_count'),
      eb.selectFrom('workspace_notice as n').select(eb.fn.countAll<string>().as('n')).whereRef('n.workspace_id', '=', 'w.id')
        .where((x) => x.or([x('me.notices_read_at', 'is', null), x('n.created_at', '>', x.ref('me.notices_read_at'))]))
        .where((x) => x.or([x('n.actor_id', 'is', null), x('n.actor_id', '<>', userId)])).as('unread'),
      eb.exists(eb.selectFrom('workspace_join_request as r').select('r.id').whereRef('r.workspace_id', '=', 'w.id').where('r.user_id', '=', userId).where('r.state', '=', 'pending')).as('pending'),
    ]);
  if (options.id) query = query.where('w.id', '=', options.id);
  else query = query.where((eb) => eb.or([eb('me.role', 'is not', null), eb('w.open_to_join', '=', true)]));
  return query.orderBy('w.updated_at', 'desc').orderBy('w.id').execute();
}
export type WorkspaceRow = Awaited<ReturnType<typeof workspaceRows>>[number];

export async function membersOf(db: Db, workspaceId: string) {
  return db
    .selectFrom('workspace_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.user_id', 'u.display_name', 'm.role', 'm.added_at', 'o.id as org_id', 'o.name as org_name', 'o.kind as org_kind', 'o.partner_type'])
    .where('m.workspace_id', '=', workspaceId)
    .orderBy('m.role', 'desc')
    .orderBy('u.display_name')
    .execute();
}

export async function membershipOf(db: Db, workspaceId: string, userId: string) {
  return db.selectFrom('workspace_member').select(['role', 'notices_read_at']).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
}

export async function pendingRequests(db: Db, workspaceId: string) {
  return db
    .selectFrom('workspace_join_request as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'u.display_name', 'r.message', 'r.state', 'r.requested_at'])
    .select((eb) => eb.selectFrom('user_role as ra').innerJoin('organisation as o', 'o.id', 'ra.organisation_id').select('o.name').whereRef('ra.user_id', '=', 'r.user_id').orderBy('o.name').limit(1).as('org_name'))
    .where('r.workspace_id', '=', workspaceId)
    .where('r.state', '=', 'pending')
    .orderBy('r.requested_at')
    .execute();
}

export async function noticesOf(db: Db, workspaceId: string) {
  return db
    .selectFrom('workspace_notice as n')
    .leftJoin('app_user as a', 'a.id', 'n.actor_id')
    .select(['n.id', 'n.kind', 'n.title', 'n.actor_id', 'a.display_name as actor_name', 'n.created_at'])
    .where('n.workspace_id', '=', workspaceId)
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute();
}

export async function postsOf(db: Db, workspaceId: string) {
  return db.selectFrom('workspace_post as p').innerJoin('app_user as u', 'u.id', 'p.author_id').select(['p.id', 'p.author_id', 'u.display_name', 'p.body', 'p.created_at']).where('p.workspace_id', '=', workspaceId).orderBy('p.created_at').orderBy('p.id').execute();
}

/** Documents with their versions' metadata (never the content: that is the download). */
export async function documentsOf(db: Db, workspaceId: string) {
  const docs = await db.selectFrom('workspace_document').select(['id', 'title', 'updated_at']).where('workspace_id', '=', workspaceId).orderBy('updated_at', 'desc').execute();
  const versions = docs.length === 0 ? [] : await db
    .selectFrom('workspace_document_version as v')
    .innerJoin('app_user as u', 'u.id', 'v.uploaded_by')
    .select(['v.document_id', 'v.version', 'v.file_name', 'v.media_type', 'v.size_bytes', 'v.sha256', 'v.note', 'v.uploaded_by', 'u.display_name', 'v.uploaded_at'])
    .where('v.document_id', 'in', docs.map((d) => d.id))
    .orderBy('v.version', 'desc')
    .execute();
  return docs.map((d) => ({ ...d, versions: versions.filter((v) => v.document_id === d.id) }));
}

export async function meetingsOf(db: Db, workspaceId: string) {
  return db.selectFrom('workspace_meeting').select(['id', 'title', 'starts_at', 'ends_at', 'location', 'agenda']).where('workspace_id', '=', workspaceId).orderBy('starts_at').execute();
}

export async function versionContent(db: Db, workspaceId: string, documentId: string, version: number) {
  return db
    .selectFrom('workspace_document_version as v')
    .innerJoin('workspace_document as d', 'd.id', 'v.document_id')
    .select(['v.file_name', 'v.media_type', 'v.content', 'd.title'])
    .where('d.workspace_id', '=', workspaceId)
    .where('v.document_id', '=', documentId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export async function nextVersion(trx: Transaction<DB>, documentId: string): Promise<number> {
  const row = await trx.selectFrom('workspace_document_version').select(sql<number>`coalesce(max(version), 0) + 1`.as('next')).where('document_id', '=', documentId).executeTakeFirstOrThrow();
  return Number(row.next);
}

/** The organisation a user acts for in a workspace: their first role's organisation (by name), or none. */
export async function homeOrganisation(db: Db, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('user_role as r').innerJoin('organisation as o', 'o.id', 'r.organisation_id').select('o.id').where('r.user_id', '=', userId).orderBy('o.name').limit(1).executeTakeFirst();
  return row?.id;
}
