import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

/** The fields of an entry that the hash covers: all of them, in a fixed order. */
export interface ChainedFields {
  seq: string;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: string;
  organisationId: string | null;
  requestId: string | null;
  clientIp: string | null;
  details: unknown;
}

/** JSON with object keys sorted, because jsonb does not keep the order they were written in. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, entry: ChainedFields): string {
  return hashLink(prevHash, entry.seq, chainTail(entry));
}

/**
 * The hashed payload after its seq: `["<seq>",` + the tail is the canonical JSON of every field.
 * The tail does not depend on the entry's place in the chain, so the writer can compute it before
 * the chain lock is taken and let the database link it to the head it locks (see writer.ts).
 */
export function chainTail(entry: Omit<ChainedFields, 'seq'>): string {
  const rest = canonicalJson([
    entry.at.toISOString(),
    entry.actorId,
    entry.actorUsername,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.outcome,
    entry.organisationId,
    entry.requestId,
    entry.clientIp,
    entry.details ?? null,
  ]);
  return rest.slice(1);
}

/** One link: SHA-256 of the previous hash, a newline and `["<seq>",<tail>`, as hex. */
export function hashLink(prevHash: string, seq: string, tail: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(`[${JSON.stringify(seq)},${tail}`).digest('hex');
}
