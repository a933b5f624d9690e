import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import type { AuditCheckpointConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { AuditCheckpointer, checkpointSigned, loadCheckpointKey, readCheckpoints, signCheckpoint, type Checkpoint } from './checkpoints.ts';
import { verifyAuditChain } from './verify.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-checkpoint-test-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const key = Buffer.from('k'.repeat(32));

describe('a signed checkpoint', () => {
  it('holds for its seq, hash and time, and for nothing else', () => {
    const c = signCheckpoint(key, { seq: '41', hash: 'a'.repeat(64) }, new Date('2026-11-23T10:00:00Z'));
    expect(c).toMatchObject({ seq: '41', at: '2026-11-23T10:00:00.000Z' });
    expect(checkpointSigned(key, c)).toBe(true);
    expect(checkpointSigned(Buffer.from('o'.repeat(32)), c)).toBe(false);
    for (const changed of [{ seq: '40' }, { hash: 'b'.repeat(64) }, { at: '2026-11-23T10:00:01.000Z' }] as Partial<Checkpoint>[]) {
      expect(checkpointSigned(key, { ...c, ...changed })).toBe(false);
    }
  });
});

describe('the checkpoint key', () => {
  const config = (name: string): AuditCheckpointConfig => ({ key: undefined, keyFile: path.join(dir, name), file: path.join(dir, `${name}.jsonl`), everyEntries: 3, everySeconds: 60 });

  it('is generated once outside production, readable by its owner only', async () => {
    const first = await loadCheckpointKey(config('dev.key'), false);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((await stat(path.join(dir, 'dev.key'))).mode & 0o077).toBe(0);
    expect((await loadCheckpointKey(config('dev.key'), false)).equals(first)).toBe(true);
  });

  it('is required in production, and must be long enough', async () => {
    await expect(loadCheckpointKey(config('missing.key'), true)).rejects.toThrow(/no audit checkpoint key/);
    await expect(loadCheckpointKey({ ...config('x'), key: 'short' }, true)).rejects.toThrow(/at least 32/);
    expect((await loadCheckpointKey({ ...config('x'), key: 'p'.repeat(32) }, true)).toString()).toBe('p'.repeat(32));
  });
});

describe('the checkpointer', () => {
  it('writes after N entries or M seconds, to the file and the log stream, and at shutdown', async () => {
    const clock = fixedClock(t.app.services.clock.now());
    const logged: unknown[] = [];
    const log = { info: (details: object) => logged.push(details), warn: () => undefined };
    const config: AuditCheckpointConfig = { key: undefined, keyFile: path.join(dir, 'unused'), file: path.join(dir, 'cp.jsonl'), everyEntries: 3, everySeconds: 60 };
    const checkpointer = new AuditCheckpointer(t.database.db, key, config, clock, log);
    await checkpointer.start(); // the first one, at start
    const lines = async () => (await readFile(config.file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Checkpoint);
    expect(await lines()).toHaveLength(1);
    const entry = () => t.app.services.audit.append({ action: 'demo.seed', outcome: 'success', details: { checkpointTest: true } });
    await entry();
    await entry();
    await checkpointer.poll();
    expect(await lines()).toHaveLength(1); // two entries, no time: not yet
    await entry();
    await checkpointer.poll();
    expect(await lines()).toHaveLength(2); // the third entry
    await entry();
    clock.advance(59_000);
    await checkpointer.poll();
    expect(await lines()).toHaveLength(2);
    clock.advance(1_000);
    await checkpointer.poll();
    expect(await lines()).toHaveLength(3); // a minute since the last one
    await checkpointer.poll();
    clock.advance(120_000);
    await checkpointer.poll();
    expect(await lines()).toHaveLength(3); // the head has not moved: nothing new to sign
    await entry();
    await checkpointer.stop();
    const written = await lines();
    expect(written).toHaveLength(4); // at shutdown
    const head = await t.database.db.selectFrom('audit_chain_head').select(['hash']).executeTakeFirstOrThrow();
    expect(written[3]).toMatchObject({ hash: head.hash, at: clock.now().toISOString() });
    expect(written.every((c) => checkpointSigned(key, c))).toBe(true);
    expect(logged).toEqual(written.map((c) => ({ auditCheckpoint: c })));
    // Verification takes them all as good, in batches, and reports its progress.
    const progress: number[] = [];
    const report = await verifyAuditChain(t.database.db, { checkpoints: await readCheckpoints(config.file, key), batchSize: 2, onProgress: (p) => void progress.push(p.verified) });
    expect(report).toMatchObject({ ok: true, checkpoints: { good: 4, matched: 4, forged: 0, lastGood: { seq: written[3]!.seq } } });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(report.entries);
  });
});
