import type { PolicyActor, PolicyChild } from '@samsyn/core';
import type { Db } from './facts.ts';
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

/** Whose facts: the reader and every role they hold now (the session's, read on each request). */
export function readerKey(actor: Pick<PolicyActor, 'userId'> & { roles: readonly { organisationId: string; role: string }[] }): string {
  return [actor.userId, ...actor.roles.map((r) => `${r.organisationId}:${r.role}`).sort()].join('|');
}

/**
 * Each listed child's facts with the reader's own places (`TeamPlaces` 'reader'), from the cache
 * where the child's version is the one its list row read, else loaded in one statement for all the
 * others, which also gives the version they were loaded at. A child whose facts changed between the
 * list's statement and that one is decided on the newer facts.
 */
export async function readerFactsAt(db: Db, cache: GateFactsCache, actor: PolicyActor, versions: ReadonlyMap<string, string>): Promise<Map<string, PolicyChild>> {
  const reader = readerKey(actor);
  const facts = new Map<string, PolicyChild>();
  const missing: string[] = [];
  for (const [childId, version] of versions) {
    const kept = cache.get(reader, childId, version);
    if (kept) facts.set(childId, kept);
    else missing.push(childId);
  }
  if (missing.length === 0) return facts;
  for (const [childId, loaded] of await loadPolicyChildrenAt(db, missing, actor.userId, 'reader')) {
    facts.set(childId, loaded.facts);
    cache.set(reader, childId, loaded.version, loaded.facts);
  }
  return facts;
}
