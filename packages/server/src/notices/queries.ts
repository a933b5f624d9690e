import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The most notices one listing shows: the latest; older ones are still counted as unread. */
export const noticeListLimit = 100;

/** A user's notices, newest first, with the child's name columns (shown only where the gate allows). */
export async function noticesOf(db: Db, recipientId: string, options: { unreadOnly: boolean }) {
  let query = db
    .selectFrom('notice as n')
    .leftJoin('child as c', 'c.id', 'n.child_id')
    .leftJoin('app_user as a', 'a.id', 'n.actor_id')
    .select(['n.id', 'n.kind', 'n.child_id', 'n.subject_id', 'n.actor_id', 'a.display_name as actor_name', 'n.details', 'n.created_at', 'n.read_at', 'c.given_name', 'c.family_name', 'c.protected_identity'])
    .where('n.recipient_id', '=', recipientId);
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null);
  return query.orderBy('n.created_at', 'desc').orderBy('n.id').limit(noticeListLimit).execute();
}

export type NoticeRow = Awaited<ReturnType<typeof noticesOf>>[number];

export async function unreadNoticeCount(db: Db, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom('notice')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks the recipient's notice read (one, or all when `id` is null); a notice already read keeps
 * the time it was first read. Returns how many rows were the recipient's to mark, or whether the
 * one notice is theirs at all.
 */
export async function markNoticesRead(db: Db, recipientId: string, id: string | null, at: Date): Promise<{ found: boolean }> {
  if (id !== null) {
    const own = await db.selectFrom('notice').select('read_at').where('id', '=', id).where('recipient_id', '=', recipientId).executeTakeFirst();
    if (!own) return { found: false };
    if (own.read_at === null) await db.updateTable('notice').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
    return { found: true };
  }
  await db.updateTable('notice').set({ read_at: at }).where('recipient_id', '=', recipientId).where('read_at', 'is', null).execute();
  return { found: true };
}
