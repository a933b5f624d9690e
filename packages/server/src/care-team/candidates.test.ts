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
  places: { organisationId: string; bases: { ownOrganisation: boolean; consentIds: string[]; legalDuty: boolean } }[];
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

  it('shows at most 20 people, and only active professionals', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get(candidatesUrl('an'));
    const candidates = res.json().candidates as Candidate[];
    expect(candidates.length).toBeLessThanOrEqual(20);
    expect(candidates.length).toBeGreaterThan(0);
    const guardian = await teacher.get(candidatesUrl('Gunilla'));
    expect(guardian.json().candidates).toEqual([]);
  });

  it('finds nobody with fewer than two characters', async () => {
    const res = await (await t.loginAs('teacher')).get(candidatesUrl('a'));
    expect(res.statusCode).toBe(200);
    expect(res.json().candidates).toEqual([]);
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
