import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { stockholmDate } from '@samsyn/core';
import { auditOf, demoFamily, userIdOf, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

// A team that shows consent lapses (issue 12): the psychologist is on Ebba's team by the region's
// consent. When it runs out or is withdrawn, the team and the family see "grund saknas sedan …"
// until someone ends the membership, she hears why wherever she asks for the record, and she is told.

let t: TestApp;
let family: Family;
let psychologistId: string;
let identityNumber: string;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  psychologistId = await userIdOf(t.database.db, 'psychologist');
  identityNumber = (await t.database.db.selectFrom('child').select('identity_number').where('id', '=', family.childId).executeTakeFirstOrThrow()).identity_number;
});
afterAll(() => t.close());

interface Member {
  userId: string;
  basisLapsedOn: string | null;
}
const day = 86_400_000;
const teamOf = async (username: string) => (await (await t.loginAs(username)).get(`/api/children/${family.childId}/care-team`)).json().members as Member[];
const psychologistIn = (members: Member[]) => members.find((m) => m.userId === psychologistId);

describe('a member whose consent has lapsed', () => {
  it('shows no lapse while the consent is in force', async () => {
    expect(psychologistIn(await teamOf('teacher'))).toMatchObject({ basisLapsedOn: null });
    expect((await teamOf('teacher')).every((m) => m.basisLapsedOn === null)).toBe(true);
  });

  it('shows the day after the consent’s last day once it has run out, to the team and to the family', async () => {
    const now = t.app.services.clock.now();
    const lastDay = stockholmDate(new Date(now.getTime() - 3 * day));
    const original = await t.database.db.selectFrom('consent').select(['valid_from', 'valid_to']).where('id', '=', family.regionConsentId).executeTakeFirstOrThrow();
    await sql`UPDATE consent SET valid_from = ${stockholmDate(new Date(now.getTime() - 30 * day))}, valid_to = ${lastDay} WHERE id = ${family.regionConsentId}`.execute(t.database.db);
    try {
      const since = stockholmDate(new Date(now.getTime() - 2 * day));
      expect(psychologistIn(await teamOf('teacher'))).toMatchObject({ basisLapsedOn: since });
      const asGuardian = (await (await t.loginAs('guardian')).get(`/api/children/${family.childId}`)).json() as { careTeam: Member[] };
      expect(psychologistIn(asGuardian.careTeam)).toMatchObject({ basisLapsedOn: since });
      const asChild = (await (await t.loginAs('child')).get(`/api/children/${family.childId}`)).json() as { careTeam: Member[] };
      expect(psychologistIn(asChild.careTeam)).toMatchObject({ basisLapsedOn: since });
    } finally {
      await sql`UPDATE consent SET valid_from = ${original.valid_from}, valid_to = ${original.valid_to} WHERE id = ${family.regionConsentId}`.execute(t.database.db);
    }
    expect(psychologistIn(await teamOf('teacher'))).toMatchObject({ basisLapsedOn: null });
  });

  it('when the consent is withdrawn, tells the member who relied on it, and nobody else', async () => {
    const res = await (await t.loginAs('guardian')).post(`/api/children/${family.childId}/consents/${family.regionConsentId}/withdraw`, {});
    expect(res.statusCode).toBe(200);
    const notices = await t.database.db.selectFrom('notice').selectAll().where('kind', '=', 'consent_withdrawn').where('subject_id', '=', family.regionConsentId).execute();
    expect(notices).toEqual([expect.objectContaining({ recipient_id: psychologistId, child_id: family.childId, actor_id: family.guardianUserId })]);
  });

  it('shows "grund saknas sedan" the day of the withdrawal, until the membership is ended', async () => {
    const today = stockholmDate(t.app.services.clock.now());
    expect(psychologistIn(await teamOf('teacher'))).toMatchObject({ basisLapsedOn: today });
    expect(psychologistIn(((await (await t.loginAs('guardian')).get(`/api/children/${family.childId}`)).json() as { careTeam: Member[] }).careTeam)).toMatchObject({ basisLapsedOn: today });
  });

  it('gives her the specific refusal on the record and in search, each logged; others get no reason in search', async () => {
    const psychologist = await t.loginAs('psychologist');
    const record = await psychologist.get(`/api/children/${family.childId}`);
    expect(record.statusCode).toBe(403);
    expect(record.json().error.details).toMatchObject({ reason: 'team_consent_not_in_force' });
    const search = await psychologist.post('/api/children/search', { identityNumber });
    expect(search.statusCode).toBe(200);
    expect(search.json()).toMatchObject({ found: true, access: 'denied', reason: 'team_consent_not_in_force' });
    expect(search.json()).not.toHaveProperty('childId');
    expect((await auditOf(t.database.db, search)).map((e) => [e.action, e.outcome, (e.details as { reason?: string }).reason])).toEqual([['child.search', 'denied', 'team_consent_not_in_force']]);
    const outsider = (await (await t.loginAs('outsider')).post('/api/children/search', { identityNumber })).json();
    expect(outsider).toMatchObject({ found: true, access: 'denied' });
    expect(outsider).not.toHaveProperty('reason');
  });

  it('shows no lapse once someone ends the membership', async () => {
    const teacher = await t.loginAs('teacher');
    const member = (await teacher.get(`/api/children/${family.childId}/care-team`)).json().members.find((m: Member & { id: string }) => m.userId === psychologistId) as { id: string };
    expect((await teacher.post(`/api/children/${family.childId}/care-team/${member.id}/end`)).statusCode).toBe(200);
    expect(psychologistIn(await teamOf('teacher'))).toBeUndefined();
  });
});
