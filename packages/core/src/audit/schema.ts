import { z } from 'zod';

/** Why verification of the audit log stopped: the chain itself, or the signed checkpoints. */
export const auditBreakReasons = [
  'hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'head_mismatch',
  // Against the signed checkpoints: the chain was recomputed over a rewritten entry, the log ends
  // before a checkpoint, the log is empty although a checkpoint saw entries, a bad signature.
  'checkpoint_mismatch', 'truncated', 'emptied', 'checkpoint_forged',
  // An erased prefix's anchor (audit_erasure) that no signed checkpoint vouches for.
  'anchor_mismatch',
] as const;
export const AuditBreakReason = z.enum(auditBreakReasons);
export type AuditBreakReason = z.infer<typeof AuditBreakReason>;

/** Where verification starts: the first entry, or the last good signed checkpoint (quicker, see docs/operations.md). */
export const AuditVerifyFrom = z.enum(['start', 'last_checkpoint']);
export type AuditVerifyFrom = z.infer<typeof AuditVerifyFrom>;

export const AuditChainReport = z.object({
  ok: z.boolean(),
  /** A run from the last good checkpoint: that checkpoint's seq; a full run from the first entry: null. */
  sinceCheckpoint: z.string().nullable(),
  /** Entries that verify, after `sinceCheckpoint` or from the first. */
  entries: z.number().int(),
  /** The chain head when verification started: later entries are left to the next run. */
  headSeq: z.string(),
  /** `afterCheckpoint`: the last good checkpoint before the break; everything up to it is as signed. */
  firstBroken: z.object({ seq: z.string(), reason: AuditBreakReason, afterCheckpoint: z.string().nullable() }).nullable(),
  checkpoints: z.object({
    good: z.number().int(),
    matched: z.number().int(),
    forged: z.number().int(),
    lastGood: z.object({ seq: z.string(), at: z.string() }).nullable(),
  }),
});
export type AuditChainReport = z.infer<typeof AuditChainReport>;

/** A verification run: started by one request, polled by the next ones until it is done. */
export const AuditVerification = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed', 'abandoned']),
  verified: z.number().int(),
  total: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  report: AuditChainReport.nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
