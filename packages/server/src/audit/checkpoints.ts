import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { appendFile, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql, type Kysely } from 'kysely';
import type { AuditCheckpointConfig } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';

/**
 * A signed checkpoint of the chain head: proof, kept outside the database, that entry `seq` had
 * hash `hash` at time `at`. Someone with the owner's rights can rewrite the log and recompute the
 * chain, but not the checkpoints without the key: verification compares the chain against them.
 */
export interface Checkpoint {
  seq: string;
  hash: string;
  at: string;
  /** HMAC-SHA256 (hex) over seq, hash and at. */
  mac: string;
}

function mac(key: Buffer, seq: string, hash: string, at: string): string {
  return createHmac('sha256', key).update(`samsyn-audit-checkpoint\n${seq}\n${hash}\n${at}`).digest('hex');
}

export function signCheckpoint(key: Buffer, head: { seq: string; hash: string }, at: Date): Checkpoint {
  const iso = at.toISOString();
  return { seq: head.seq, hash: head.hash, at: iso, mac: mac(key, head.seq, head.hash, iso) };
}

export function checkpointSigned(key: Buffer, c: Checkpoint): boolean {
  const expected = Buffer.from(mac(key, c.seq, c.hash, c.at), 'hex');
  const given = Buffer.from(c.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The key comes from outside the database: SAMSYN_AUDIT_CHECKPOINT_KEY, or the key file. Outside
 * production a missing key file is generated (readable by its owner only); production refuses to
 * start without a key, since checkpoints anyone can sign prove nothing.
 */
export async function loadCheckpointKey(config: AuditCheckpointConfig, production: boolean): Promise<Buffer> {
  if (config.key !== undefined) {
    if (config.key.length < 32) throw new Error('SAMSYN_AUDIT_CHECKPOINT_KEY must be at least 32 characters');
    return Buffer.from(config.key, 'utf8');
  }
  if (!existsSync(config.keyFile)) {
    if (production) {
      throw new Error('samsyn: no audit checkpoint key; set SAMSYN_AUDIT_CHECKPOINT_KEY or SAMSYN_AUDIT_CHECKPOINT_KEY_FILE (see docs/operations.md)');
    }
    await mkdir(path.dirname(config.keyFile), { recursive: true });
    await writeFile(config.keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error; // another process generated it first
    });
  }
  const text = (await readFile(config.keyFile, 'utf8')).trim();
  if (text.length < 32) throw new Error(`samsyn: the audit checkpoint key in ${config.keyFile} must be at least 32 characters`);
  return Buffer.from(text, 'utf8');
}

export interface CheckpointSet {
  /** Checkpoints whose signature holds, in seq order. */
  good: Checkpoint[];
  /** Lines that are not a checkpoint signed with the key (a forged or damaged file). */
  forged: { line: number; seq: string | null }[];
}

function parse(line: string): Checkpoint | null {
  try {
    const c = JSON.parse(line) as Partial<Checkpoint>;
    const ok = typeof c.seq === 'string' && /^\d+$/.test(c.seq) && typeof c.hash === 'string' && typeof c.at === 'string' && typeof c.mac === 'string' && /^[0-9a-f]{64}$/.test(c.mac);
    return ok ? (c as Checkpoint) : null;
  } catch {
    return null;
  }
}

/** Reads the checkpoint file line by line; a missing file is an empty set. */
export async function readCheckpoints(file: string, key: Buffer): Promise<CheckpointSet> {
  const set: CheckpointSet = { good: [], forged: [] };
  if (!existsSync(file)) return set;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    const c = parse(line);
    if (c && checkpointSigned(key, c)) set.good.push(c);
    else set.forged.push({ line: n, seq: c?.seq ?? null });
  }
  // Several nodes may append to one file; verification walks the chain in seq order.
  set.good.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0));
  return set;
}

/** The file's last checkpoint, read from its tail (the file grows without bound). */
async function lastCheckpoint(file: string): Promise<Checkpoint | null> {
  if (!existsSync(file)) return null;
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.length > 0 ? parse(lines[lines.length - 1]!) : null;
  } finally {
    await handle.close();
  }
}

export interface CheckpointLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/**
 * Writes a signed checkpoint of the chain head to the file and the log stream after every
 * `everyEntries` new entries or `everySeconds`, whichever comes first, and at shutdown. It reads
 * the head once a second: one primary-key read, whatever the load.
 */
export class AuditCheckpointer {
  private last: { seq: bigint; at: number } | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly key: Buffer,
    private readonly config: AuditCheckpointConfig,
    private readonly clock: Clock,
    private readonly log: CheckpointLog,
  ) {}

  async start(): Promise<void> {
    const previous = await lastCheckpoint(this.config.file);
    if (previous) this.last = { seq: BigInt(previous.seq), at: Date.parse(previous.at) };
    await this.checkpoint();
    this.timer = setInterval(() => void this.poll(), Math.min(1000, this.config.everySeconds * 1000));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpoint();
  }

  /** Writes a checkpoint now if the head has moved since the last one; returns it. */
  checkpoint(): Promise<Checkpoint | null> {
    const done = this.running.then(() => this.write(() => true));
    this.running = done.then(() => undefined, () => undefined);
    return done;
  }

  /** One look at the head (the timer's tick): a checkpoint when enough entries or time have passed. */
  poll(): Promise<void> {
    const due = (seq: bigint, now: number) =>
      !this.last || seq - this.last.seq >= BigInt(this.config.everyEntries) || now - this.last.at >= this.config.everySeconds * 1000;
    this.running = this.running
      .then(() => this.write(due))
      .then(() => undefined, (error: unknown) => this.log.warn({ err: error }, 'audit checkpoint failed'));
    return this.running;
  }

  private async write(due: (seq: bigint, now: number) => boolean): Promise<Checkpoint | null> {
    const head = await this.db
      .selectFrom('audit_chain_head')
      .select([sql<string>`seq::text`.as('seq'), 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const seq = BigInt(head.seq);
    const now = this.clock.now();
    if (this.last && seq < this.last.seq) {
      // The head never moves back by Samsyn's hand: someone with the owner's rights reset it.
      this.log.warn({ headSeq: head.seq, lastCheckpointSeq: this.last.seq.toString() }, 'audit chain head is behind the last checkpoint');
      return null;
    }
    if ((this.last && seq === this.last.seq) || !due(seq, now.getTime())) return null;
    const checkpoint = signCheckpoint(this.key, head, now);
    await mkdir(path.dirname(this.config.file), { recursive: true });
    await appendFile(this.config.file, `${JSON.stringify(checkpoint)}\n`, { flag: 'a', mode: 0o600 });
    this.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
    this.last = { seq, at: now.getTime() };
    return checkpoint;
  }
}
