import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chainHash, genesisHash } from './chain.ts';

export interface ChainReport {
  ok: boolean;
  entries: number;
  firstBroken: { seq: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch' } | null;
}

const batchSize = 5000;

/** Recomputes every hash in order and names the first entry that does not fit the chain. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainReport> {
  let prev = genesisHash;
  let expected = 1n;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select([
        sql<string>`seq::text`.as('seq'),
        'at', 'actor_id', 'actor_username', 'action', 'subject_type', 'subject_id',
        'outcome', 'organisation_id', 'request_id', 'client_ip', 'details', 'prev_hash', 'hash',
        // The hash covers `at` to the millisecond, as written; anything finer is a later change.
        sql<boolean>`extract(microseconds from at)::bigint % 1000 <> 0`.as('finer_than_written'),
      ])
      .where('audit_log.seq', '>=', expected.toString())
      // Qualified: a bare "seq" would sort by the text alias above.
      .orderBy('audit_log.seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const broken = (reason: NonNullable<ChainReport['firstBroken']>['reason']): ChainReport => ({
        ok: false,
        entries,
        firstBroken: { seq: row.seq, reason },
      });
      if (BigInt(row.seq) !== expected) return broken('sequence_gap');
      if (row.prev_hash !== prev) return broken('prev_hash_mismatch');
      if (row.finer_than_written) return broken('hash_mismatch');
      const hash = chainHash(prev, {
        seq: row.seq,
        at: new Date(row.at),
        actorId: row.actor_id,
        actorUsername: row.actor_username,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        outcome: row.outcome,
        organisationId: row.organisation_id,
        requestId: row.request_id,
        clientIp: row.client_ip,
        details: row.details,
      });
      if (hash !== row.hash) return broken('hash_mismatch');
      prev = hash;
      expected += 1n;
      entries += 1;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db
    .selectFrom('audit_chain_head')
    .select([sql<string>`seq::text`.as('seq'), 'hash'])
    .executeTakeFirstOrThrow();
  if (head.hash !== prev || BigInt(head.seq) !== expected - 1n) {
    return { ok: false, entries, firstBroken: { seq: (expected).toString(), reason: 'head_mismatch' } };
  }
  return { ok: true, entries, firstBroken: null };
}
