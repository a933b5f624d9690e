import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { fixedClock, systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { addDays } from './demo/dates.ts';
import { testClockOffsetDays } from './test/constants.ts';
import { auditOf, demoFamily, type Family } from './test/fixtures.ts';
import { createTestApp, type TestApp } from './test/harness.ts';

/**
 * The services' clock is the only time the rules read: moved by a test, it moves every rule
 * (consent periods, emergency access, sessions, the log's timestamps), while the machine's
 * clock and the database's now() stand where they are.
 */

const dayMs = 86_400_000;
/** Noon in Stockholm on an ISO day (CET or CEST, noon is well inside the day either way). */
const noonOn = (iso: string) => new Date(`${iso}T12:00:00+01:00`);

describe('the clock setting', () => {
  it('moves the system clock by whole days outside production, and never in production', () => {
    expect(loadConfig({ SAMSYN_CLOCK_OFFSET_DAYS: '730' }).clockOffsetDays).toBe(730);
    expect(loadConfig({ NODE_ENV: 'production', SAMSYN_CLOCK_OFFSET_DAYS: '730' }).clockOffsetDays).toBe(0);
    const ahead = systemClock(730).now().getTime() - Date.now();
    expect(Math.abs(ahead - 730 * dayMs)).toBeLessThan(60_000);
  });

  it('is the offset this test run was started with', async () => {
    const t = await createTestApp();
    try {
      const ahead = t.app.services.clock.now().getTime() - Date.now();
      expect(Math.abs(ahead - testClockOffsetDays * dayMs)).toBeLessThan(60_000);
    } finally {
      await t.close();
    }
  });
});

describe('a fixed clock in the services', () => {
  let t: TestApp;
  let family: Family;
  const clock = fixedClock(systemClock(testClockOffsetDays).now());
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    family = await demoFamily(t.database.db);
  });
  afterAll(() => t.close());

  const readRecord = async (username: string) => (await t.loginAs(username)).get(`/api/children/${family.childId}`);

  it('refuses the read once the clock passes the end of the consent the reader is on the team by, and logs it at the clock’s time', async () => {
    const consent = await t.database.db.selectFrom('consent').select(['valid_to']).where('id', '=', family.regionConsentId).executeTakeFirstOrThrow();
    expect(consent.valid_to).not.toBeNull();
    const lastDay = consent.valid_to!;

    clock.set(noonOn(lastDay));
    const before = await readRecord('psychologist');
    expect(before.statusCode).toBe(200);
    expect(before.json().access.basis).toBe('consent');

    clock.set(noonOn(addDays(lastDay, 1)));
    const after = await readRecord('psychologist');
    expect(after.statusCode).toBe(403);
    expect(after.json().error.details.reason).toBe('team_consent_not_in_force');
    const [entry] = await auditOf(t.database.db, after);
    expect(entry).toMatchObject({ action: 'child.record.read', outcome: 'denied', actor_username: 'psychologist' });
    expect(new Date(entry!.at).toISOString()).toBe(clock.now().toISOString());
    // The consent's end means nothing to the named person, on the team by her own organisation.
    expect((await readRecord('teacher')).statusCode).toBe(200);
  });

  it('lists the consent as expired on the clock’s day, and stamps a new one with the clock’s time', async () => {
    const teacher = await t.loginAs('teacher');
    const consents = (await teacher.get(`/api/children/${family.childId}/consents`)).json().consents as { id: string; status: string }[];
    expect(consents.find((c) => c.id === family.regionConsentId)?.status).toBe('expired');
    // Recorded now: stamped with the clock's time, not the database's.
    const given = await teacher.post(`/api/children/${family.childId}/consents`, {
      givenBy: 'both_guardians', guardianIds: family.guardianIds, method: 'written', organisationIds: [family.region], categories: ['plan'], validFrom: stockholmDate(clock.now()),
    });
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({ status: 'in_force', recordedAt: clock.now().toISOString() });
  });

  it('ends an emergency access when the clock passes its expiry', async () => {
    const outsider = await t.loginAs('outsider');
    const opened = await outsider.post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut oro för barnets hälsa, vårdnadshavare nås inte', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    expect(opened.json().startsAt).toBe(clock.now().toISOString());
    expect((await outsider.get(`/api/children/${family.childId}`)).statusCode).toBe(200);

    // Hours later the session has long been idle: each look logs in afresh.
    clock.advance(t.config.emergencyAccessHours * 3_600_000 - 60_000);
    expect((await readRecord('outsider')).statusCode).toBe(200);
    clock.advance(60_000);
    const expired = await readRecord('outsider');
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.details.reason).not.toBe('emergency_access');
  });

  it('expires a session that the clock says has been idle too long', async () => {
    const analyst = await t.loginAs('analyst');
    expect((await analyst.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance((t.config.sessionIdleMinutes - 1) * 60_000);
    expect((await analyst.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    const res = await analyst.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });
});
