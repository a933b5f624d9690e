import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { emergencyAccessesToReview } from '../emergency/queries.ts';
import { userIdOf } from '../test/fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo’s things to follow up', () => {
  it('has handovers in every state, one waiting for the teacher’s answer, with its notice', async () => {
    const rows = await t.database.db.selectFrom('named_person_handover').select(['to_user_id', 'accepted_at', 'declined_at', 'withdrawn_at']).execute();
    const status = (h: (typeof rows)[number]) => (h.accepted_at ? 'accepted' : h.declined_at ? 'declined' : h.withdrawn_at ? 'withdrawn' : 'pending');
    expect(new Set(rows.map(status))).toEqual(new Set(['pending', 'accepted', 'declined', 'withdrawn']));
    const teacher = await userIdOf(t.database.db, 'teacher');
    const waiting = (await (await t.loginAs('teacher')).get('/api/handovers?status=pending')).json().handovers as { to: { id: string }; childName: unknown; note: string | null }[];
    expect(waiting).toEqual([expect.objectContaining({ to: expect.objectContaining({ id: teacher }), childName: expect.objectContaining({ givenName: expect.any(String) }), note: expect.any(String) })]);
    expect(await t.database.db.selectFrom('notice').select('id').where('recipient_id', '=', teacher).where('kind', '=', 'handover_proposed').execute()).toHaveLength(1);
  });

  it('has an emergency access waiting for the review of the outsider’s unit manager, the demo login manager.norrvik', async () => {
    const manager = await userIdOf(t.database.db, 'manager.norrvik');
    const waiting = await emergencyAccessesToReview(t.database.db, manager);
    expect(waiting.map((r) => r.username)).toEqual(['outsider']);
    const queue = (await (await t.loginAs('manager.norrvik')).get('/api/emergency-access/review')).json() as { user: { username: string }; legalGround: { code: string } }[];
    expect(queue).toEqual([expect.objectContaining({ user: expect.objectContaining({ username: 'outsider' }), legalGround: expect.objectContaining({ code: 'brb_necessity' }) })]);
    expect(await t.database.db.selectFrom('notice').select('id').where('recipient_id', '=', manager).where('kind', '=', 'emergency_access_to_review').execute()).toHaveLength(1);
  });

  it('has a consent that lapsed while its member is still on the team: the psychologist on Olle’s', async () => {
    const olle = await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow();
    const record = (await (await t.loginAs('guardian')).get(`/api/children/${olle.id}`)).json() as { careTeam: { displayName: string; basisLapsedOn: string | null }[] };
    expect(record.careTeam).toContainEqual(expect.objectContaining({ displayName: 'Petra Psykolog', basisLapsedOn: expect.any(String) }));
    // Only her basis has lapsed; the municipality's members are there on their own organisation's.
    expect(record.careTeam.filter((m) => m.basisLapsedOn !== null).map((m) => m.displayName)).toEqual(['Petra Psykolog']);
    const refused = await (await t.loginAs('psychologist')).get(`/api/children/${olle.id}`);
    expect(refused.json().error.details).toMatchObject({ reason: 'team_consent_not_in_force' });
  });
});
