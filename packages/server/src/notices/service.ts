import type { Transaction } from 'kysely';
import type { NoticeKind } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

export interface NewNotice {
  recipientId: string;
  kind: NoticeKind;
  childId?: string | null;
  subjectId?: string | null;
  actorId?: string | null;
  /** Codes and ids only, never free text from the record: the list words the notice. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Writes notices inside the caller's transaction, so a notice exists exactly when the change it
 * tells of does. `at` is the services' clock time of that change. Nobody is told of their own act.
 */
export async function addNotices(trx: Transaction<DB>, notices: readonly NewNotice[], at: Date): Promise<void> {
  const rows = notices
    .filter((n) => n.recipientId !== n.actorId)
    .map((n) => ({
      recipient_id: n.recipientId,
      kind: n.kind,
      child_id: n.childId ?? null,
      subject_id: n.subjectId ?? null,
      actor_id: n.actorId ?? null,
      details: JSON.stringify(n.details ?? {}),
      created_at: at,
    }));
  if (rows.length > 0) await trx.insertInto('notice').values(rows).execute();
}
