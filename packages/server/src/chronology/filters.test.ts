import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type ChronologyView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { demoFamily, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
let teacher: TestClient;
let full: ChronologyView;
const read = async (query: string, client = teacher, childId = family.childId) => {
  const res = await client.get(`/api/children/${childId}/chronology?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ChronologyView;
};
const ids = (v: ChronologyView) => v.events.map((e) => e.id);

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  teacher = await t.loginAs('teacher');
  full = await read('pageSize=1000');
});
afterAll(() => t.close());

describe('filtering the chronology', () => {
  it('filters by type, organisation, secrecy domain and period, and the "not shown" count stays that of the whole chronology', async () => {
    const concerns = await read('types=concern,wellbeing&pageSize=1000');
    expect(ids(concerns)).toEqual(full.events.filter((e) => e.type === 'concern' || e.type === 'wellbeing').map((e) => e.id));
    expect(concerns.events.length).toBeGreaterThan(1);
    const health = full.facets.secrecyDomains.find((d) => d.name.startsWith('Elevhälsans'))!;
    const byDomain = await read(`secrecyDomain=${health.id}&pageSize=1000`);
    expect(byDomain.events.length).toBeGreaterThan(0);
    expect(byDomain.events.every((e) => e.secrecyDomain?.id === health.id)).toBe(true);
    const region = full.facets.organisations.find((o) => o.name === 'Region Exempellän')!;
    const byOrganisation = await read(`organisation=${region.id}&pageSize=1000`);
    // The teacher sees of the region only that the psychologist joined the team.
    expect(byOrganisation.events.map((e) => [e.type, e.change, e.details.memberName])).toEqual([['care_team', 'joined', 'Petra Psykolog']]);
    const days = full.events.map((e) => e.occurredOn).sort();
    const from = days[Math.floor(days.length / 3)]!;
    const to = days[Math.floor((2 * days.length) / 3)]!;
    const period = await read(`from=${from}&to=${to}&pageSize=1000`);
    expect(ids(period)).toEqual(full.events.filter((e) => e.occurredOn >= from && e.occurredOn <= to).map((e) => e.id));
    // A count that followed the filters would let a reader narrow down when and where each hidden entry was written.
    for (const view of [concerns, byDomain, byOrganisation, period]) {
      expect(view.notShown).toEqual(full.notShown);
      expect(view.facets).toEqual(full.facets);
    }
    expect(full.notShown[0]!.count).toBeGreaterThan(0);
  });

  it('sorts newest first, or oldest first, and pages without losing or repeating an event', async () => {
    const days = full.events.map((e) => e.occurredOn);
    expect(days).toEqual([...days].sort().reverse());
    const oldest = await read('order=oldest&pageSize=1000');
    expect(ids(oldest)).toEqual([...ids(full)].reverse());
    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(full.total / 4) + 1; page++) {
      const view = await read(`pageSize=4&page=${page}`);
      expect(view.total).toBe(full.total);
      pages.push(...ids(view));
    }
    expect(pages).toEqual(ids(full));
    expect((await read('')).events).toHaveLength(Math.min(20, full.total));
  });

  it('refuses bad filters with a 400 and its stable code', async () => {
    for (const query of ['from=2026-03-01&to=2026-02-01', 'types=horoscope', 'organisation=nope', 'from=yesterday', 'order=random', 'pageSize=5000', 'page=0']) {
      const res = await teacher.get(`/api/children/${family.childId}/chronology?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('validation_failed');
    }
  });
});

describe('team and consent changes in the chronology', () => {
  it('shows a consent that ran out on the day after its last valid day', async () => {
    const olle = await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow();
    const consent = await t.database.db.selectFrom('consent').select(['id', 'valid_to']).where('child_id', '=', olle.id).where('valid_to', 'is not', null).executeTakeFirstOrThrow();
    const view = await read('types=consent&pageSize=1000', teacher, olle.id);
    const lapsed = view.events.find((e) => e.id === `${consent.id}:lapsed`);
    const lastDay = String(consent.valid_to);
    expect(lapsed).toMatchObject({ change: 'lapsed', organisation: null, secrecyDomain: null, by: null });
    expect(lapsed!.occurredOn > lastDay && lapsed!.occurredOn <= stockholmDate(t.app.services.clock.now())).toBe(true);
    expect(view.events.find((e) => e.id === `${consent.id}:given`)).toBeDefined();
  });

  it('shows a member who left, and a consent withdrawn, as they happen', async () => {
    const nurse = await t.database.db.selectFrom('care_team_member as m').innerJoin('app_user as u', 'u.id', 'm.user_id').select('m.id').where('m.child_id', '=', family.childId).where('u.username', '=', 'nurse').executeTakeFirstOrThrow();
    expect((await teacher.post(`/api/children/${family.childId}/care-team/${nurse.id}/end`, {})).statusCode).toBe(200);
    const guardian = await t.loginAs('guardian');
    expect((await guardian.post(`/api/children/${family.childId}/consents/${family.regionConsentId}/withdraw`, {})).statusCode).toBe(200);
    const view = await read('types=care_team,consent&pageSize=1000');
    expect(view.events.find((e) => e.id === `${nurse.id}:left`)).toMatchObject({ change: 'left', by: 'Tove Lärare', details: { memberName: 'Nora Skolsköterska', role: 'member' } });
    // The guardian withdrew it in the e-service: a citizen is not named.
    expect(view.events.find((e) => e.id === `${family.regionConsentId}:withdrawn`)).toMatchObject({ change: 'withdrawn', by: null, details: { categories: ['plan'] } });
    expect(view.events.some((e) => e.id === `${family.regionConsentId}:lapsed`)).toBe(false);
    expect(view.events[0]!.occurredOn).toBe(stockholmDate(t.app.services.clock.now()));
  });

  it('shows an accepted handover of the named person to its receiver', async () => {
    const handover = await t.database.db
      .selectFrom('named_person_handover as h')
      .innerJoin('app_user as u', 'u.id', 'h.to_user_id')
      .innerJoin('care_team_member as m', (j) => j.onRef('m.child_id', '=', 'h.child_id').onRef('m.user_id', '=', 'h.to_user_id').on('m.role', '=', 'named_person').on('m.ends_at', 'is', null))
      .select(['h.id', 'h.child_id', 'u.username', 'u.display_name', 'h.life_stage'])
      .where('h.accepted_at', 'is not', null)
      .orderBy('h.accepted_at', 'desc')
      .executeTakeFirstOrThrow();
    const receiver = await t.loginAs(handover.username);
    const view = await read('types=care_team&pageSize=1000', receiver, handover.child_id);
    expect(view.events.find((e) => e.id === handover.id)).toMatchObject({ change: 'handed_over', details: { toName: handover.display_name, lifeStage: handover.life_stage } });
  });
});
