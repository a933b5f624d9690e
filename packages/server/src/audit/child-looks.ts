import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AuditEntry } from './writer.ts';

/**
 * Looks at children, as the family's access log and log review read them: one row per child a look
 * named. A look at one child's data is an entry of its own (subject_type 'child'); a look at a
 * list is one entry for the page (subject_type 'child_list', see `listLookEntry`) that names every
 * child with its answer. Here a list's entry reads as one row per child it showed, shaped as a
 * single child's entry: that child's id, outcome and organisation, and the list's details with the
 * child's own answer (basis, reason, what rows it stood for) merged in. Entries written before the
 * compact form (an object per child under `looks`) read the same.
 */
export function childLooks(db: Kysely<DB>, childId?: string) {
  const single = db
    .selectFrom('audit_log as s')
    .select(['s.seq', 's.at', 's.actor_id', 's.actor_username', 's.action', 's.subject_type', 's.subject_id', 's.outcome', 's.organisation_id', 's.request_id', 's.client_ip', 's.details', 's.prev_hash', 's.hash'])
    .where('s.subject_type', '=', 'child')
    .$if(childId !== undefined, (q) => q.where('s.subject_id', '=', childId!));
  return single.unionAll(compactLooks(db, childId)).unionAll(objectLooks(db, childId));
}

/** The compact list entry: `children` names them in order, `answerOf[i]` is the index of child i's answer in `answers`, `rows[i]` its own rows. */
function compactLooks(db: Kysely<DB>, childId?: string) {
  // A function in FROM sees the rows before it (implicitly lateral): one row per child named.
  const answer = sql`(l.details -> 'answers' -> ((l.details -> 'answerOf' ->> (look.ordinality - 1)::int)::int))`;
  return db
    .selectFrom('audit_log as l')
    .crossJoin(sql<{ value: string; ordinality: number }>`jsonb_array_elements_text(l.details -> 'children') WITH ORDINALITY`.as('look'))
    .select([
      'l.seq', 'l.at', 'l.actor_id', 'l.actor_username', 'l.action',
      sql<string | null>`'child'`.as('subject_type'),
      sql<string | null>`look.value`.as('subject_id'),
      sql<'success' | 'failure' | 'denied'>`${answer} ->> 'outcome'`.as('outcome'),
      sql<string | null>`(${answer} ->> 'organisationId')::uuid`.as('organisation_id'),
      'l.request_id',
      'l.client_ip',
      sql<unknown>`(l.details - 'children' - 'answers' - 'answerOf' - 'rows') || (${answer} - 'outcome' - 'organisationId') || coalesce(l.details -> 'rows' -> (look.ordinality - 1)::int, '{}')`.as('details'),
      'l.prev_hash',
      'l.hash',
    ])
    .where('l.subject_type', '=', 'child_list')
    .where(sql<boolean>`l.details ? 'answers'`)
    // The GIN index on the named children finds a child's list looks without reading every list.
    .$if(childId !== undefined, (q) => q.where(sql<boolean>`l.details -> 'children' ? ${childId!}`).where(sql<boolean>`look.value = ${childId!}`));
}

/** The list entry as it was first written (before issue 12's benchmark): one object per child under `looks`, keyed by its id. */
function objectLooks(db: Kysely<DB>, childId?: string) {
  return db
    .selectFrom('audit_log as l')
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
    .where(sql<boolean>`l.details ? 'looks'`)
    .$if(childId !== undefined, (q) => q.where(sql<boolean>`l.details -> 'children' ? ${childId!}`).where(sql<boolean>`look.key = ${childId!}`));
}

/**
 * One child's part of a list look: the gate's answer for that child (outcome, organisation, basis,
 * reason), as its own entry would have held it, and the list's rows it stood for.
 */
export interface ListLook {
  childId: string;
  outcome: AuditEntry['outcome'];
  organisationId: string | null;
  /** The gate's answer beyond outcome and organisation (basis, reason, flagged …): shared by many children. */
  details: Record<string, unknown>;
  /** What of the list this child stands for (the ids of its rows): the child's own. */
  rows?: Record<string, unknown>;
}

/**
 * The one entry of a look at a list of children, compact because "Mina barn" logs two hundred
 * children per look: the list's own fields (category, the session's marks) are said once;
 * `children` names every child (for the GIN index, and in the list's order); the distinct answers
 * are said once each under `answers` (most children of a list get the same one), `answerOf[i]`
 * is child i's, and `rows[i]` its own rows where the list has any. Its outcome is a success: the
 * list was shown (a child the gate refused shows only as the row the area allows, and that
 * child's answer says `denied`). `childLooks` reads it back as one look per child.
 */
export function listLookEntry(base: Omit<AuditEntry, 'subjectType' | 'subjectId' | 'outcome' | 'details' | 'organisationId'>, shared: Record<string, unknown>, looks: readonly ListLook[]): AuditEntry {
  const answers: Record<string, unknown>[] = [];
  const indexOf = new Map<string, number>();
  // The list gate hands children with the same answer one details object: they are matched by it
  // and their outcome and organisation, without writing each answer out to compare it.
  const bySameDetails = new Map<Record<string, unknown>, Map<string, number>>();
  const answerOf = looks.map((l) => {
    const own = `${l.outcome}\u0000${l.organisationId ?? ''}`;
    const known = bySameDetails.get(l.details)?.get(own);
    if (known !== undefined) return known;
    const answer = { outcome: l.outcome, organisationId: l.organisationId, ...l.details };
    // The gate builds every answer with its keys in one order, so plain JSON finds the equal ones
    // (canonical JSON cost a third of this entry's time); two equal answers written in another
    // order would only be said twice, never merged wrongly.
    const key = JSON.stringify(answer);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = answers.push(answer) - 1;
      indexOf.set(key, index);
    }
    const same = bySameDetails.get(l.details) ?? new Map<string, number>();
    bySameDetails.set(l.details, same.set(own, index));
    return index;
  });
  const rows = looks.some((l) => l.rows !== undefined) ? { rows: looks.map((l) => l.rows ?? {}) } : {};
  return {
    ...base,
    subjectType: 'child_list',
    subjectId: null,
    organisationId: null,
    outcome: 'success',
    details: { ...shared, children: looks.map((l) => l.childId), answers, answerOf, ...rows },
  };
}
