import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily, newcomer, userIdOf, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let family: Family;
let receiver: { username: string; userId: string };

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  receiver = await newcomer(t.database.db, family.childId, family.municipality, 'youth_follow_up');
});
afterAll(() => t.close());

const handoversUrl = () => `/api/children/${family.childId}/handovers`;

interface Handover {
  id: string;
  childId: string;
  childName: unknown;
  lifeStage: string;
  status: string;
  from: { id: string } | null;
  to: { id: string };
  basis: string;
  consentId: string | null;
  legalGroundCode: string | null;
  note: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
}

interface Member {
  userId: string;
  role: string;
  basis: string;
  consentId: string | null;
  current: boolean;
}

describe('proposing a handover of the named person', () => {
  it('is refused to a team member, and logged', async () => {
    const res = await (await t.loginAs('nurse')).post(handoversUrl(), { toUserId: receiver.userId, toOrganisationId: family.municipality, lifeStage: 'youth_follow_up', previousNamedPerson: 'leaves' });
    expect(res.statusCode).toBe(403);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.handover.propose', outcome: 'denied' });
  });

  it('is refused to the lead professional while there is a named person', async () => {
    const res = await (await t.loginAs('socialworker')).post(handoversUrl(), { toUserId: receiver.userId, toOrganisationId: family.municipality, lifeStage: 'youth_follow_up', previousNamedPerson: 'leaves' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'not_named_person' } });
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ outcome: 'denied' });
  });

  it('needs a receiver who works as a professional in the receiving organisation', async () => {
    const res = await (await t.loginAs('teacher')).post(handoversUrl(), { toUserId: receiver.userId, toOrganisationId: family.region, lifeStage: 'youth_follow_up', previousNamedPerson: 'leaves' });
    expect(res.statusCode).toBe(400);
  });

  it('is proposed by the named person, one at a time, on the own organisation’s basis within it, and logged', async () => {
    const teacher = await t.loginAs('teacher');
    const basis = { kind: 'own_organisation' };
    const res = await teacher.post(handoversUrl(), { toUserId: receiver.userId, toOrganisationId: family.municipality, lifeStage: 'youth_follow_up', previousNamedPerson: 'leaves', note: 'Ebba går ut nian i vår', basis });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', lifeStage: 'youth_follow_up', previousStaysMember: false, from: { id: await userIdOf(t.database.db, 'teacher') }, basis: 'own_organisation', consentId: null, legalGroundCode: null });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.handover.propose', outcome: 'success' });
    expect(entry!.details).toMatchObject({ proposed: { toUserId: receiver.userId, basis } });
    const second = await teacher.post(handoversUrl(), { toUserId: receiver.userId, toOrganisationId: family.municipality, lifeStage: 'youth_follow_up', previousNamedPerson: 'leaves' });
    expect(second.statusCode).toBe(409);
  });
});

let pending: Handover;
let next: { username: string; userId: string };

describe('answering a handover', () => {

  it('shows the receiver what they are taking on, the child’s name, the life stage and the note, on the basis of being proposed, and logs the look', async () => {
    const asReceiver = await t.loginAs(receiver.username);
    const res = await asReceiver.get('/api/handovers?status=pending');
    expect(res.statusCode).toBe(200);
    // The demo has handovers of other children; this one is Ebba's.
    const handovers = (res.json().handovers as Handover[]).filter((h) => h.childId === family.childId);
    expect(handovers).toHaveLength(1);
    pending = handovers[0]!;
    expect(pending).toMatchObject({ childId: family.childId, lifeStage: 'youth_follow_up', previousStaysMember: false, childName: { givenName: 'Ebba' }, status: 'pending', note: 'Ebba går ut nian i vår' });
    // Not yet on the team: being proposed is the gate's basis for exactly this look, one entry of this request.
    const entries = (await auditOf(t.database.db, res)).filter((e) => e.subject_id === family.childId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.handover.list', outcome: 'success', actor_username: receiver.username, request_id: res.headers['x-request-id'] });
    expect(entries[0]!.details).toMatchObject({ basis: 'handover', reason: 'handover_receiver', category: 'record', handoverIds: [pending.id] });
    // The proposer follows it too, and may withdraw it; the receiver may not.
    const teachers = (await (await t.loginAs('teacher')).get('/api/handovers')).json().handovers as Handover[];
    expect(teachers.filter((h) => h.childId === family.childId)).toEqual([expect.objectContaining({ id: pending.id, proposedByCaller: true, status: 'pending' })]);
    expect(pending).toMatchObject({ proposedByCaller: false });
  });

  it('is refused to anyone but the receiver, and logged', async () => {
    const res = await (await t.loginAs('nurse')).post(`/api/handovers/${pending.id}/accept`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual({ reason: 'not_receiver' });
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.handover.accept', outcome: 'denied', subject_id: family.childId });
  });

  it('on acceptance ends the old named person’s membership and starts the receiver’s as named person', async () => {
    const asReceiver = await t.loginAs(receiver.username);
    const res = await asReceiver.post(`/api/handovers/${pending.id}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.handover.accept', outcome: 'success', subject_type: 'child', subject_id: family.childId, actor_username: receiver.username });
    expect(entry!.details).toMatchObject({ basis: 'own_organisation', reason: 'named_person_handover' });

    const team = (await asReceiver.get(`/api/children/${family.childId}/care-team?history=true`)).json().members as Member[];
    const teacherId = await userIdOf(t.database.db, 'teacher');
    expect(team.filter((m) => m.current && m.role === 'named_person')).toEqual([expect.objectContaining({ userId: receiver.userId, basis: 'own_organisation', consentId: null })]);
    expect(team.filter((m) => m.userId === teacherId)).toEqual([expect.objectContaining({ role: 'named_person', current: false })]);

    expect((await asReceiver.get(`/api/children/${family.childId}`)).statusCode).toBe(200);
    expect((await (await t.loginAs('teacher')).get(`/api/children/${family.childId}`)).statusCode).toBe(403);
    const again = await asReceiver.post(`/api/handovers/${pending.id}/accept`);
    expect(again.statusCode).toBe(409);
  });

  it('on decline leaves the named person in place', async () => {
    next = await newcomer(t.database.db, family.childId, family.municipality, 'youth_follow_up');
    const named = await t.loginAs(receiver.username);
    // Left out, the basis is the proposer's own organisation.
    const proposed = (await named.post(handoversUrl(), { toUserId: next.userId, toOrganisationId: family.municipality, lifeStage: 'youth_follow_up', previousNamedPerson: 'leaves' })).json() as Handover;
    expect(proposed).toMatchObject({ status: 'pending', basis: 'own_organisation' });
    const asNext = await t.loginAs(next.username);
    const res = await asNext.post(`/api/handovers/${proposed.id}/decline`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('declined');
    // A declined handover carries its basis, like an accepted one.
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.handover.decline', outcome: 'success', details: { basis: expect.stringMatching(/^(own_organisation|consent|legal_duty)$/), declined: true } });
    const team = (await named.get(`/api/children/${family.childId}/care-team`)).json().members as Member[];
    expect(team.find((m) => m.role === 'named_person')!.userId).toBe(receiver.userId);
    const ebbas = async (url: string) => ((await asNext.get(url)).json().handovers as Handover[]).filter((h) => h.childId === family.childId);
    expect(await ebbas('/api/handovers?status=declined')).toHaveLength(1);
    expect(await ebbas('/api/handovers')).toHaveLength(0);
  });

  it('answers not found for an unknown handover', async () => {
    expect((await (await t.loginAs('teacher')).post('/api/handovers/00000000-0000-4000-8000-000000000000/accept')).statusCode).toBe(404);
  });
});

describe('the decided handovers', () => {
  // The demo data has handovers of other children too; these tests follow Ebba's.
  const list = async (username: string, status: string) => {
    const res = await (await t.loginAs(username)).get(`/api/handovers?status=${status}`);
    expect(res.statusCode).toBe(200);
    const all = res.json().handovers as Handover[];
    return { all, handovers: all.filter((h) => h.childId === family.childId), entries: (await auditOf(t.database.db, res)).filter((e) => e.subject_id === family.childId) };
  };

  it('shows the receiver who accepted, now named person, both decisions they took part in, with the name, logged', async () => {
    const { handovers, entries } = await list(receiver.username, 'all');
    expect(handovers.map((h) => h.status)).toEqual(['declined', 'accepted']);
    expect(handovers[0]).toMatchObject({ to: { id: next.userId }, from: { id: receiver.userId }, declinedAt: expect.any(String), acceptedAt: null, childName: { givenName: 'Ebba' } });
    expect(handovers[1]).toMatchObject({ id: pending.id, to: { id: receiver.userId }, acceptedAt: expect.any(String), declinedAt: null, childName: { givenName: 'Ebba' } });
    // Both rows name the same child: one gate entry for the child, naming both rows.
    expect(handovers.map((h) => h.note)).toEqual([null, 'Ebba går ut nian i vår']);
    expect(entries.map((e) => [e.action, e.outcome, e.details])).toEqual([['child.handover.list', 'success', expect.objectContaining({ basis: 'own_organisation', handoverIds: expect.arrayContaining(handovers.map((h) => h.id)) })]]);
  });

  it('shows the named person who handed over the acceptance, without the name or her own note now that she has left the team, and logs the refusal', async () => {
    const { handovers, entries } = await list('teacher', 'accepted');
    expect(handovers).toEqual([expect.objectContaining({ id: pending.id, status: 'accepted', childName: null, note: null, from: { id: await userIdOf(t.database.db, 'teacher'), displayName: 'Tove Lärare' } })]);
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([['child.handover.list', 'denied']]);
    expect(entries[0]!.details).toMatchObject({ basis: null, reason: 'not_in_care_team', handoverIds: [pending.id] });
    expect((await list('teacher', 'declined')).handovers).toEqual([]);
  });

  it('shows the one who declined their decision, without the name', async () => {
    const { handovers, entries } = await list(next.username, 'all');
    expect(handovers).toEqual([expect.objectContaining({ status: 'declined', to: { id: next.userId, displayName: expect.any(String) }, childName: null, note: null })]);
    expect(entries.map((e) => e.outcome)).toEqual(['denied']);
  });

  it('lists what waits for an answer before what is decided', async () => {
    const named = await t.loginAs(receiver.username);
    const proposed = await named.post(handoversUrl(), { toUserId: next.userId, toOrganisationId: family.municipality, lifeStage: 'youth_follow_up', previousNamedPerson: 'leaves', note: 'Ett nytt försök' });
    expect(proposed.statusCode).toBe(201);
    const { all, handovers } = await list(next.username, 'all');
    expect(handovers.map((h) => h.status)).toEqual(['pending', 'declined']);
    const statuses = all.map((h) => h.status);
    expect(statuses.slice(statuses.findIndex((status) => status !== 'pending'))).not.toContain('pending');
    expect((await list(next.username, 'pending')).handovers.map((h) => h.id)).toEqual([proposed.json().id]);
  });

  it('shows nothing to a team member or an outsider who took no part', async () => {
    for (const username of ['nurse', 'socialworker', 'outsider']) {
      const { handovers, entries } = await list(username, 'all');
      expect(handovers, username).toEqual([]);
      expect(entries, username).toEqual([]);
    }
  });
});

describe('a handover to another organisation', () => {
  // The named person is now `receiver`, at the municipality; Ebba's guardians have consented to
  // the region seeing her plan (family.regionConsentId), and to the municipality in other consents.
  let today = '';
  beforeAll(() => {
    today = stockholmDate(t.app.services.clock.now());
  });
  const propose = (username: string, to: { userId: string }, toOrganisationId: string, basis?: unknown) =>
    t.loginAs(username).then((c) => c.post(handoversUrl(), { toUserId: to.userId, toOrganisationId, lifeStage: 'school', previousNamedPerson: 'leaves', ...(basis ? { basis } : {}) }));
  const teamNow = async (username: string) => (await (await t.loginAs(username)).get(`/api/children/${family.childId}/care-team`)).json().members as Member[];
  let regional: { username: string; userId: string };

  it('is refused without a consent that reaches the receiver’s organisation or a legal ground, each refusal logged once', async () => {
    // One handover waits at a time: the one proposed to `next` above is declined first.
    const waiting = ((await (await t.loginAs(next.username)).get('/api/handovers?status=pending')).json().handovers as Handover[]).filter((h) => h.childId === family.childId);
    for (const h of waiting) expect((await (await t.loginAs(next.username)).post(`/api/handovers/${h.id}/decline`)).statusCode).toBe(200);

    regional = await newcomer(t.database.db, family.childId, family.region, 'child_health_care');
    const municipalConsent = await t.database.db
      .selectFrom('consent')
      .select('id')
      .where('child_id', '=', family.childId)
      .where((eb) => eb(eb.val(family.municipality), '=', eb.fn.any('organisation_ids')))
      .where((eb) => eb.not(eb(eb.val(family.region), '=', eb.fn.any('organisation_ids'))))
      .where('withdrawn_at', 'is', null)
      .executeTakeFirstOrThrow();
    const refused = [
      [undefined, 'own_organisation_mismatch'],
      [{ kind: 'own_organisation' }, 'own_organisation_mismatch'],
      [{ kind: 'consent', consentId: municipalConsent.id }, 'consent_does_not_cover'],
      [{ kind: 'legal_duty', legalGroundCode: 'osl_emergency_health' }, 'legal_ground_not_applicable'],
    ] as const;
    for (const [basis, reason] of refused) {
      const res = await propose(receiver.username, regional, family.region, basis);
      expect(res.statusCode, reason).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason } });
      const entries = await auditOf(t.database.db, res);
      expect(entries, reason).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.handover.propose', outcome: 'denied', subject_id: family.childId, actor_username: receiver.username });
      expect(entries[0]!.details).toMatchObject({ refusal: { reason } });
    }
    const unknown = await propose(receiver.username, regional, family.region, { kind: 'consent', consentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.basis.consentId', message: 'unknown_consent' }]);
    expect(((await (await t.loginAs(regional.username)).get('/api/handovers?status=pending')).json().handovers as Handover[]).filter((h) => h.childId === family.childId)).toEqual([]);
  });

  it('is proposed under a consent that reaches the receiver’s organisation, and accepted: the new named person is on the team under that consent', async () => {
    const basis = { kind: 'consent', consentId: family.regionConsentId };
    const proposed = await propose(receiver.username, regional, family.region, basis);
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ status: 'pending', basis: 'consent', consentId: family.regionConsentId, legalGroundCode: null });
    expect((await auditOf(t.database.db, proposed))[0]!.details).toMatchObject({ proposed: { basis } });

    const asRegional = await t.loginAs(regional.username);
    const [waiting] = ((await asRegional.get('/api/handovers?status=pending')).json().handovers as Handover[]).filter((h) => h.childId === family.childId);
    expect(waiting).toMatchObject({ id: proposed.json().id, basis: 'consent', consentId: family.regionConsentId });
    const res = await asRegional.post(`/api/handovers/${waiting!.id}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', basis: 'consent', consentId: family.regionConsentId });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.handover.accept', outcome: 'success' });
    expect(entry!.details).toMatchObject({ basis: 'consent', consentId: family.regionConsentId, reason: 'named_person_handover' });

    const named = (await teamNow(regional.username)).filter((m) => m.role === 'named_person');
    expect(named).toEqual([expect.objectContaining({ userId: regional.userId, basis: 'consent', consentId: family.regionConsentId, current: true })]);
    expect((await asRegional.get(`/api/children/${family.childId}`)).statusCode).toBe(200);
  });

  it('is not accepted once the consent it rests on has been withdrawn: refused and logged, and the receiver stays out of the team', async () => {
    // The region's named person hands over to a school at the municipality, under a consent given for it.
    const school = await newcomer(t.database.db, family.childId, family.municipality, 'school');
    const given = await (await t.loginAs('socialworker')).post(`/api/children/${family.childId}/consents`, {
      givenBy: 'both_guardians', guardianIds: family.guardianIds, method: 'written', organisationIds: [family.municipality], categories: ['school'], validFrom: today,
    });
    expect(given.statusCode).toBe(201);
    const consentId = given.json().id as string;
    const proposed = await propose(regional.username, school, family.municipality, { kind: 'consent', consentId });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ basis: 'consent', consentId });

    const withdrawn = await (await t.loginAs('guardian')).post(`/api/children/${family.childId}/consents/${consentId}/withdraw`, {});
    expect(withdrawn.statusCode).toBe(200);

    const asSchool = await t.loginAs(school.username);
    const res = await asSchool.post(`/api/handovers/${proposed.json().id}/accept`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'handover_basis_lapsed' } });
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.handover.accept', outcome: 'denied', subject_id: family.childId, actor_username: school.username });
    expect(entries[0]!.details).toMatchObject({ basis: 'consent', consentId, reason: 'consent_does_not_cover', refusal: { reason: 'handover_basis_lapsed' } });

    const team = await teamNow(regional.username);
    expect(team.filter((m) => m.role === 'named_person').map((m) => m.userId)).toEqual([regional.userId]);
    expect(team.map((m) => m.userId)).not.toContain(school.userId);
    expect((await asSchool.get(`/api/children/${family.childId}`)).statusCode).toBe(403);
    // Still waiting for an answer: the receiver declines, and a new handover can be proposed.
    expect((await asSchool.post(`/api/handovers/${proposed.json().id}/decline`)).statusCode).toBe(200);
  });
});

describe('the audit log', () => {
  it('still verifies after the handovers', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
