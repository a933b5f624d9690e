import { appendFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { AuditVerifyFrom } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { pollVerification, verifyOverApi } from '../test/audit.ts';
import { chainHash, genesisHash } from './chain.ts';
import { AuditCheckpointer, loadCheckpointKey, readCheckpoints, signCheckpoint } from './checkpoints.ts';
import { verifyAuditChain } from './verify.ts';

/**
 * Issue 11, point 5: the login Samsyn runs as cannot rewrite the log quietly, and what the owner
 * can do (a full rewrite with a recomputed chain, an emptied or truncated log) is reported
 * through the signed checkpoints kept outside the database.
 */

const quiet = { info: () => undefined, warn: () => undefined };

async function checkpointNow(t: TestApp): Promise<string> {
  const key = await loadCheckpointKey(t.config.auditCheckpoint, false);
  const written = await new AuditCheckpointer(t.database.db, key, t.config.auditCheckpoint, t.app.services.clock, quiet).checkpoint();
  return written!.seq;
}

async function verifyWithCheckpoints(t: TestApp, from: AuditVerifyFrom = 'start') {
  const key = await loadCheckpointKey(t.config.auditCheckpoint, false);
  return verifyAuditChain(t.database.db, { checkpoints: await readCheckpoints(t.config.auditCheckpoint.file, key), batchSize: 97, from });
}

async function someEntries(t: TestApp, n = 3): Promise<void> {
  for (let i = 0; i < n; i += 1) await (await t.loginAs('teacher')).post('/api/auth/logout');
}

interface Row { seq: string; at: Date; actor_id: string | null; actor_username: string | null; action: string; subject_type: string | null; subject_id: string | null; outcome: string; organisation_id: string | null; request_id: string | null; client_ip: string | null; details: unknown }

const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** What an owner can do: rewrite one entry, recompute the chain after it and move the head to fit. */
async function rewriteAndRecompute(t: TestApp, seq: string): Promise<void> {
  const owner = t.database.ownerScript;
  const rows = await owner.query<Row>(`SELECT seq::text AS seq, at, actor_id, actor_username, action, subject_type, subject_id, outcome,
    organisation_id, request_id, client_ip, details FROM audit_log WHERE seq >= ${seq} ORDER BY audit_log.seq`);
  let prev = (await owner.query<{ hash: string }>(`SELECT hash FROM audit_log WHERE seq = ${BigInt(seq) - 1n}`))[0]?.hash ?? genesisHash;
  const updates: string[] = [];
  for (const row of rows) {
    if (row.seq === seq) row.actor_username = 'someone-else';
    const hash = chainHash(prev, {
      seq: row.seq, at: new Date(row.at), actorId: row.actor_id, actorUsername: row.actor_username, action: row.action,
      subjectType: row.subject_type, subjectId: row.subject_id, outcome: row.outcome, organisationId: row.organisation_id,
      requestId: row.request_id, clientIp: row.client_ip, details: row.details,
    });
    const who = row.actor_username === null ? 'NULL' : lit(row.actor_username);
    updates.push(`UPDATE audit_log SET actor_username = ${who}, prev_hash = ${lit(prev)}, hash = ${lit(hash)} WHERE seq = ${row.seq};`);
    prev = hash;
  }
  const last = rows[rows.length - 1]!.seq;
  await owner.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_chain_head DISABLE TRIGGER USER;
    ${updates.join('\n')}
    UPDATE audit_chain_head SET seq = ${last}, hash = ${lit(prev)} WHERE id = 1;
    ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_chain_head ENABLE TRIGGER USER`);
}

/** What an owner can do: cut the log from `seq` on and set the head to the entry before. */
async function truncateFrom(t: TestApp, seq: bigint): Promise<void> {
  const before = seq - 1n;
  const hash = before === 0n ? genesisHash : (await t.database.ownerScript.query<{ hash: string }>(`SELECT hash FROM audit_log WHERE seq = ${before}`))[0]!.hash;
  await t.database.ownerScript.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ALTER TABLE audit_chain_head DISABLE TRIGGER USER;
    DELETE FROM audit_log WHERE seq >= ${seq};
    UPDATE audit_chain_head SET seq = ${before}, hash = ${lit(hash)} WHERE id = 1;
    ALTER TABLE audit_log ENABLE TRIGGER USER; ALTER TABLE audit_chain_head ENABLE TRIGGER USER`);
}

describe('as the database login Samsyn runs as', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const attempt = (statement: string) => sql.raw(statement).execute(t.database.db);

  it('cannot disable or drop the guards of the log and its head', async () => {
    await expect(attempt('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete')).rejects.toThrow(/must be owner/);
    await expect(attempt('ALTER TABLE audit_chain_head DISABLE TRIGGER audit_chain_head_forward_only')).rejects.toThrow(/must be owner/);
    await expect(attempt('DROP TRIGGER audit_chain_head_forward_only ON audit_chain_head')).rejects.toThrow(/must be owner/);
    await expect(attempt('DROP FUNCTION audit_log_is_append_only() CASCADE')).rejects.toThrow(/must be owner/);
  });

  it('cannot rewrite, delete or truncate entries', async () => {
    await expect(attempt(`UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = 1`)).rejects.toThrow(/permission denied/);
    await expect(attempt('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/permission denied/);
    await expect(attempt('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
  });

  it('cannot move the head backwards, rewrite it in place, delete or truncate it', async () => {
    await expect(attempt('UPDATE audit_chain_head SET seq = seq - 1 WHERE id = 1')).rejects.toThrow(/cannot move backwards/);
    await expect(attempt(`UPDATE audit_chain_head SET hash = '${'f'.repeat(64)}' WHERE id = 1`)).rejects.toThrow(/cannot move backwards/);
    await expect(attempt(`UPDATE audit_chain_head SET seq = 0, hash = '${genesisHash}' WHERE id = 1`)).rejects.toThrow(/cannot move backwards/);
    await expect(attempt('DELETE FROM audit_chain_head')).rejects.toThrow(/permission denied/);
    await expect(attempt('TRUNCATE audit_chain_head')).rejects.toThrow(/permission denied/);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('on PostgreSQL, owns nothing and cannot step into the owner\'s role', async () => {
    if (t.database.kind !== 'postgresql') {
      // PGlite is one superuser session that SET ROLE samsyn_app: for trying Samsyn only (docs/operations.md).
      expect(t.database.privileges.ownerRights).toContain('superuser');
      return;
    }
    expect(t.database.privileges.ownerRights).toEqual([]);
    const owner = (await t.database.ownerScript.query<{ u: string }>('SELECT current_user::text AS u'))[0]!.u;
    await expect(attempt(`SET ROLE ${owner}`)).rejects.toThrow(/permission denied/);
    await expect(attempt(`GRANT ${owner} TO ${t.database.privileges.login}`)).rejects.toThrow(/must have admin option|permission denied/);
    // RESET ROLE changes nothing: the login itself is the least-privileged one.
    await attempt('RESET ROLE');
    await expect(attempt('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
  });

  it('may move the head forward, and verification then reports it', async () => {
    await attempt(`UPDATE audit_chain_head SET seq = seq + 5, hash = '${'a'.repeat(64)}' WHERE id = 1`);
    const report = await verifyAuditChain(t.database.db);
    expect(report).toMatchObject({ ok: false, firstBroken: { reason: 'head_mismatch' } });
  });
});

describe('as the owner, the signed checkpoints report', () => {
  it('a rewritten entry with the chain recomputed and the head moved', async () => {
    const t = await createTestApp();
    try {
      await someEntries(t);
      const first = await checkpointNow(t);
      await someEntries(t);
      const second = await checkpointNow(t);
      await someEntries(t);
      const target = (BigInt(first) + 2n).toString();
      expect(BigInt(target)).toBeLessThanOrEqual(BigInt(second));
      await rewriteAndRecompute(t, target);
      // The chain alone is consistent again: this is what fooled verification before.
      expect((await verifyAuditChain(t.database.db)).firstBroken).toBeNull();
      const report = await verifyWithCheckpoints(t);
      expect(report).toMatchObject({ ok: false, firstBroken: { seq: second, reason: 'checkpoint_mismatch', afterCheckpoint: first } });
      expect(report.checkpoints.lastGood?.seq).toBe(first);
      // Starting at the last checkpoint finds it too: its entry is no longer the one signed.
      expect(await verifyWithCheckpoints(t, 'last_checkpoint')).toMatchObject({ ok: false, sinceCheckpoint: second, firstBroken: { seq: second, reason: 'checkpoint_mismatch' } });
      // The API's job reads the same checkpoints.
      const job = await verifyOverApi(await t.loginAs('sysadmin'));
      expect(job.report).toMatchObject({ ok: false, firstBroken: { seq: second, reason: 'checkpoint_mismatch' } });
    } finally {
      await t.close();
    }
  });

  it('a truncated log, and then an emptied one', async () => {
    const t = await createTestApp();
    try {
      await someEntries(t);
      const checkpoint = await checkpointNow(t);
      await truncateFrom(t, BigInt(checkpoint) - 1n);
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
      expect(await verifyWithCheckpoints(t)).toMatchObject({ ok: false, firstBroken: { seq: checkpoint, reason: 'truncated' } });
      expect(await verifyWithCheckpoints(t, 'last_checkpoint')).toMatchObject({ ok: false, firstBroken: { seq: checkpoint, reason: 'truncated' } });
      await truncateFrom(t, 1n);
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, entries: 0 });
      expect(await verifyWithCheckpoints(t)).toMatchObject({ ok: false, entries: 0, firstBroken: { reason: 'emptied' } });
      expect(await verifyWithCheckpoints(t, 'last_checkpoint')).toMatchObject({ ok: false, entries: 0, firstBroken: { reason: 'emptied' } });
    } finally {
      await t.close();
    }
  });

  it('from the last good checkpoint: the entries after it, and what a full run must still catch', async () => {
    const t = await createTestApp();
    try {
      await someEntries(t);
      const checkpoint = await checkpointNow(t);
      await someEntries(t, 2);
      const head = (await t.database.db.selectFrom('audit_chain_head').select(sql<string>`seq::text`.as('seq')).executeTakeFirstOrThrow()).seq;
      const quick = await verifyWithCheckpoints(t, 'last_checkpoint');
      expect(quick).toMatchObject({ ok: true, sinceCheckpoint: checkpoint, entries: Number(BigInt(head) - BigInt(checkpoint)), checkpoints: { lastGood: { seq: checkpoint } } });
      // An entry before the checkpoint changed without recomputing the chain: only the full run reads it.
      await t.database.ownerScript.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
        UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = 2;
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      expect(await verifyWithCheckpoints(t, 'last_checkpoint')).toMatchObject({ ok: true });
      expect(await verifyWithCheckpoints(t)).toMatchObject({ ok: false, firstBroken: { seq: '2', reason: 'hash_mismatch' } });
      // The API takes the same choice.
      const sysadmin = await t.loginAs('sysadmin');
      const started = await sysadmin.post('/api/admin/audit/verifications', { from: 'last_checkpoint' });
      expect(started.statusCode).toBe(202);
      expect(await pollVerification(sysadmin, started.json().id)).toMatchObject({ status: 'done', report: { ok: true, sinceCheckpoint: checkpoint } });
      expect((await sysadmin.post('/api/admin/audit/verifications', { from: 'sometimes' })).statusCode).toBe(400);
    } finally {
      await t.close();
    }
  });

  it('a checkpoint that is not signed with the key (a forged file)', async () => {
    const t = await createTestApp();
    try {
      const seq = await checkpointNow(t);
      const head = { seq, hash: (await t.database.db.selectFrom('audit_chain_head').select('hash').executeTakeFirstOrThrow()).hash };
      const other = signCheckpoint(Buffer.from('x'.repeat(40)), head, t.app.services.clock.now());
      await appendFile(t.config.auditCheckpoint.file, `${JSON.stringify(other)}\nnot json\n`);
      const report = await verifyWithCheckpoints(t);
      expect(report).toMatchObject({ ok: false, firstBroken: { seq, reason: 'checkpoint_forged' }, checkpoints: { forged: 2 } });
    } finally {
      await t.close();
    }
  });
});
