import type { Kysely, Transaction } from 'kysely';
import { sql, type RawBuilder } from 'kysely';
import type { AuditAction } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { chainTail, hashLink, type ChainedFields } from './chain.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  /** From core's one vocabulary (packages/core/src/audit/actions.ts): an unknown action does not compile. */
  action: AuditAction;
  outcome: AuditOutcome;
  actorId?: string | null;
  actorUsername?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  organisationId?: string | null;
  requestId?: string | null;
  clientIp?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends entries to the hash chain inside the caller's transaction, so an entry commits
 * with the change it records or not at all. The chain head row is the lock: concurrent
 * writers queue on it, which gives the chain a single total order. `at` is the services' clock
 * (`services.clock.now()`), never the database's or the process's own time.
 */
export async function appendAudit(trx: Transaction<DB>, entries: readonly AuditEntry[], at: Date): Promise<void> {
  await appendAuditStatement(trx, entries, at);
}

/**
 * The append as one statement, which is all of it: it locks the chain head, links each entry to
 * the one before (SHA-256 of the previous hash and the entry's canonical JSON, the same link
 * `chainHash` computes, see chain.ts), inserts the rows and moves the head (`audit_append`). Run outside a
 * transaction it commits on its own (the group commit of reads, audit/batcher.ts): one round trip,
 * and the chain lock is held only while the database itself works, never while this process
 * waits for its turn. The canonical JSON of each entry is made here, before the lock; only the
 * seq, known once the head is locked, is joined to it inside the statement.
 */
export async function appendAuditStatement(db: Kysely<DB> | Transaction<DB>, entries: readonly AuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await appendQuery(sql`${JSON.stringify(inputRows(entries, at))}`).execute(db);
}

/**
 * The same append as text, its one value written in as a literal, for a change's transaction that
 * sends it with its COMMIT in one simple query (audit/logged-transaction.ts). An escape string
 * (E'…' with backslashes and quotes doubled) reads the same whatever standard_conforming_strings says.
 */
export function appendAuditStatementSql(entries: readonly AuditEntry[], at: Date): string {
  const json = JSON.stringify(inputRows(entries, at));
  const literal = `E'${json.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return appendSql(literal);
}

function inputRows(entries: readonly AuditEntry[], at: Date) {
  return entries.map((entry, i) => {
    const fields = fieldsOf(entry, at);
    return { ...toRow(fields), n: i + 1, tail: chainTail(fields) };
  });
}

// The append is the database's `audit_append` (migration 0050): it locks the head, links each
// entry to the one before (the link chain.ts's `hashLink` computes), inserts the rows and moves the
// head. A PL/pgSQL function plans its statements once per session, however the call is sent.
function appendQuery(rowsJson: RawBuilder<unknown>) {
  return sql`SELECT audit_append(${rowsJson}::json)`;
}
/** The same call as text, the entries a literal (no query builder: the text is all it is). */
const appendSql = (literal: string) => `SELECT audit_append(${literal}::json)`;

function toRow(f: Omit<ChainedFields, 'seq'>) {
  return {
    at: f.at,
    actor_id: f.actorId,
    actor_username: f.actorUsername,
    action: f.action,
    subject_type: f.subjectType,
    subject_id: f.subjectId,
    outcome: f.outcome as AuditOutcome,
    organisation_id: f.organisationId,
    request_id: f.requestId,
    client_ip: f.clientIp,
    details: f.details,
  };
}

/** For entries that record no change of their own (a failed login): one statement that commits alone. */
export async function appendAuditNow(db: Kysely<DB>, entries: readonly AuditEntry[], at: Date): Promise<void> {
  await appendAuditStatement(db, entries, at);
}

/** Where the chain ends: the last entry's seq (as text, a bigint) and hash. */
export interface ChainHead {
  seq: string;
  hash: string;
}

/**
 * The group commit's append when this process believes it knows the head: the links are computed
 * here (SHA-256 in Node costs a microsecond; in the database, a recursive statement whose cost
 * grows with the square of the batch), and the statement inserts them only if the head it locks is
 * still `expected`. Otherwise it inserts nothing and returns the head it found, from which the
 * caller links again: another writer (a change's own entry, another node) moved the chain. One
 * statement, one round trip, the same lock as `appendAuditStatement`, and the same chain.
 */
export async function appendLinkedIfHead(db: Kysely<DB>, entries: readonly AuditEntry[], at: Date, expected: ChainHead): Promise<{ appended: boolean; head: ChainHead }> {
  let seq = BigInt(expected.seq);
  let prev = expected.hash;
  const rows = entries.map((entry) => {
    const fields = fieldsOf(entry, at);
    seq += 1n;
    const hash = hashLink(prev, seq.toString(), chainTail(fields));
    const row = { ...toRow(fields), seq: seq.toString(), prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  const last = { seq: seq.toString(), hash: prev };
  const result = await sql<{ seq: string; hash: string; appended: boolean }>`
    WITH
    head AS (SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE),
    ok AS (SELECT 1 FROM head WHERE seq = ${expected.seq}::bigint AND hash = ${expected.hash}),
    appended AS (
      INSERT INTO audit_log (seq, at, actor_id, actor_username, action, subject_type, subject_id, outcome, organisation_id, request_id, client_ip, details, prev_hash, hash)
      SELECT r.seq, r.at, r.actor_id, r.actor_username, r.action, r.subject_type, r.subject_id, r.outcome, r.organisation_id, r.request_id, r.client_ip, r.details, r.prev_hash, r.hash
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(
        seq bigint, at timestamptz, actor_id uuid, actor_username text, action text, subject_type text, subject_id text, outcome text,
        organisation_id uuid, request_id text, client_ip text, details jsonb, prev_hash text, hash text)
      WHERE EXISTS (SELECT 1 FROM ok)),
    moved AS (UPDATE audit_chain_head SET seq = ${last.seq}::bigint, hash = ${last.hash} WHERE id = 1 AND EXISTS (SELECT 1 FROM ok) RETURNING 1)
    SELECT h.seq::text AS seq, h.hash, EXISTS (SELECT 1 FROM moved) AS appended FROM head h`.execute(db);
  const found = result.rows[0];
  if (!found) throw new Error('audit_chain_head is missing');
  return found.appended ? { appended: true, head: last } : { appended: false, head: { seq: found.seq, hash: found.hash } };
}

/** The chain's head as it is now (the batcher's first guess; no lock, a guess may be stale). */
export async function readChainHead(db: Kysely<DB>): Promise<ChainHead> {
  const row = await db.selectFrom('audit_chain_head').select([sql<string>`seq::text`.as('seq'), 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: row.seq, hash: row.hash };
}

function fieldsOf(entry: AuditEntry, at: Date): Omit<ChainedFields, 'seq'> {
  return {
    at,
    actorId: entry.actorId ?? null,
    actorUsername: entry.actorUsername ?? null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    outcome: entry.outcome,
    organisationId: entry.organisationId ?? null,
    requestId: entry.requestId ?? null,
    clientIp: entry.clientIp ?? null,
    details: entry.details ?? null,
  };
}
