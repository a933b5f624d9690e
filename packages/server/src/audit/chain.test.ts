import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, chainHash, chainTail, genesisHash, hashLink, type ChainedFields } from './chain.ts';

const entry: ChainedFields = {
  seq: '1',
  at: new Date('2026-11-23T08:00:00.000Z'),
  actorId: null,
  actorUsername: 'teacher',
  action: 'auth.login',
  subjectType: 'user',
  subjectId: null,
  outcome: 'success',
  organisationId: null,
  requestId: 'r1',
  clientIp: '127.0.0.1',
  details: { b: 1, a: { d: [1, 2], c: 'x' } },
};

describe('audit hash chain', () => {
  it('writes JSON with sorted keys, as jsonb gives them back in another order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('matches the plain recursive definition on any JSON-like value, so entries hashed before still verify', () => {
    // The definition the chain was first written with; the writer's faster loops must agree with it byte for byte.
    const reference = (value: unknown): string => {
      if (value === null || value === undefined) return 'null';
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
      }
      return JSON.stringify(value);
    };
    const leaf = fc.oneof(fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value')), fc.dictionary(fc.string({ unit: 'grapheme' }), tie('value'))),
    })).value;
    fc.assert(fc.property(json, (value) => canonicalJson(value) === reference(value)), { numRuns: 500 });
  });

  it('gives the same hash whatever the key order of the details', () => {
    const reordered = { ...entry, details: { a: { c: 'x', d: [1, 2] }, b: 1 } };
    expect(chainHash(genesisHash, reordered)).toBe(chainHash(genesisHash, entry));
  });

  it('changes the hash when any field or the previous hash changes', () => {
    const base = chainHash(genesisHash, entry);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('1'.repeat(64), entry)).not.toBe(base);
    for (const change of [{ seq: '2' }, { actorUsername: 'nurse' }, { outcome: 'failure' }, { at: new Date('2026-11-23T08:00:00.001Z') }, { details: { b: 2 } }]) {
      expect(chainHash(genesisHash, { ...entry, ...change })).not.toBe(base);
    }
  });

  it('links an entry as SHA-256 of the previous hash, a newline and the canonical JSON of every field, seq first', () => {
    const payload = canonicalJson([entry.seq, entry.at.toISOString(), entry.actorId, entry.actorUsername, entry.action, entry.subjectType, entry.subjectId, entry.outcome, entry.organisationId, entry.requestId, entry.clientIp, entry.details]);
    const expected = createHash('sha256').update(`${genesisHash}\n${payload}`).digest('hex');
    expect(chainHash(genesisHash, entry)).toBe(expected);
    // The tail is the same whatever the seq: the database joins the seq to it under the chain lock.
    expect(hashLink(genesisHash, '1', chainTail(entry))).toBe(expected);
    expect(hashLink(genesisHash, '2', chainTail(entry))).toBe(chainHash(genesisHash, { ...entry, seq: '2' }));
  });
});
