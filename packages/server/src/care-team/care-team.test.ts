import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { addEntry, auditOf, demoFamily, newcomer, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let family: Family;
let municipalConsentId: string;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  const consent = await t.database.db
    .selectFrom('consent')
    .select('id')
    .where('child_id', '=', family.childId)
    .where((eb) => eb(eb.val(family.municipality), '=', eb.fn.any('organisation_ids')))
    .where('given_by', '=', 'both_guardians')
    .executeTakeFirstOrThrow();
  municipalConsentId = consent.id;
});
afterAll(() => t.close());

const teamUrl = () => `/api/children/${family.childId}/care-team`;

interface Member {
  id: string;
  userId: string;
  role: string;
  basis: string;
  current: boolean;
  endsAt: string | null;
  endedBy: { displayName: string } | null;
  addedBy: { displayName: string } | null;
}

interface Category {
  category: string;
  sharedFromOthers: boolean;
  entries: { organisationId: string; title: string }[];
}

describe('without a session', () => {
  it('refuses every care-team and handover route', async () => {
    const anonymous = t.client();
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [['GET', teamUrl()], ['POST', teamUrl()], ['POST', `${teamUrl()}/${id}/end`], ['POST', `/api/children/${family.childId}/handovers`], ['GET', '/api/handovers'], ['POST', `/api/handovers/${id}/accept`], ['POST', `/api/handovers/${id}/decline`]] as const) {
      expect((await anonymous.request(method, url, method === 'GET' ? undefined : {})).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('the care team', () => {
  it('shows the team now to its members, logged', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get(teamUrl());
    expect(res.statusCode).toBe(200);
    const members = res.json().members as Member[];
    expect(members.map((m) => m.role).sort()).toEqual(['lead_professional', 'member', 'member', 'named_person']);
    expect(members.every((m) => m.current)).toBe(true);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.care_team.read', outcome: 'success', actor_username: 'teacher' });
  });

  it('refuses someone outside the team, and logs it', async () => {
    const res = await (await t.loginAs('outsider')).get(teamUrl());
    expect(res.statusCode).toBe(403);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.care_team.read', outcome: 'denied' });
  });
});

describe('adding a member', () => {
  it('professional A adds B from another organisation after consent, and B sees the consented categories and nothing else', async () => {
    await addEntry(t.database.db, family.childId, 'socialworker', 'plan', 'Samordnad plan från socialtjänsten');
    await addEntry(t.database.db, family.childId, 'nurse', 'health', 'Hälsosamtal i elevhälsan');
    const b = await newcomer(t.database.db, family.childId, family.region, 'habilitation');
    const asB = await t.loginAs(b.username);
    expect((await asB.get(`/api/children/${family.childId}`)).statusCode).toBe(403);

    const socialworker = await t.loginAs('socialworker');
    const res = await socialworker.post(teamUrl(), { userId: b.userId, organisationId: family.region, role: 'member', basis: { kind: 'consent', consentId: family.regionConsentId } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ userId: b.userId, role: 'member', basis: 'consent', current: true, addedBy: { displayName: 'Sixten Socialsekreterare' } });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.care_team.add', outcome: 'success', actor_username: 'socialworker' });
    expect(entry!.details).toMatchObject({ category: 'care_team', added: { userId: b.userId, role: 'member' } });

    const record = await asB.get(`/api/children/${family.childId}`);
    expect(record.statusCode).toBe(200);
    const categories = record.json().categories as Category[];
    const plan = categories.find((c) => c.category === 'plan')!;
    expect(plan.sharedFromOthers).toBe(true);
    expect(plan.entries.map((e) => e.title)).toContain('Samordnad plan från socialtjänsten');
    for (const other of categories.filter((c) => c.category !== 'plan')) {
      expect(other.sharedFromOthers, other.category).toBe(false);
      // Only what the region itself wrote, never the municipality's entries.
      expect(other.entries.every((e) => e.organisationId === family.region), other.category).toBe(true);
    }
    expect(categories.find((c) => c.category === 'health')!.entries.map((e) => e.title)).not.toContain('Hälsosamtal i elevhälsan');
  });

  it('refuses a member from another organisation without a consent that reaches it or a legal ground, and logs each refusal', async () => {
    const c = await newcomer(t.database.db, family.childId, family.region, 'primary_care');
    const socialworker = await t.loginAs('socialworker');
    const add = (basis: unknown) => socialworker.post(teamUrl(), { userId: c.userId, organisationId: family.region, role: 'member', basis });
    const refused = [
      [{ kind: 'own_organisation' }, 'own_organisation_mismatch'],
      [{ kind: 'consent', consentId: municipalConsentId }, 'consent_does_not_cover'],
      [{ kind: 'legal_duty', legalGroundCode: 'osl_emergency_health' }, 'legal_ground_not_applicable'],
      [{ kind: 'legal_duty', legalGroundCode: 'sol2001_duty_to_report' }, 'legal_ground_not_applicable'],
    ] as const;
    for (const [basis, reason] of refused) {
      const res = await add(basis);
      expect(res.statusCode, reason).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason } });
      const [entry] = await auditOf(t.database.db, res);
      expect(entry).toMatchObject({ action: 'child.care_team.add', outcome: 'denied' });
      expect(entry!.details).toMatchObject({ refusal: { reason } });
    }
    const unknown = await add({ kind: 'legal_duty', legalGroundCode: 'no_such_ground' });
    expect(unknown.statusCode).toBe(400);
    expect((await (await t.loginAs(c.username)).get(`/api/children/${family.childId}`)).statusCode).toBe(403);

    const lawful = await add({ kind: 'legal_duty', legalGroundCode: 'sol_investigation' });
    expect(lawful.statusCode).toBe(201);
    expect(lawful.json()).toMatchObject({ basis: 'legal_duty', legalGroundCode: 'sol_investigation' });
  });

  it('refuses a user who is not a professional in the organisation named', async () => {
    const socialworker = await t.loginAs('socialworker');
    const outsider = await newcomer(t.database.db, family.childId, family.region, 'child_health_care');
    const res = await socialworker.post(teamUrl(), { userId: outsider.userId, organisationId: family.municipality, role: 'member', basis: { kind: 'own_organisation' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.organisationId', message: 'not_a_professional_there' }]);
  });

  it('a team member cannot add members, and the refusal is logged', async () => {
    const d = await newcomer(t.database.db, family.childId, family.municipality, 'school');
    const nurse = await t.loginAs('nurse');
    const res = await nurse.post(teamUrl(), { userId: d.userId, organisationId: family.municipality, role: 'member', basis: { kind: 'own_organisation' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'access_denied', details: { reason: 'not_team_coordinator' } });
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.care_team.add', outcome: 'denied', actor_username: 'nurse' });
  });

  it('keeps one named person at a time and adds nobody twice', async () => {
    const d = await newcomer(t.database.db, family.childId, family.municipality, 'school');
    const teacher = await t.loginAs('teacher');
    const body = { userId: d.userId, organisationId: family.municipality, basis: { kind: 'own_organisation' } };
    const second = await teacher.post(teamUrl(), { ...body, role: 'named_person' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details).toEqual({ reason: 'role_taken' });
    expect((await auditOf(t.database.db, second))[0]).toMatchObject({ outcome: 'failure' });
    expect((await teacher.post(teamUrl(), { ...body, role: 'member' })).statusCode).toBe(201);
    const twice = await teacher.post(teamUrl(), { ...body, role: 'member' });
    expect(twice.json().error.details).toEqual({ reason: 'already_in_team' });
  });
});

describe('ending a membership', () => {
  it('ends it and keeps it as history; a role change is an end and an add', async () => {
    const e = await newcomer(t.database.db, family.childId, family.municipality, 'student_health');
    const teacher = await t.loginAs('teacher');
    const added = (await teacher.post(teamUrl(), { userId: e.userId, organisationId: family.municipality, role: 'member', basis: { kind: 'own_organisation' } })).json() as Member;

    const ended = await teacher.post(`${teamUrl()}/${added.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: added.id, current: false, endedBy: { displayName: 'Tove Lärare' } });
    expect((await auditOf(t.database.db, ended))[0]).toMatchObject({ action: 'child.care_team.end', outcome: 'success' });

    const now = (await teacher.get(teamUrl())).json().members as Member[];
    expect(now.map((m) => m.id)).not.toContain(added.id);
    const history = (await teacher.get(`${teamUrl()}?history=true`)).json().members as Member[];
    expect(history.find((m) => m.id === added.id)).toMatchObject({ current: false, endsAt: expect.any(String) });

    const again = await teacher.post(`${teamUrl()}/${added.id}/end`);
    expect(again.statusCode).toBe(409);

    const readded = await teacher.post(teamUrl(), { userId: e.userId, organisationId: family.municipality, role: 'member', basis: { kind: 'own_organisation' } });
    expect(readded.statusCode).toBe(201);
    const rows = (await teacher.get(`${teamUrl()}?history=true`)).json().members as Member[];
    expect(rows.filter((m) => m.userId === e.userId)).toHaveLength(2);
  });

  it('a team member cannot end memberships', async () => {
    const teacher = await t.loginAs('teacher');
    const lead = ((await teacher.get(teamUrl())).json().members as Member[]).find((m) => m.role === 'lead_professional')!;
    const res = await (await t.loginAs('nurse')).post(`${teamUrl()}/${lead.id}/end`);
    expect(res.statusCode).toBe(403);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ outcome: 'denied' });
  });
});

describe('the audit log', () => {
  it('still verifies after every team read, refusal and change', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
