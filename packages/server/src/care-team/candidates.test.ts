import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, demoFamily, newcomer, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

const candidatesUrl = (query: string) => `/api/children/${family.childId}/care-team/candidates?query=${encodeURIComponent(query)}`;

interface Candidate {
  userId: string;
  displayName: string;
  inTeam: boolean;
  title?: string | null;
  places: { organisationId: string; organisationName?: string; unitName?: string | null; bases: { ownOrganisation: boolean; consentIds: string[]; legalDuty: boolean } }[];
}

describe('finding colleagues for the care team', () => {
  it('the named person finds colleagues by name or username, with the bases open for each place', async () => {
    const colleague = await newcomer(t.database.db, family.childId, family.municipality, 'school');
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get(candidatesUrl(colleague.username.toUpperCase()));
    expect(res.statusCode).toBe(200);
    const found = (res.json().candidates as Candidate[]).find((c) => c.userId === colleague.userId);
    expect(found).toMatchObject({ inTeam: false, places: [{ organisationId: family.municipality, bases: { ownOrganisation: true, legalDuty: true } }] });
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.care_team.candidates', outcome: 'success', actor_username: 'teacher', subject_id: family.childId });
    expect(entries[0]!.details).toMatchObject({ category: 'care_team', basis: 'own_organisation' });
  });

  it('offers a consent only where it reaches the candidate’s organisation, and marks who is already in the team', async () => {
    const socialworker = await t.loginAs('socialworker');
    const res = await socialworker.get(candidatesUrl('Petra Psyk'));
    expect(res.statusCode).toBe(200);
    const [petra] = res.json().candidates as Candidate[];
    expect(petra).toMatchObject({ displayName: 'Petra Psykolog', inTeam: true });
    expect(petra!.places[0]).toMatchObject({ organisationId: family.region, bases: { ownOrganisation: false, legalDuty: true } });
    expect(petra!.places[0]!.bases.consentIds).toContain(family.regionConsentId);
  });

  it('shows at most 20 people and says when more match, and shows only active professionals', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get(candidatesUrl('an'));
    const candidates = res.json().candidates as Candidate[];
    expect(candidates).toHaveLength(20);
    expect(res.json().more).toBe(true);
    const guardian = await teacher.get(candidatesUrl('Gunilla'));
    expect(guardian.json()).toEqual({ candidates: [], more: false });
  });

  it('finds colleagues by the organisation or unit they work at, and by title', async () => {
    const teacher = await t.loginAs('teacher');
    const bup = await t.database.db
      .selectFrom('user_role as r')
      .innerJoin('unit as un', 'un.id', 'r.unit_id')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select(['u.id', 'un.name'])
      .where('un.name', 'ilike', 'BUP%')
      .where('r.role', '=', 'professional')
      .where('u.active', '=', true)
      .execute();
    expect(bup.length).toBeGreaterThan(0);
    const byUnit = await teacher.get(candidatesUrl('bup'));
    expect(byUnit.statusCode).toBe(200);
    const found = byUnit.json().candidates as Candidate[];
    expect(byUnit.json().more).toBe(false);
    expect(found.map((c) => c.userId).sort()).toEqual([...new Set(bup.map((b) => b.id))].sort());
    expect(found.every((c) => c.places.some((p) => /BUP/.test(p.unitName ?? '')))).toBe(true);

    const doctors = await t.database.db.selectFrom('app_user').select(['id', 'title']).orderBy('display_name').orderBy('username').where('title', 'ilike', '%läkare%').where('active', '=', true).where('kind', '=', 'professional').execute();
    expect(doctors.length).toBeGreaterThan(0);
    const byTitle = (await teacher.get(candidatesUrl('LÄKARE'))).json().candidates as Candidate[];
    for (const doctor of doctors.slice(0, 20)) expect(byTitle.map((c) => c.userId)).toContain(doctor.id);
    const matchesLakare = (c: (typeof byTitle)[number]) => [c.displayName, c.title, ...c.places.flatMap((p) => [p.organisationName, p.unitName])].some((v) => /läkare/i.test(v ?? ''));
    expect(byTitle.every(matchesLakare)).toBe(true);

    // Every word must match: a title and a unit narrow the search together.
    const region = await t.database.db.selectFrom('organisation').select('name').where('id', '=', family.region).executeTakeFirstOrThrow();
    const word = region.name.split(/\s+/)[0]!;
    const both = (await teacher.get(candidatesUrl(`${word} zzzz-nobody`))).json();
    expect(both).toEqual({ candidates: [], more: false });
    const byOrganisation = (await teacher.get(candidatesUrl(word))).json().candidates as Candidate[];
    expect(byOrganisation.length).toBeGreaterThan(0);
    expect(byOrganisation.every((c) => c.places.length > 0)).toBe(true);
  });

  it('the organisation search is gated as the name search: a team member who may not add is refused', async () => {
    const res = await (await t.loginAs('nurse')).get(candidatesUrl('BUP'));
    expect(res.statusCode).toBe(403);
    const outsider = await (await t.loginAs('outsider')).get(candidatesUrl('läkare'));
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json()).not.toHaveProperty('candidates');
  });

  it('finds nobody with fewer than two characters', async () => {
    const res = await (await t.loginAs('teacher')).get(candidatesUrl('a'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ candidates: [], more: false });
  });

  it('refuses a team member who is not named person or lead professional, and logs it', async () => {
    const res = await (await t.loginAs('nurse')).get(candidatesUrl('Petra'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'access_denied', details: { reason: 'not_team_coordinator' } });
    // One request, one entry: the refusal, not a read allowed and then refused.
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.care_team.candidates', outcome: 'denied', actor_username: 'nurse', subject_id: family.childId });
  });

  it('refuses a reader with emergency access, who may not change the team, in one entry', async () => {
    const reader = await newcomer(t.database.db, family.childId, family.municipality, 'school', 1);
    const client = await t.loginAs(reader.username);
    const opened = await client.post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut fara för barnets hälsa, behöver se planen.', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    const res = await client.get(candidatesUrl('Petra'));
    expect(res.statusCode).toBe(403);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.care_team.candidates', outcome: 'denied' });
    expect(entries[0]!.details).toMatchObject({ reason: 'emergency_is_read_only' });
  });

  it('refuses someone outside the team, and logs it', async () => {
    const res = await (await t.loginAs('outsider')).get(candidatesUrl('Petra'));
    expect(res.statusCode).toBe(403);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.care_team.candidates', outcome: 'denied', actor_username: 'outsider' });
  });
});
