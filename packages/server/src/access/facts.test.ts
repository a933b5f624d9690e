import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyChild } from '@samsyn/core';
import { openTestDatabase } from '../test/harness.ts';
import type { Database } from '../db/database.ts';
import { userIdOf } from '../test/fixtures.ts';
import { loadPolicyChild, loadPolicyChildren } from './facts.ts';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

/** Arrays whose order the database does not promise, sorted, so two loads compare as sets. */
function normalised(child: PolicyChild) {
  const key = (value: unknown) => JSON.stringify(value);
  const sorted = <T>(items: readonly T[]) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    ...child,
    careTeam: sorted(child.careTeam.map((m) => ({ ...m, secrecyDomains: sorted(m.secrecyDomains) }))),
    consents: sorted(child.consents),
    emergencyAccesses: sorted(child.emergencyAccesses),
  };
}

describe("the gate's facts for a list", () => {
  // The list's set-based statement must give every child exactly the facts the record's own
  // statement gives it, for any asker: the gate then decides a list row as it decides the record.
  it.each(['counsellor', 'socialworker', 'manager.norrvik'])('are the single child facts, child by child, when %s asks', async (username) => {
    const { db } = database;
    const actorId = await userIdOf(db, username);
    const ids = (await db.selectFrom('child').select('id').orderBy('id').limit(250).execute()).map((r) => r.id);
    const withEmergency = await db.selectFrom('emergency_access').select('child_id').execute();
    const withHandover = await db.selectFrom('named_person_handover').select('child_id').execute();
    const asked = [...new Set([...ids, ...withEmergency.map((r) => r.child_id), ...withHandover.map((r) => r.child_id)])];
    const many = await loadPolicyChildren(db, [...asked, '00000000-0000-4000-8000-000000000000'], actorId);
    expect(many.size).toBe(asked.length);
    let seen = { team: 0, consents: 0, domains: 0, emergencies: 0, handovers: 0, guardians: 0 };
    for (const id of asked) {
      const one = await loadPolicyChild(db, id, actorId);
      expect(normalised(many.get(id)!), id).toEqual(normalised(one!));
      seen = {
        team: seen.team + one!.careTeam.length,
        consents: seen.consents + one!.consents.length,
        domains: seen.domains + one!.careTeam.reduce((n, m) => n + m.secrecyDomains.length, 0),
        emergencies: seen.emergencies + one!.emergencyAccesses.length,
        handovers: seen.handovers + (one!.pendingHandover ? 1 : 0),
        guardians: seen.guardians + one!.guardianCount,
      };
    }
    // The comparison covered every kind of fact, not only empty ones.
    expect(seen.team).toBeGreaterThan(0);
    expect(seen.consents).toBeGreaterThan(0);
    expect(seen.guardians).toBeGreaterThan(0);
    if (username === 'counsellor' || username === 'teacher') expect(seen.domains).toBeGreaterThan(0);
  });

  // "Mina barn" loads only the reader's own places (core: the reader's own places decide every
  // answer but log review): each child's facts are the full facts with the others' places left out.
  it('are the full facts without the other members’ places, when only the reader’s places are asked for', async () => {
    const { db } = database;
    const actorId = await userIdOf(db, 'counsellor');
    const ids = (await db.selectFrom('care_team_member').select('child_id').distinct().limit(250).execute()).map((r) => r.child_id);
    const [all, own] = await Promise.all([loadPolicyChildren(db, ids, actorId), loadPolicyChildren(db, ids, actorId, 'reader')]);
    expect(own.size).toBe(all.size);
    let others = 0;
    for (const [id, child] of all) {
      others += child.careTeam.filter((m) => m.userId !== actorId).length;
      expect(normalised(own.get(id)!), id).toEqual(normalised({ ...child, careTeam: child.careTeam.filter((m) => m.userId === actorId) }));
    }
    // Something was left out, and the reader's own places (with their domains) were kept.
    expect(others).toBeGreaterThan(0);
    expect([...own.values()].some((c) => c.careTeam.some((m) => m.secrecyDomains.length > 0))).toBe(true);
  });
});
