import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AuditEntry } from './writer.ts';

/**
 * Looks at children, as the family's access log and log review read them: one row per child a look
 * named. A look at one child's data is an entry of its own (subject_type 'child'); a look at a
 * list is one entry for the page (subject_type 'child_list', see `listLookEntry`) whose details
 * hold each child's answer. Here a list's entry reads as one row per child it showed, shaped as a
 * single child's entry: that child's id, outcome and organisation, and the list's details with the
 * child's own answer (basis, reason, what rows it stood for) merged in.
 */
export function childLooks(db: Kysely<DB>, childId?: string) {
  const single = db
    .selectFrom('audit_log as s')
    .select(['s.seq', 's.at', 's.actor_id', 's.actor_username', 's.action', 's.subject_type', 's.subject_id', 's.outcome', 's.organisation_id', 's.request_id', 's.client_ip', 's.details', 's.prev_hash', 's.hash'])
    .where('s.subject_type', '=', 'child')
    .$if(childId !== undefined, (q) => q.where('s.subject_id', '=', childId!));
  const listed = db
    .selectFrom('audit_log as l')
    // A function in FROM sees the rows before it (implicitly lateral): one row per child looked at.
    .crossJoin(sql<{ key: string; value: unknown }>`jsonb_each(l.details -> 'looks')`.as('look'))
    .select([
      'l.seq', 'l.at', 'l.actor_id', 'l.actor_username', 'l.action',
      sql<string | null>`'child'`.as('subject_type'),
      sql<string | null>`look.key`.as('subject_id'),
      sql<'success' | 'failure' | 'denied'>`look.value ->> 'outcome'`.as('outcome'),
      sql<string | null>`(look.value ->> 'organisationId')::uuid`.as('organisation_id'),
      'l.request_id',
      'l.client_ip',
      sql<unknown>`(l.details - 'looks' - 'children') || (look.value - 'outcome' - 'organisationId')`.as('details'),
      'l.prev_hash',
      'l.hash',
    ])
    .where('l.subject_type', '=', 'child_list')
    // The GIN index on the named children finds a child's list looks without reading every list.
    .$if(childId !== undefined, (q) => q.where(sql<boolean>`l.details -> 'children' ? ${childId!}`).where(sql<boolean>`look.key = ${childId!}`));
  return single.unionAll(listed);
}

/** One child's part of a list look: the gate's answer for that child, as its own entry would have held it. */
export interface ListLook {
  childId: string;
  outcome: AuditEntry['outcome'];
  organisationId: string | null;
  details: Record<string, unknown>;
}

/**
 * The one entry of a look at a list of children. The list's own fields (category, purpose, the
 * session's marks) are said once; each child's answer is under its id, and `children` names them
 * for the index. Its outcome is a success: the list was shown (a child the gate refused shows
 * only as the row the area allows, and that child's look says `denied`).
 */
export function listLookEntry(base: Omit<AuditEntry, 'subjectType' | 'subjectId' | 'outcome' | 'details' | 'organisationId'>, shared: Record<string, unknown>, looks: readonly ListLook[]): AuditEntry {
  return {
    ...base,
    subjectType: 'child_list',
    subjectId: null,
    organisationId: null,
    outcome: 'success',
    details: {
      ...shared,
      children: looks.map((l) => l.childId),
      looks: Object.fromEntries(looks.map((l) => [l.childId, { outcome: l.outcome, organisationId: l.organisationId, ...l.details }])),
    },
  };
}
