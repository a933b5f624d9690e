import { sql, type Kysely, type Transaction } from 'kysely';
import type { RetentionRule } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

export async function listRules(db: Kysely<DB>): Promise<RetentionRule[]> {
  const rows = await db.selectFrom('retention_rule').selectAll().orderBy('category').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    secrecyDomainKind: r.secrecy_domain_kind,
    startsFrom: r.starts_from,
    defaultYears: r.default_years,
    years: r.years,
    effectiveYears: r.years ?? r.default_years,
    legalReference: r.legal_reference,
    updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
  }));
}

export async function updateRuleYears(trx: Transaction<DB>, id: string, years: number | null, by: string, at: Date) {
  return trx.updateTable('retention_rule').set({ years, updated_at: at, updated_by: by }).where('id', '=', id).returning(['id', 'years', 'default_years']).executeTakeFirst();
}

export interface ExpiredRow {
  id: string;
  child_id: string;
  secrecy_domain_id: string;
  kind: string;
  recorded_at: Date;
  last_activity: Date;
}

/**
 * Record entries of children with no team member now, with the child's last activity in Samsyn:
 * the latest entry, team change, consent (given or withdrawn) and disclosure. Only entries whose
 * child was last active before `before` (the most lenient rule's cutoff) are read.
 */
export async function inactiveChildrenEntries(db: Kysely<DB> | Transaction<DB>, before: Date): Promise<ExpiredRow[]> {
  const { rows } = await sql<ExpiredRow>`
    WITH activity AS (
      SELECT c.id AS child_id, greatest(
        (SELECT max(e.created_at) FROM record_entry e WHERE e.child_id = c.id),
        (SELECT max(coalesce(m.ends_at, m.starts_at)) FROM care_team_member m WHERE m.child_id = c.id),
        (SELECT max(greatest(k.recorded_at, k.withdrawn_at)) FROM consent k WHERE k.child_id = c.id),
        (SELECT max(d.decided_at) FROM disclosure d WHERE d.child_id = c.id)) AS last_activity
      FROM child c
      WHERE EXISTS (SELECT 1 FROM record_entry e WHERE e.child_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM care_team_member m WHERE m.child_id = c.id AND m.ends_at IS NULL))
    SELECT e.id, e.child_id, e.secrecy_domain_id, s.kind, e.created_at AS recorded_at, a.last_activity
    FROM record_entry e
    JOIN activity a ON a.child_id = e.child_id
    JOIN secrecy_domain s ON s.id = e.secrecy_domain_id
    WHERE a.last_activity < ${before}
    ORDER BY e.created_at`.execute(db);
  return rows.map((r) => ({ ...r, recorded_at: new Date(r.recorded_at), last_activity: new Date(r.last_activity) }));
}

/** Sharing-ledger rows decided before the cutoff. */
export async function expiredDisclosures(db: Kysely<DB> | Transaction<DB>, before: Date) {
  return db
    .selectFrom('disclosure')
    .select(['id', 'child_id', 'from_secrecy_domain_id as secrecy_domain_id', 'decided_at as recorded_at'])
    .where('decided_at', '<', before)
    .orderBy('decided_at')
    .execute();
}

/** The newest audit entry written before the cutoff, after the last erased prefix. */
export async function lastExpiredAuditEntry(db: Kysely<DB>, before: Date, afterSeq: string) {
  return db
    .selectFrom('audit_log')
    .select([sql<string>`seq::text`.as('seq'), 'at'])
    .where('at', '<', before)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function auditEntryAt(db: Kysely<DB>, seq: string) {
  return db.selectFrom('audit_log').select([sql<string>`seq::text`.as('seq'), 'at', 'hash']).where('seq', '=', seq).executeTakeFirst();
}

export async function firstAuditEntryAfter(db: Kysely<DB>, seq: string) {
  return db.selectFrom('audit_log').select('at').where('seq', '>', seq).orderBy('seq').limit(1).executeTakeFirst();
}

export async function listTombstones(db: Kysely<DB>, page: { limit: number; offset: number }) {
  const [count, rows] = await Promise.all([
    db.selectFrom('retention_tombstone').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('retention_tombstone').selectAll().orderBy('erased_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** The tombstones of one child (the register extract says what was erased, never what it said). */
export async function childTombstones(db: Kysely<DB>, childId: string) {
  return db.selectFrom('retention_tombstone').select(['rule_id', 'category', 'subject', 'recorded_at', 'erased_at']).where('child_id', '=', childId).orderBy('erased_at').execute();
}
