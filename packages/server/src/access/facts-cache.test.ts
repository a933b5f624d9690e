import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { PolicyChild, TeamChild } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { demoFamily, userIdOf, type Family } from '../test/fixtures.ts';
import { freshTestNumbers } from '../test/identity-numbers.ts';
import { childFactsAt, GateFactsCache, readerFactsAt, readerKey } from './facts-cache.ts';
import { loadPolicyActor, loadPolicyChildren } from './facts.ts';
import { teamChildrenOf } from '../start/queries.ts';
import { canonicalId } from './ids.ts';
import { contents as planContents, demoSipId } from '../plans/fixtures.ts';

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

const db = () => t.database.db;
const now = () => t.app.services.clock.now();

async function versionOf(childId: string): Promise<string | undefined> {
  const row = await db().selectFrom('child').select(sql<string>`gate_version::text`.as('v')).where('id', '=', childId).executeTakeFirst();
  return row?.v;
}

/** A child that shares no unit, guardian or team with the demo family's child: its version must stay. */
async function bystander(): Promise<string> {
  const units = db().selectFrom('care_team_member').select('unit_id').where('child_id', '=', family.childId).where('unit_id', 'is not', null);
  const row = await db()
    .selectFrom('child as c')
    .select('c.id')
    .where('c.id', '<>', family.childId)
    .where((w) => w.not(w.exists(w.selectFrom('care_team_member as m').select('m.id').whereRef('m.child_id', '=', 'c.id').where('m.unit_id', 'in', units as never))))
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Runs a change and says whether it moved the family child's version and the bystander's. */
async function moves(change: () => Promise<unknown>): Promise<{ child: boolean; bystander: boolean }> {
  const other = await bystander();
  const [childBefore, otherBefore] = [await versionOf(family.childId), await versionOf(other)];
  await change();
  const [childAfter, otherAfter] = [await versionOf(family.childId), await versionOf(other)];
  expect(childAfter).toBeDefined();
  return { child: childAfter !== childBefore, bystander: otherAfter !== otherBefore };
}

describe("the version of a child's gate facts (migration 0049)", () => {
  it('is a new one for a new child, and cannot be set back', async () => {
    const [number] = await freshTestNumbers(db(), now(), 10, 1);
    const birth = `${number!.slice(0, 4)}-${number!.slice(4, 6)}-${number!.slice(6, 8)}`;
    const child = await db().insertInto('child').values({ identity_number: number!, identity_kind: 'personnummer', given_name: 'Ny', family_name: 'Version', birth_date: birth, home_organisation_id: family.municipality } as never).returning('id').executeTakeFirstOrThrow();
    const versions = await db().selectFrom('child').select(sql<string>`gate_version::text`.as('v')).execute();
    expect(new Set(versions.map((r) => r.v)).size).toBe(versions.length);
    // Set by hand, to one ahead or back to one facts were loaded at, it becomes the sequence's next instead.
    const before = await versionOf(family.childId);
    await db().updateTable('child').set({ gate_version: '999999999999' } as never).where('id', '=', family.childId).execute();
    const moved = await versionOf(family.childId);
    expect(BigInt(moved!)).toBeGreaterThan(BigInt(before!));
    expect(BigInt(moved!)).toBeLessThan(999999999999n);
    await db().updateTable('child').set({ gate_version: before } as never).where('id', '=', family.childId).execute();
    expect(BigInt((await versionOf(family.childId))!)).toBeGreaterThan(BigInt(moved!));
    await db().deleteFrom('child').where('id', '=', child.id).execute();
  });

  it('moves with every change to a fact the gate decides on, by any path, and not for another child', async () => {
    const member = await db().selectFrom('care_team_member').selectAll().where('child_id', '=', family.childId).where('ends_at', 'is', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const consent = await db().selectFrom('consent').selectAll().where('id', '=', family.regionConsentId).executeTakeFirstOrThrow();
    const [number] = await freshTestNumbers(db(), now(), 40, 1);
    const guardian = await db().insertInto('guardian').values({ identity_number: number!, given_name: 'Tredje', family_name: 'Vårdnadshavare' }).returning('id').executeTakeFirstOrThrow();
    const nurse = await userIdOf(db(), 'nurse');
    const changes: [string, () => Promise<unknown>][] = [
      ['a guardian added', () => db().insertInto('child_guardian').values({ child_id: family.childId, guardian_id: guardian.id }).execute()],
      ['a guardian removed', () => db().deleteFrom('child_guardian').where('child_id', '=', family.childId).where('guardian_id', '=', guardian.id).execute()],
      ['a place ended', () => db().updateTable('care_team_member').set({ ends_at: now() }).where('id', '=', member.id).execute()],
      ['a place opened again', () => db().updateTable('care_team_member').set({ ends_at: null }).where('id', '=', member.id).execute()],
      ['a consent withdrawn', () => db().updateTable('consent').set({ withdrawn_at: now() }).where('id', '=', consent.id).execute()],
      ['a withdrawal undone', () => db().updateTable('consent').set({ withdrawn_at: null }).where('id', '=', consent.id).execute()],
      ['an emergency access opened', () => db().insertInto('emergency_access').values({ child_id: family.childId, user_id: nurse, organisation_id: family.municipality, legal_ground_code: 'brb_necessity', reason: 'Akut: barnet far illa', starts_at: now(), expires_at: new Date(now().getTime() + 3_600_000) } as never).execute()],
      ['a handover proposed', () => db().insertInto('named_person_handover').values({ child_id: family.childId, life_stage: 'school', from_user_id: member.user_id, to_user_id: nurse, to_organisation_id: family.municipality, proposed_by: member.user_id, proposed_at: now() }).execute()],
      ['a handover withdrawn', () => db().updateTable('named_person_handover').set({ withdrawn_at: now(), withdrawn_by: member.user_id }).where('child_id', '=', family.childId).where('withdrawn_at', 'is', null).where('accepted_at', 'is', null).where('declined_at', 'is', null).execute()],
      ['the protected identity set', () => db().updateTable('child').set({ protected_identity: 'sekretessmarkering' }).where('id', '=', family.childId).execute()],
      ['the protected identity lifted', () => db().updateTable('child').set({ protected_identity: null }).where('id', '=', family.childId).execute()],
      ['the birth date corrected', () => db().updateTable('child').set({ birth_date: sql`birth_date - 1` }).where('id', '=', family.childId).execute()],
      ["a member's unit's domains changed", () => db().updateTable('unit_secrecy_domain').set({ valid_from: sql`valid_from - interval '1 day'` }).where('unit_id', '=', member.unit_id!).execute()],
    ];
    for (const [what, change] of changes) expect(await moves(change), what).toEqual({ child: true, bystander: false });
    // A change the gate does not weigh leaves the version where it was.
    expect(await moves(() => db().updateTable('child').set({ given_name: 'Ebba' }).where('id', '=', family.childId).execute())).toEqual({ child: false, bystander: false });
  });
});

describe("the gate's facts kept for a reader", () => {
  it('are the facts loaded afresh, child by child, after each change, and kept for the children that did not change', async () => {
    const readerId = await userIdOf(db(), 'teacher');
    const actor = await loadPolicyActor(db(), { userId: readerId, kind: 'professional', roles: (await db().selectFrom('user_role').select(['organisation_id as organisationId', 'role', 'granted_by as grantedBy']).where('user_id', '=', readerId).execute()) } as never);
    const cache = new GateFactsCache();
    const versions = async () => new Map((await teamChildrenOf(db(), readerId, now())).map((r) => [canonicalId(r.child_id), r.gate_version] as const));
    const first = await readerFactsAt(db(), cache, actor, await versions());
    expect(first.size).toBeGreaterThan(1);
    expect(cache.size).toBe(first.size);
    await db().updateTable('consent').set({ withdrawn_at: now() }).where('child_id', '=', family.childId).execute();
    const second = await readerFactsAt(db(), cache, actor, await versions());
    const fresh = await loadPolicyChildren(db(), [...second.keys()], readerId, 'reader');
    for (const [id, child] of fresh) expect(sorted(second.get(id)!), id).toEqual(sorted(child));
    expect(second.get(family.childId)!.consents.every((k) => k.withdrawnAt !== null)).toBe(true);
    // The changed child was loaded again; every other child is the very object kept before.
    for (const [id, child] of second) expect(child === first.get(id), id).toBe(id !== family.childId);
    await db().updateTable('consent').set({ withdrawn_at: null }).where('child_id', '=', family.childId).execute();
  });

  it('are kept apart for each reader and each set of roles', () => {
    const roles = [{ organisationId: 'o1', role: 'professional', grantedBy: null }];
    expect(readerKey({ userId: 'u1', roles })).not.toBe(readerKey({ userId: 'u2', roles }));
    expect(readerKey({ userId: 'u1', roles })).not.toBe(readerKey({ userId: 'u1', roles: [...roles, { organisationId: 'o1', role: 'unit_manager', grantedBy: null }] }));
    const cache = new GateFactsCache(2);
    const facts = { id: 'c' } as PolicyChild;
    cache.set('a', 'c1', '1', facts);
    expect(cache.get('a', 'c1', '1')).toBe(facts);
    expect(cache.get('a', 'c1', '2')).toBeUndefined();
    expect(cache.get('b', 'c1', '1')).toBeUndefined();
    // Bounded: the entry set longest ago goes first.
    cache.set('a', 'c2', '1', facts);
    cache.set('a', 'c3', '1', facts);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 'c1', '1')).toBeUndefined();
    expect(cache.get('a', 'c3', '1')).toBe(facts);
  });
});

describe('"Mina barn" on kept facts', () => {
  // The psychologist's place on Ebba's team rests on the region's consent: withdrawn, the next
  // look refuses her at once (the list's statement read the moved version), and given again, allows.
  it('shows a consent withdrawn and given again at the next look', async () => {
    const psychologist = await t.loginAs('psychologist');
    const ebba = async () => ((await psychologist.get('/api/start/children')).json().children as TeamChild[]).find((c) => c.childId === family.childId)!;
    expect((await ebba()).refusal).toBeNull();
    expect((await ebba()).name).not.toBeNull();
    await db().updateTable('consent').set({ withdrawn_at: now() }).where('id', '=', family.regionConsentId).execute();
    const refused = await ebba();
    expect(refused.refusal).not.toBeNull();
    expect(refused.name).toBeNull();
    await db().updateTable('consent').set({ withdrawn_at: null }).where('id', '=', family.regionConsentId).execute();
    expect((await ebba()).refusal).toBeNull();
  });
});

describe('the record, the chronology and the search on kept facts', () => {
  // The same withdrawal, seen by the single child's reads: each reads the child's version beside its
  // data and is refused at the next look, and allowed again once the consent is given back.
  it('refuses at the next look after a consent is withdrawn, and allows once it is given back', async () => {
    const psychologist = await t.loginAs('psychologist');
    const identityNumber = (await db().selectFrom('child').select('identity_number').where('id', '=', family.childId).executeTakeFirstOrThrow()).identity_number;
    const looks = async () => ({
      record: (await psychologist.get(`/api/children/${family.childId}`)).statusCode,
      chronology: (await psychologist.get(`/api/children/${family.childId}/chronology`)).statusCode,
      overview: (await psychologist.get(`/api/children/${family.childId}/overview`)).statusCode,
      search: (await psychologist.post('/api/children/search', { identityNumber })).json().access as string,
    });
    const allowed = { record: 200, chronology: 200, overview: 200, search: 'allowed' };
    expect(await looks()).toEqual(allowed);
    expect(await looks()).toEqual(allowed);
    await db().updateTable('consent').set({ withdrawn_at: now() }).where('id', '=', family.regionConsentId).execute();
    const refused = await psychologist.get(`/api/children/${family.childId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.reason).toBe('team_consent_not_in_force');
    expect(await looks()).toEqual({ record: 403, chronology: 403, overview: 403, search: 'denied' });
    await db().updateTable('consent').set({ withdrawn_at: null }).where('id', '=', family.regionConsentId).execute();
    expect(await looks()).toEqual(allowed);
  });

  // A write reads the version under the child's lock and decides on the facts kept for it: the
  // withdrawal refuses her next save at once, and the consent given back allows the one after.
  it('decide a write on the facts of the version its lock read, refused at once after a withdrawal', async () => {
    const psychologist = await t.loginAs('psychologist');
    const sipId = await demoSipId(db(), family.childId);
    const plan = `/api/children/${family.childId}/plans/${sipId}`;
    const save = async (childViews: string) => {
      const head = (await db().selectFrom('plan').select('head_revision').where('id', '=', sipId).executeTakeFirstOrThrow()).head_revision;
      return psychologist.post(`${plan}/revisions`, { baseRevision: head, contents: planContents(now(), { childViews }) });
    };
    expect((await psychologist.get(`/api/children/${family.childId}`)).statusCode).toBe(200);
    expect((await save('Första')).statusCode).toBe(201);
    expect((await save('Andra')).statusCode).toBe(201);
    await db().updateTable('consent').set({ withdrawn_at: now() }).where('id', '=', family.regionConsentId).execute();
    const refused = await save('Tredje');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.reason).toBe('team_consent_not_in_force');
    await db().updateTable('consent').set({ withdrawn_at: null }).where('id', '=', family.regionConsentId).execute();
    expect((await save('Fjärde')).statusCode).toBe(201);
    // An unknown child is still missing under the lock: 404.
    expect((await psychologist.post('/api/children/00000000-0000-4000-8000-000000000000/plans/00000000-0000-4000-8000-000000000000/revisions', { baseRevision: 1, contents: planContents(now()) })).statusCode).toBe(404);
  });

  // The lock is the write's first statement (sent with its BEGIN on PostgreSQL): a save that
  // arrives while a withdrawal is still open waits for it, and is decided on the withdrawal.
  it('wait for a change to a fact that holds the child, and decide on it once it commits', async () => {
    const psychologist = await t.loginAs('psychologist');
    const sipId = await demoSipId(db(), family.childId);
    const head = async () => (await db().selectFrom('plan').select('head_revision').where('id', '=', sipId).executeTakeFirstOrThrow()).head_revision;
    const save = (baseRevision: number, childViews: string) => psychologist.post(`/api/children/${family.childId}/plans/${sipId}/revisions`, { baseRevision, contents: planContents(now(), { childViews }) });
    expect((await save(await head(), 'Före')).statusCode).toBe(201);
    const base = await head();
    let release!: () => void;
    let opened!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const withdrawing = new Promise<void>((resolve) => (opened = resolve));
    const withdrawal = db().transaction().execute(async (trx) => {
      await trx.updateTable('consent').set({ withdrawn_at: now() }).where('id', '=', family.regionConsentId).execute();
      opened();
      await held;
    });
    await withdrawing;
    let answered = false;
    const pending = save(base, 'Under tiden').then((response) => ((answered = true), response));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    release();
    await withdrawal;
    const refused = await pending;
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.reason).toBe('team_consent_not_in_force');
    expect(await head()).toBe(base);
    await db().updateTable('consent').set({ withdrawn_at: null }).where('id', '=', family.regionConsentId).execute();
    expect((await save(base, 'Efter')).statusCode).toBe(201);
  });

  it("keep every member's places, apart from a list's facts of the reader's own", async () => {
    const readerId = await userIdOf(db(), 'teacher');
    const roles = await db().selectFrom('user_role').select(['organisation_id as organisationId', 'role', 'granted_by as grantedBy']).where('user_id', '=', readerId).execute();
    const reader = { userId: readerId, roles };
    const cache = new GateFactsCache();
    const version = (await versionOf(family.childId))!;
    const own = (await readerFactsAt(db(), cache, reader, new Map([[family.childId, version]])))!.get(family.childId)!;
    const all = (await childFactsAt(db(), { cache, reader }, family.childId, version))!;
    expect(cache.size).toBe(2);
    expect(own.careTeam.every((m) => m.userId === readerId)).toBe(true);
    expect(all.careTeam.some((m) => m.userId !== readerId)).toBe(true);
    expect(sorted(all)).toEqual(sorted((await loadPolicyChildren(db(), [family.childId], readerId, 'all')).get(family.childId)!));
    // Asked again at the same version, both are the very objects kept.
    expect((await childFactsAt(db(), { cache, reader }, family.childId, version))!).toBe(all);
    expect((await readerFactsAt(db(), cache, reader, new Map([[family.childId, version]]))).get(family.childId)).toBe(own);
    // A child that is gone has no facts, kept or loaded.
    expect(await childFactsAt(db(), { cache, reader }, '00000000-0000-4000-8000-000000000000', '1')).toBeUndefined();
  });
});

function sorted(child: PolicyChild) {
  const key = (value: unknown) => JSON.stringify(value);
  const order = <T>(items: readonly T[]) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return { ...child, careTeam: order(child.careTeam.map((m) => ({ ...m, secrecyDomains: order(m.secrecyDomains) }))), consents: order(child.consents), emergencyAccesses: order(child.emergencyAccesses) };
}
