import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EarlySignalList } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, createChild, placeOf, userIdOf } from '../test/fixtures.ts';
import { earlySignalsFor } from './early-signals.ts';

let t: TestApp;
let teacherId: string;
let childId: string;
const dayMs = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  teacherId = await userIdOf(t.database.db, 'teacher');
  // A child without any consent: the teacher (named person) reads no other domain's concern.
  childId = await createChild(t.database.db, { givenName: 'Signe', team: [{ username: 'teacher', role: 'named_person' }, { username: 'nurse' }, { username: 'socialworker' }] });
});
afterAll(() => t.close());

/** A concern written `daysAgo` days before the services' clock, by a login in their own domain. */
async function addConcern(username: string, daysAgo: number, description = 'Oro som läraren inte får läsa.') {
  const place = await placeOf(t.database.db, username);
  const domain = await t.database.db.selectFrom('unit_secrecy_domain').select('secrecy_domain_id').where('unit_id', '=', place.unitId).where('valid_to', 'is', null).executeTakeFirstOrThrow();
  const at = new Date(t.app.services.clock.now().getTime() - daysAgo * dayMs);
  await t.database.db
    .insertInto('concern')
    .values({ child_id: childId, organisation_id: place.organisationId, unit_id: place.unitId, secrecy_domain_id: domain.secrecy_domain_id, author_id: place.userId, areas: ['safe'], description, level: 'concern', source: 'own_observation', occurred_on: at.toISOString().slice(0, 10), created_at: at })
    .execute();
}

const fires = async () => (await earlySignalsFor(t.database.db, teacherId, { now: t.app.services.clock.now() })).some((s) => s.childId === childId);

describe('the early-signal rule for the named person', () => {
  it('does not fire below the threshold, for one domain only, or outside the window; fires on the threshold', async () => {
    expect(await fires()).toBe(false);
    await addConcern('nurse', 5);
    expect(await fires(), 'one concern').toBe(false);
    await addConcern('nurse', 20);
    expect(await fires(), 'two concerns, one domain').toBe(false);
    await addConcern('socialworker', 75);
    expect(await fires(), 'the second domain outside the 60 days').toBe(false);
    await addConcern('socialworker', 30);
    expect(await fires(), 'two domains within 60 days').toBe(true);
  });

  it('follows the rule configured as data, the home municipality’s own before the county’s default', async () => {
    const home = (await placeOf(t.database.db, 'teacher')).organisationId;
    await t.database.db.insertInto('early_signal_rule').values({ organisation_id: home, min_concerns: 5, min_domains: 2, window_days: 60 }).execute();
    expect(await fires(), 'five concerns needed').toBe(false);
    await t.database.db.updateTable('early_signal_rule').set({ min_concerns: 3, window_days: 10 }).where('organisation_id', '=', home).execute();
    expect(await fires(), 'only the nurse’s concern 5 days ago is within 10 days').toBe(false);
    await t.database.db.updateTable('early_signal_rule').set({ min_concerns: 3, window_days: 90 }).where('organisation_id', '=', home).execute();
    expect(await fires(), 'four concerns from two domains within 90 days').toBe(true);
    await t.database.db.deleteFrom('early_signal_rule').where('organisation_id', '=', home).execute();
    expect(await fires(), 'back on the county’s default').toBe(true);
  });

  it('is for the named person only', async () => {
    for (const username of ['nurse', 'socialworker', 'outsider']) {
      expect(await earlySignalsFor(t.database.db, await userIdOf(t.database.db, username), { now: t.app.services.clock.now() }), username).toEqual([]);
    }
  });

  it('tells the named person only the suggestion: no count, no domain, no date, no author, no text', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get('/api/early-signals');
    expect(res.statusCode).toBe(200);
    const signal = (res.json() as EarlySignalList).signals.find((s) => s.childId === childId);
    expect(signal).toEqual({ childId, childName: { givenName: 'Signe', familyName: 'Barnsson' }, suggestion: 'consider_consent_for_meeting', proposals: ['call_meeting', 'start_plan'] });
    for (const hidden of ['Nora', 'Sixten', 'Elevhälsan', 'Socialtjänst', 'Oro som läraren', 'nurse', 'socialworker']) expect(res.body).not.toContain(hidden);
    expect(res.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The record shows her none of those concerns, and says none are shared with her.
    const list = (await teacher.get(`/api/children/${childId}/concerns`)).json();
    expect(list).toMatchObject({ concerns: [], sharedFromOthers: false, mayRecord: true });
    // More concerns, from a further domain, change nothing she is told.
    await addConcern('psychologist', 2, 'Ytterligare en oro.');
    const again = ((await teacher.get('/api/early-signals')).json() as EarlySignalList).signals.find((s) => s.childId === childId);
    expect(again).toEqual(signal);
  });

  it('asks the gate per child as a list and logs one entry for each signal shown', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get('/api/early-signals');
    const signals = (res.json() as EarlySignalList).signals;
    // The demo's own: Olle has concerns from student health and social services within 60 days.
    expect(signals.map((s) => s.childName?.givenName)).toEqual(expect.arrayContaining(['Signe', 'Olle']));
    expect(signals.map((s) => s.childName?.givenName)).not.toContain('Ebba');
    const entries = await auditOf(t.database.db, res);
    expect(entries.map((e) => e.subject_id).sort()).toEqual(signals.map((s) => s.childId).sort());
    expect(entries.every((e) => e.action === 'child.early_signal.list' && e.outcome === 'success' && (e.details as { basis?: string }).basis === 'own_organisation')).toBe(true);
  });

  it('shows nothing to anyone who is not the named person, and no signal once the named person has left the team', async () => {
    for (const username of ['nurse', 'socialworker', 'guardian', 'child', 'outsider', 'manager']) {
      const res = await (await t.loginAs(username)).get('/api/early-signals');
      expect(res.statusCode, username).toBe(200);
      expect((res.json() as EarlySignalList).signals.map((s) => s.childId), username).not.toContain(childId);
    }
    await t.database.db.updateTable('care_team_member').set({ ends_at: t.app.services.clock.now() }).where('child_id', '=', childId).where('user_id', '=', teacherId).execute();
    expect(await fires()).toBe(false);
  });
});

describe('the early-signal rule as data an administrator tunes', () => {
  it('lets an organisation administrator set their own municipality’s rule, logged with before and after, and the rule follows it', async () => {
    const home = (await placeOf(t.database.db, 'teacher')).organisationId;
    const orgadmin = await t.loginAs('orgadmin');
    // The named person is back on the team, and the child has concerns from several domains.
    await t.database.db.updateTable('care_team_member').set({ ends_at: null }).where('child_id', '=', childId).where('user_id', '=', teacherId).execute();
    expect(await fires()).toBe(true);
    const res = await orgadmin.request('PATCH', `/api/early-signal-rules/${home}`, { minConcerns: 9, minDomains: 2, windowDays: 60 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await fires(), 'nine concerns now needed').toBe(false);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'early_signal_rule.update', outcome: 'success', subject_id: home, details: { before: null, after: { minConcerns: 9, minDomains: 2, windowDays: 60 } } });
    const listed = (await orgadmin.get('/api/early-signal-rules')).json();
    expect(listed).toEqual({ fallback: { minConcerns: 2, minDomains: 2, windowDays: 60 }, organisations: [{ organisationId: home, rule: { minConcerns: 9, minDomains: 2, windowDays: 60 } }] });
    const again = await orgadmin.request('PATCH', `/api/early-signal-rules/${home}`, { minConcerns: 2, minDomains: 2, windowDays: 60 });
    expect((await auditOf(t.database.db, again))[0]?.details).toMatchObject({ before: { minConcerns: 9 } });
    expect(await fires()).toBe(true);
  });

  it('refuses everyone else, another organisation’s administrator and bad rules', async () => {
    const home = (await placeOf(t.database.db, 'teacher')).organisationId;
    const rule = { minConcerns: 3, minDomains: 2, windowDays: 30 };
    for (const username of ['teacher', 'manager', 'coordinator', 'analyst', 'guardian', 'intake']) {
      const c = await t.loginAs(username);
      expect((await c.request('PATCH', `/api/early-signal-rules/${home}`, rule)).statusCode, username).toBe(403);
      expect((await c.get('/api/early-signal-rules')).statusCode, username).toBe(403);
    }
    const otherAdmin = await t.loginAs('admin.norrvik');
    expect((await otherAdmin.request('PATCH', `/api/early-signal-rules/${home}`, rule)).statusCode).toBe(403);
    expect((await otherAdmin.request('PATCH', '/api/early-signal-rules/default', rule)).statusCode).toBe(403);
    const orgadmin = await t.loginAs('orgadmin');
    for (const bad of [{ ...rule, minConcerns: 0 }, { ...rule, windowDays: 1.5 }, { minConcerns: 2 }]) {
      expect((await orgadmin.request('PATCH', `/api/early-signal-rules/${home}`, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    const sysadmin = await t.loginAs('sysadmin');
    const set = await sysadmin.request('PATCH', '/api/early-signal-rules/default', { minConcerns: 2, minDomains: 2, windowDays: 45 });
    expect(set.statusCode).toBe(200);
    expect((await sysadmin.get('/api/early-signal-rules')).json().fallback).toEqual({ minConcerns: 2, minDomains: 2, windowDays: 45 });
  });
});
