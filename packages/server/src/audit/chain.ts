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

/**
 * JSON with object keys sorted, because jsonb does not keep the order they were written in.
 * Written as loops over one growing string: a list's look names every child, and this runs for
 * every entry on the read path (chain.test.ts holds it to the plain recursive definition).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` on strings does.
  const keys = Object.keys(object).sort();
  let out = '{';
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += (out.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(v);
  }
  return out + '}';
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
