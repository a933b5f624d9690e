import type { Kysely } from 'kysely';
import type { AuditErasureSkip } from '@samsyn/core';
import type { ScriptConnection } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import type { Checkpoint, CheckpointSet } from './checkpoints.ts';
import { lastErasureAnchor, verifyAuditChain } from './verify.ts';
import { auditEntryAt, firstAuditEntryAfter, lastExpiredAuditEntry } from '../retention/queries.ts';
import { isCanonicalUuid } from '../access/ids.ts';

/**
 * Erasing the oldest part of the audit log (gallring) without breaking its proof. The log is
 * append-only: Samsyn's own login has no DELETE grant, and the trigger refuses every DELETE but the
 * owner's of entries an anchor already covers. So the owner (DATABASE_OWNER_URL) writes an anchor
 * first, in the same transaction as the DELETE: "entries 1..N are gone; entry N had hash H", where
 * (N, H) is a signed checkpoint. Verification then starts after the anchor, from H, and accepts
 * the anchor only if a signed checkpoint says the same: a prefix cut anywhere else, or an anchor
 * someone wrote by hand, does not verify. See docs/security-model.md.
 */
export interface AuditErasurePlan {
  /** The last entry that goes: a signed checkpoint's seq. Null: nothing goes, for `skipped`. */
  through: Checkpoint | null;
  afterSeq: string;
  count: number;
  oldest: Date | null;
  newest: Date | null;
  skipped: AuditErasureSkip | null;
}

export async function planAuditErasure(db: Kysely<DB>, checkpoints: CheckpointSet, cutoff: Date): Promise<AuditErasurePlan> {
  const anchor = await lastErasureAnchor(db);
  const afterSeq = anchor?.seq ?? '0';
  const none = (skipped: AuditErasureSkip): AuditErasurePlan => ({ through: null, afterSeq, count: 0, oldest: null, newest: null, skipped });
  const expired = await lastExpiredAuditEntry(db, cutoff, afterSeq);
  if (!expired) return none('nothing_expired');
  // The cut falls on the last signed checkpoint at or before the last expired entry.
  const through = [...checkpoints.good].reverse().find((c) => BigInt(c.seq) > BigInt(afterSeq) && BigInt(c.seq) <= BigInt(expired.seq));
  if (!through) return none('no_checkpoint');
  const [first, last] = await Promise.all([firstAuditEntryAfter(db, afterSeq), auditEntryAt(db, through.seq)]);
  if (!last || last.hash !== through.hash) return none('chain_broken');
  return {
    through,
    afterSeq,
    count: Number(BigInt(through.seq) - BigInt(afterSeq)),
    oldest: first ? new Date(first.at) : null,
    newest: new Date(last.at),
    skipped: null,
  };
}

const digits = /^\d+$/;
const hex64 = /^[0-9a-f]{64}$/;

/**
 * Erases the planned prefix as the owner: the anchor and the DELETE in one transaction (one
 * multi-statement query is one transaction). The chain is verified first: a log that does not
 * verify is evidence, and evidence is not erased.
 */
export async function eraseAuditPrefix(
  db: Kysely<DB>,
  owner: ScriptConnection,
  checkpoints: CheckpointSet,
  plan: AuditErasurePlan,
  meta: { ruleId: string; runId: string; at: Date },
): Promise<AuditErasureSkip | null> {
  const through = plan.through;
  if (!through) return plan.skipped;
  const report = await verifyAuditChain(db, { checkpoints });
  if (!report.ok) return 'chain_broken';
  if (!digits.test(through.seq) || !hex64.test(through.hash) || !hex64.test(through.mac) || !isCanonicalUuid(meta.runId) || !/^[a-z_.]+$/.test(meta.ruleId)) {
    throw new Error('audit erasure: a checkpoint or rule that is not well formed');
  }
  const checkpointAt = new Date(through.at).toISOString();
  await owner.exec(`INSERT INTO audit_erasure (through_seq, through_hash, checkpoint_at, checkpoint_mac, entries, rule_id, run_id, erased_at)
    VALUES (${through.seq}, '${through.hash}', '${checkpointAt}', '${through.mac}', ${plan.count}, '${meta.ruleId}', '${meta.runId}', '${meta.at.toISOString()}');
    DELETE FROM audit_log WHERE seq <= ${through.seq}`);
  return null;
}
