import type { Kysely } from 'kysely';
import type { AuditBreakReason, AuditChainReport, AuditVerifyFrom } from '@samsyn/core';
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
  /**
   * `last_checkpoint`: start at the last good signed checkpoint at or below the head, after checking
   * that its entry is still the one signed. Catches a recomputed chain, a truncated or emptied log
   * and anything after the checkpoint; an entry before it changed without recomputing the chain
   * needs a full run (`start`, the default).
   */
  from?: AuditVerifyFrom;
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
  let prev = genesisHash;
  let expected = 1n;
  let entries = 0;
  let nextCheckpoint = 0;
  let lastGood: Checkpoint | null = null;
  let matched = 0;
  let sinceCheckpoint: string | null = null;
  const report = (firstBroken: ChainReport['firstBroken']): ChainReport => ({
    ok: firstBroken === null,
    sinceCheckpoint,
    entries,
    headSeq: head.seq,
    firstBroken,
    checkpoints: { good: set.good.length, matched, forged: set.forged.length, lastGood: lastGood ? { seq: lastGood.seq, at: lastGood.at } : null },
  });
  const broken = (seq: string, reason: BreakReason) => report({ seq, reason, afterCheckpoint: lastGood?.seq ?? null });
  // Checkpoints of seq 0 (an empty log) say nothing about entries.
  while (nextCheckpoint < set.good.length && set.good[nextCheckpoint]!.seq === '0') nextCheckpoint += 1;
  // An erased prefix (retention): the chain starts after the last anchor, from its hash, and the
  // anchor must be one a signed checkpoint saw; checkpoints inside the prefix say nothing more.
  const anchor = await lastErasureAnchor(db);
  if (anchor) {
    const vouched = set.good.find((c) => c.seq === anchor.seq && c.hash === anchor.hash);
    if (!vouched) return broken(anchor.seq, 'anchor_mismatch');
    while (nextCheckpoint < set.good.length && BigInt(set.good[nextCheckpoint]!.seq) <= BigInt(anchor.seq)) nextCheckpoint += 1;
    lastGood = vouched;
    matched = 1;
    prev = anchor.hash;
    expected = BigInt(anchor.seq) + 1n;
  }
  if (options.from === 'last_checkpoint') {
    const start = await startAtLastCheckpoint(db, set, BigInt(head.seq), nextCheckpoint);
    if (start) {
      sinceCheckpoint = start.checkpoint.seq;
      if (start.broken) {
        return broken(start.checkpoint.seq, start.broken === 'missing' ? ((await isEmpty(db)) ? 'emptied' : 'truncated') : start.broken);
      }
      lastGood = start.checkpoint;
      matched += 1;
      nextCheckpoint = start.next;
      prev = start.checkpoint.hash;
      expected = BigInt(start.checkpoint.seq) + 1n;
    }
  }
  if (anchor && sinceCheckpoint === null) sinceCheckpoint = anchor.seq;
  const total = Number(BigInt(head.seq) - expected + 1n);

  for (;;) {
    const rows = await selectRows(db)
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
      const hash = rowHash(prev, row);
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

function selectRows(db: Kysely<DB>) {
  return db.selectFrom('audit_log').select([
    sql<string>`seq::text`.as('seq'),
    'at', 'actor_id', 'actor_username', 'action', 'subject_type', 'subject_id',
    'outcome', 'organisation_id', 'request_id', 'client_ip', 'details', 'prev_hash', 'hash',
    // The hash covers `at` to the millisecond, as written; anything finer is a later change.
    sql<boolean>`extract(microseconds from at)::bigint % 1000 <> 0`.as('finer_than_written'),
  ]);
}

type LogRow = Awaited<ReturnType<ReturnType<typeof selectRows>['executeTakeFirstOrThrow']>>;

function rowHash(prev: string, row: LogRow): string {
  return chainHash(prev, {
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
}

/** The anchor of the last erased prefix of the log (retention), if any was erased. */
export async function lastErasureAnchor(db: Kysely<DB>): Promise<{ seq: string; hash: string } | null> {
  const row = await db
    .selectFrom('audit_erasure')
    .select([sql<string>`through_seq::text`.as('seq'), 'through_hash'])
    .orderBy('through_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: row.seq, hash: row.through_hash } : null;
}

async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('audit_log').select('seq').limit(1).executeTakeFirst()) === undefined;
}

/**
 * The last good checkpoint at or below the head, and whether its entry is still the one signed:
 * present, its content hashing (from its own prev_hash) to its stored hash, and that to the signed one.
 */
async function startAtLastCheckpoint(db: Kysely<DB>, set: CheckpointSet, headSeq: bigint, first: number) {
  let index = -1;
  for (let i = first; i < set.good.length && BigInt(set.good[i]!.seq) <= headSeq; i += 1) index = i;
  if (index < 0) return null;
  const checkpoint = set.good[index]!;
  let next = index + 1;
  while (next < set.good.length && set.good[next]!.seq === checkpoint.seq) {
    if (set.good[next]!.hash !== checkpoint.hash) return { checkpoint, next, broken: 'checkpoint_mismatch' as const };
    next += 1;
  }
  const row = await selectRows(db).where('audit_log.seq', '=', checkpoint.seq).executeTakeFirst();
  if (!row) return { checkpoint, next, broken: 'missing' as const };
  if (row.finer_than_written || rowHash(row.prev_hash, row) !== row.hash) return { checkpoint, next, broken: 'hash_mismatch' as const };
  if (row.hash !== checkpoint.hash) return { checkpoint, next, broken: 'checkpoint_mismatch' as const };
  return { checkpoint, next, broken: null };
}
