import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { addDays } from '../demo/dates.ts';

interface Record {
  name: { givenName: string } | null;
  address: { city: string } | null;
  school: { name: string } | null;
  identityHidden: boolean;
  guardians: { id: string; name: { givenName: string } | null; phone: string | null }[];
  access: { basis: string };
}

let t: TestApp;
let family: Family;
let protectedGuardianId: string;

// The demo child gets a protected address, and one of the two guardians one of their own.
beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  const { db } = t.database;
  await db.updateTable('child').set({ protected_identity: 'skyddad_folkbokforing' }).where('id', '=', family.childId).execute();
  protectedGuardianId = family.guardianIds[1]!;
  await db.updateTable('guardian').set({ protected_identity: 'sekretessmarkering' }).where('id', '=', protectedGuardianId).execute();
});
afterAll(() => t.close());

async function readRecord(username: string, childId = family.childId) {
  const res = await (await t.loginAs(username)).get(`/api/children/${childId}`);
  return { res, record: res.json() as Record };
}

describe('a protected identity in the record', () => {
  it('is shown to a team member who opens the record, the protected guardian too, and the look is flagged', async () => {
    const { res, record } = await readRecord('teacher');
    expect(res.statusCode).toBe(200);
    expect(record.identityHidden).toBe(false);
    expect(record.name).not.toBeNull();
    expect(record.address).not.toBeNull();
    expect(record.guardians.find((g) => g.id === protectedGuardianId)!.name).not.toBeNull();
    const [entry] = await auditOf(t.database.db, res);
    expect(entry!.details).toMatchObject({ flagged: true, basis: 'own_organisation' });
  });

  it('is hidden from a guardian, with the protected guardian, since the protection may be from the family', async () => {
    const { res, record } = await readRecord('guardian');
    expect(res.statusCode).toBe(200);
    expect(record).toMatchObject({ identityHidden: true, name: null, address: null, school: null });
    expect(record.guardians.every((g) => g.name === null && g.phone === null)).toBe(true);
    expect(JSON.stringify(record)).not.toMatch(/street|postal/i);
  });

  it('is shown to the child, but not the protected guardian', async () => {
    const { record } = await readRecord('child');
    expect(record.identityHidden).toBe(false);
    expect(record.address).not.toBeNull();
    expect(record.guardians.find((g) => g.id === protectedGuardianId)!.name).toBeNull();
    expect(record.guardians.find((g) => g.id !== protectedGuardianId)!.name).not.toBeNull();
  });

  it('stays hidden under emergency access, which is flagged', async () => {
    const outsider = await t.loginAs('outsider');
    const opened = await outsider.post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut läge, barnet behöver vård nu', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    const res = await outsider.get(`/api/children/${family.childId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ identityHidden: true, name: null, address: null, school: null, access: { basis: 'emergency' } });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry!.details).toMatchObject({ flagged: true, basis: 'emergency' });
  });
});

describe('the id of a look in the log', () => {
  it('is the same whatever case the caller writes the id in, so the family sees every look', async () => {
    const upper = family.childId.toUpperCase();
    expect(upper).not.toBe(family.childId);
    const { res } = await readRecord('teacher', upper);
    expect(res.statusCode).toBe(200);
    const [entry] = await auditOf(t.database.db, res);
    expect(entry!.subject_id).toBe(family.childId);
    const log = (await (await t.loginAs('guardian')).get(`/api/children/${family.childId}/access-log?pageSize=5`)).json() as { entries: { who: { name: string } }[] };
    expect(log.entries[0]!.who.name).toBe('Tove Lärare');
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('an expired consent', () => {
  it('lets its reader in until midnight of its last day and refuses them after, logged', async () => {
    const { db } = t.database;
    const today = stockholmDate(t.app.services.clock.now());
    const yesterday = addDays(today, -1);
    const setValidTo = (validTo: string) => db.updateTable('consent').set({ valid_from: addDays(today, -300), valid_to: validTo }).where('id', '=', family.regionConsentId).execute();

    // The psychologist's place on the team rests on the region's consent.
    await setValidTo(today);
    expect((await readRecord('psychologist')).res.statusCode).toBe(200);

    await setValidTo(yesterday);
    const { res } = await readRecord('psychologist');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('access_denied');
    const [entry] = await auditOf(db, res);
    expect(entry).toMatchObject({ outcome: 'denied', subject_id: family.childId, actor_username: 'psychologist' });
    expect(entry!.details).toMatchObject({ reason: 'team_consent_not_in_force' });
  });
});
