import { sql } from 'kysely';
import type { PolicyActor, PolicyChild } from '@samsyn/core';
import type { Db, TeamPlaces } from './facts.ts';
import { loadPolicyChildrenAt } from './facts.ts';

/**
 * The gate's facts about children, as a reader last loaded them, each kept with the version of the
 * child's facts it was loaded at (migration 0049: triggers move `child.gate_version` in the
 * transaction of every change to a fact, by any path). A list that reads each child's version beside
 * its row decides on the facts kept here when the version is the same, and loads again only the
 * children whose facts changed: "Mina barn" read 200 children's consents, team places and domains
 * on every look, two fifths of what the gate cost the database and a fifth of what it cost the server.
 *
 * The gate still decides every look, at the look's instant: what is kept is facts, never answers,
 * so a consent that expires or an emergency access that ends is weighed at each look. The facts
 * of a reader's own places and emergency accesses are the reader's: they are kept per reader and
 * their roles (a role at a unit decides which emergency accesses they review). A version is never
 * reused, so a kept fact is either current or never matched again. Each process keeps its own, in
 * memory, bounded; nothing here is shown to anyone.
 */
export class GateFactsCache {
  private readonly entries = new Map<string, { version: string; facts: PolicyChild }>();

  constructor(private readonly maxEntries = 50_000) {}

  get(reader: string, childId: string, version: string): PolicyChild | undefined {
    const kept = this.entries.get(`${reader}\u0000${childId}`);
    return kept?.version === version ? kept.facts : undefined;
  }

  set(reader: string, childId: string, version: string, facts: PolicyChild): void {
    const key = `${reader}\u0000${childId}`;
    this.entries.delete(key);
    this.entries.set(key, { version, facts });
    // A Map iterates in insertion order: the first key is the one set longest ago.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The reader whose facts are kept: their id, and every role they hold now (the session's, read on each request). */
export type Reader = Pick<PolicyActor, 'userId'> & { roles: readonly { organisationId: string; role: string }[] };

/** The process's kept facts and the reader a read would take them for (FactsWith's `kept`). */
export interface KeptFacts {
  cache: GateFactsCache;
  reader: Reader;
}

/** Whose facts: the reader and every role they hold now. */
export function readerKey(actor: Reader): string {
  return [actor.userId, ...actor.roles.map((r) => `${r.organisationId}:${r.role}`).sort()].join('|');
}

/**
 * Each listed child's facts, from the cache where the child's version is the one its row read,
 * else loaded in one statement for all the others, which also gives the version they were loaded
 * at. A child whose facts changed between the row's statement and that one is decided on the newer
 * facts. A list ("Mina barn") keeps only the reader's own places (`TeamPlaces` 'reader'); a single
 * child's gate (the record) every member's, as `loadPolicyChild` does: the two are kept apart.
 */
export async function readerFactsAt(db: Db, cache: GateFactsCache, actor: Reader, versions: ReadonlyMap<string, string>, places: TeamPlaces = 'reader'): Promise<Map<string, PolicyChild>> {
  const reader = `${places}|${readerKey(actor)}`;
  const facts = new Map<string, PolicyChild>();
  const missing: string[] = [];
  for (const [childId, version] of versions) {
    const kept = cache.get(reader, childId, version);
    if (kept) facts.set(childId, kept);
    else missing.push(childId);
  }
  if (missing.length === 0) return facts;
  for (const [childId, loaded] of await loadPolicyChildrenAt(db, missing, actor.userId, places)) {
    facts.set(childId, loaded.facts);
    cache.set(reader, childId, loaded.version, loaded.facts);
  }
  return facts;
}

/**
 * One child's facts for a read that read the child's facts version beside its data (the record,
 * the chronology, a search hit): those kept for that version, else loaded with every member's
 * places, as `loadPolicyChild` loads them. Undefined when the child is gone.
 */
export async function childFactsAt(db: Db, kept: KeptFacts, childId: string, version: string): Promise<PolicyChild | undefined> {
  return (await readerFactsAt(db, kept.cache, kept.reader, new Map([[childId, version]]), 'all')).get(childId);
}

/** The child's facts version, as a read selects it beside the child's row (`child as c`). */
export const gateVersion = sql<string>`c.gate_version::text`.as('gate_version');

/** A read's row with the gate's facts for the version it read: a child gone since is as missing as one never there. */
export async function withKeptFacts<T extends { id: string; gate_version: string }>(db: Db, kept: KeptFacts, row: T | null | undefined): Promise<{ child: PolicyChild | undefined; loaded: T | null }> {
  const child = row ? await childFactsAt(db, kept, row.id, row.gate_version) : undefined;
  return child && row ? { child, loaded: row } : { child: undefined, loaded: null };
}
