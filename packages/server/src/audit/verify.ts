import type { Kysely } from 'kysely';
import type { AuditBreakReason, AuditChainReport } from '@samsyn/core';
import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chainHash, genesisHash } from './chain.ts';
import type { Checkpoint, CheckpointSet } from './checkpoints.ts';

export type BreakReason = AuditBreakReason;
export type ChainReport = AuditChainReport;

export interface VerifyProgress {
  verified: number;
  total: number;
}

export interface VerifyOptions {
  checkpoints?: CheckpointSet;
  onProgress?: (progress: VerifyProgress) => Promise<void> | void;
  batchSize?: number;
}

const emptySet: CheckpointSet = { good: [], forged: [] };

/**
 * Recomputes every hash in order, in batches by seq (keyset pagination: constant memory, a short
 * query each), and compares the chain with the signed checkpoints as it passes them. Names the
 * first entry that does not fit. It verifies up to the head read at the start, so entries appended
 * meanwhile never look like a break.
 */
export async function verifyAuditChain(db: Kysely<DB>, options: VerifyOptions = {}): Promise<ChainReport> {
  const set = options.checkpoints ?? emptySet;
  const batchSize = options.batchSize ?? 5000;
  const head = await db.selectFrom('audit_chain_head').select([sql<string>`seq::text`.as('seq'), 'hash']).executeTakeFirstOrThrow();
  const total = Number(head.seq);
  let prev = genesisHash;
  let expected = 1n;
  let entries = 0;
  let nextCheckpoint = 0;
  let lastGood: Checkpoint | null = null;
  let matched = 0;
  const report = (firstBroken: ChainReport['firstBroken']): ChainReport => ({
    ok: firstBroken === null,
    entries,
    headSeq: head.seq,
    firstBroken,
    checkpoints: { good: set.good.length, matched, forged: set.forged.length, lastGood: lastGood ? { seq: lastGood.seq, at: lastGood.at } : null },
  });
  const broken = (seq: string, reason: BreakReason) => report({ seq, reason, afterCheckpoint: lastGood?.seq ?? null });
  // Checkpoints of seq 0 (an empty log) say nothing about entries.
  while (nextCheckpoint < set.good.length && set.good[nextCheckpoint]!.seq === '0') nextCheckpoint += 1;

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
      .where('audit_log.seq', '<=', head.seq)
      // Qualified: a bare "seq" would sort by the text alias above.
      .orderBy('audit_log.seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      if (BigInt(row.seq) !== expected) return broken(row.seq, 'sequence_gap');
      if (row.prev_hash !== prev) return broken(row.seq, 'prev_hash_mismatch');
      if (row.finer_than_written) return broken(row.seq, 'hash_mismatch');
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
      if (hash !== row.hash) return broken(row.seq, 'hash_mismatch');
      // A consistent chain that disagrees with a signed checkpoint was recomputed after a rewrite.
      while (nextCheckpoint < set.good.length && BigInt(set.good[nextCheckpoint]!.seq) === expected) {
        const checkpoint = set.good[nextCheckpoint]!;
        if (checkpoint.hash !== hash) return broken(checkpoint.seq, 'checkpoint_mismatch');
        lastGood = checkpoint;
        matched += 1;
        nextCheckpoint += 1;
      }
      prev = hash;
      expected += 1n;
      entries += 1;
    }
    await options.onProgress?.({ verified: entries, total });
    if (rows.length < batchSize) break;
  }
  // A signed checkpoint beyond the last entry: entries it saw are gone.
  const beyond = set.good[nextCheckpoint];
  if (beyond) return broken(beyond.seq, entries === 0 ? 'emptied' : 'truncated');
  if (head.hash !== prev || BigInt(head.seq) !== expected - 1n) return broken(expected.toString(), 'head_mismatch');
  const forged = set.forged[0];
  if (forged) return broken(forged.seq ?? '0', 'checkpoint_forged');
  return report(null);
}
