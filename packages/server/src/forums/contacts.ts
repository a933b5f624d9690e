import type { Kysely } from 'kysely';
import type { ContactRow } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

/** The contact directory: each forum's organisations and whom to contact there, for what. */
export async function contactsOf(db: Kysely<DB>, query: { q?: string | undefined; forumId?: string | undefined; sort: 'organisation' | 'forum' | 'contact' }): Promise<ContactRow[]> {
  let q = db
    .selectFrom('forum_organisation as fo')
    .innerJoin('organisation as o', 'o.id', 'fo.organisation_id')
    .innerJoin('forum as f', 'f.id', 'fo.forum_id')
    .select(['o.id as organisation_id', 'o.name as organisation_name', 'o.kind', 'f.id as forum_id', 'f.name as forum_name', 'fo.contact_name', 'fo.contact_email', 'fo.contact_phone', 'fo.contact_for']);
  if (query.forumId) q = q.where('f.id', '=', query.forumId);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('fo.contact_name', 'ilike', like), eb('fo.contact_for', 'ilike', like), eb('f.name', 'ilike', like)]));
  }
  const order = { organisation: 'o.name', forum: 'f.name', contact: 'fo.contact_name' } as const;
  const rows = await q.orderBy(order[query.sort]).orderBy('o.name').orderBy('f.name').execute();
  return rows.map((r) => ({ organisation: { id: r.organisation_id, name: r.organisation_name }, organisationKind: r.kind, forum: { id: r.forum_id, name: r.forum_name }, contactName: r.contact_name, contactEmail: r.contact_email, contactPhone: r.contact_phone, contactFor: r.contact_for }));
}
