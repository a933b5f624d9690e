import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { AuditAction } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { chainHash, type ChainedFields } from './chain.ts';

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
  if (entries.length === 0) return;
  const head = await trx
    .selectFrom('audit_chain_head')
    .select([sql<string>`seq::text`.as('seq'), 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let seq = BigInt(head.seq);
  let prev = head.hash;
  const rows = entries.map((entry) => {
    seq += 1n;
    const fields: ChainedFields = {
      seq: seq.toString(),
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
    const hash = chainHash(prev, fields);
    const row = toRow(fields, prev, hash);
    prev = hash;
    return row;
  });
  // One statement shape for every batch size (a prepared statement, planned once) and one round
  // trip for the rows and the new head: the group-commit batch holds the chain lock that long.
  await sql`
    WITH appended AS (
      INSERT INTO audit_log (seq, at, actor_id, actor_username, action, subject_type, subject_id, outcome, organisation_id, request_id, client_ip, details, prev_hash, hash)
      SELECT seq, at, actor_id, actor_username, action, subject_type, subject_id, outcome, organisation_id, request_id, client_ip, details, prev_hash, hash
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(
        seq bigint, at timestamptz, actor_id uuid, actor_username text, action text, subject_type text, subject_id text, outcome text,
        organisation_id uuid, request_id text, client_ip text, details jsonb, prev_hash text, hash text))
    UPDATE audit_chain_head SET seq = ${seq.toString()}, hash = ${prev} WHERE id = 1`.execute(trx);
}

function toRow(f: ChainedFields, prevHash: string, hash: string) {
  return {
    seq: f.seq,
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
    prev_hash: prevHash,
    hash,
  };
}

/** For entries that record no change of their own (a failed login): a transaction of their own. */
export async function appendAuditNow(db: Kysely<DB>, entries: readonly AuditEntry[], at: Date): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, entries, at));
}
