import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { demoFamily, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
let socialworker: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  socialworker = await t.loginAs('socialworker');
});
afterAll(() => t.close());

const consentsUrl = () => `/api/children/${family.childId}/consents`;
// The lead professional records a written consent from both guardians (see consent.test.ts).
const consent = () => ({ givenBy: 'both_guardians', guardianIds: family.guardianIds, organisationIds: [family.region], categories: ['wellbeing'], validFrom: stockholmDate(t.app.services.clock.now()), method: 'written' });

async function consentCount(): Promise<number> {
  const rows = await t.database.db.selectFrom('consent').select('id').where('child_id', '=', family.childId).execute();
  return rows.length;
}

function post(client: TestClient, url: string, body: unknown, key: string) {
  return client.request('POST', url, body, { headers: { 'idempotency-key': key } });
}

describe('Idempotency-Key', () => {
  it('makes one consent of a double submit, replaying the first answer', async () => {
    const before = await consentCount();
    const first = await post(socialworker, consentsUrl(), consent(), 'samtycke-1');
    expect(first.statusCode).toBe(201);
    const again = await post(socialworker, consentsUrl(), consent(), 'samtycke-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await consentCount()).toBe(before + 1);
    // Without a key, or with another one, a submit is a new consent.
    expect((await post(socialworker, consentsUrl(), consent(), 'samtycke-2')).statusCode).toBe(201);
    expect(await consentCount()).toBe(before + 2);
  });

  it('makes one of two parallel submits with the same key; the other is told to wait', async () => {
    const before = await consentCount();
    const [a, b] = await Promise.all([post(socialworker, consentsUrl(), consent(), 'parallell'), post(socialworker, consentsUrl(), consent(), 'parallell')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual(expect.arrayContaining([201]));
    for (const res of [a, b]) expect([201, 409]).toContain(res.statusCode);
    expect(await consentCount()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422), a bad key (400), and keys of another user are theirs', async () => {
    expect((await post(socialworker, consentsUrl(), consent(), 'samtycke-3')).statusCode).toBe(201);
    const other = await post(socialworker, consentsUrl(), { ...consent(), categories: ['plan'] }, 'samtycke-3');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ error: { code: 'idempotency_key_reused', message: expect.any(String) } });
    const bad = await post(socialworker, consentsUrl(), consent(), 'med mellanslag');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('idempotency_key_invalid');
    // The same key from the lead's colleague is a key of her own.
    const teacher = await t.loginAs('teacher');
    const before = await consentCount();
    expect((await post(teacher, consentsUrl(), consent(), 'samtycke-3')).statusCode).toBe(201);
    expect(await consentCount()).toBe(before + 1);
  });

  it('frees the key when the first request fails, and forgets it after a day', async () => {
    const failed = await post(socialworker, consentsUrl(), { ...consent(), categories: ['gossip'] }, 'fel-forst');
    expect(failed.statusCode).toBe(400);
    expect((await post(socialworker, consentsUrl(), consent(), 'fel-forst')).statusCode).toBe(201);
    await t.database.db.updateTable('idempotency_key').set({ expires_at: new Date(t.app.services.clock.now().getTime() - 1000) }).where('key', '=', 'fel-forst').execute();
    const before = await consentCount();
    const later = await post(socialworker, consentsUrl(), consent(), 'fel-forst');
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await consentCount()).toBe(before + 1);
  });

  it('makes one account of a double submit by an administrator', async () => {
    const orgadmin = await t.loginAs('orgadmin');
    const body = { username: 'dubbel.klick', displayName: 'Dubbel Klick', password: 'ett-bra-losenord', roles: [{ organisationId: family.municipality, unitId: null, role: 'analyst' }] };
    const first = await post(orgadmin, '/api/users', body, 'konto-1');
    expect(first.statusCode).toBe(201);
    const again = await post(orgadmin, '/api/users', body, 'konto-1');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    // Without the key the second submit is refused as a duplicate, as before.
    expect((await orgadmin.post('/api/users', body)).statusCode).toBe(409);
  });
});
