import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { verifyAuditChain } from '../audit/verify.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
/** The services' day, in Stockholm: consents in these tests start on it. */
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  today = stockholmDate(t.app.services.clock.now());
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

const consentsUrl = () => `/api/children/${family.childId}/consents`;

type Actor = { kind: 'professional'; name: string } | { kind: 'guardian' } | { kind: 'child' };

interface Consent {
  id: string;
  givenBy: string;
  guardianIds: string[];
  method: string;
  status: string;
  giverCounts: boolean;
  organisations: { id: string; name: string }[];
  recordedBy: Actor;
  withdrawnBy: Actor | null;
  withdrawalNote: string | null;
}

describe('without a session', () => {
  it('refuses every consent route', async () => {
    const anonymous = t.client();
    expect((await anonymous.get(consentsUrl())).statusCode).toBe(401);
    expect((await anonymous.post(consentsUrl(), {})).statusCode).toBe(401);
    expect((await anonymous.post(`${consentsUrl()}/${family.regionConsentId}/withdraw`, {})).statusCode).toBe(401);
  });
});

describe('reading consents', () => {
  it('shows the guardian every consent with its organisations, status and who recorded it, logged as their own record', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.get(consentsUrl());
    expect(res.statusCode).toBe(200);
    const consents = res.json().consents as Consent[];
    const region = consents.find((c) => c.id === family.regionConsentId)!;
    expect(region).toMatchObject({ status: 'in_force', giverCounts: true });
    expect(region.organisations).toEqual(expect.arrayContaining([{ id: family.region, name: 'Region Exempellän' }, { id: family.municipality, name: 'Exempelstads kommun' }]));
    expect(region.recordedBy).toMatchObject({ kind: 'professional', name: expect.stringMatching(/\S/) });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.consent.list', outcome: 'success', subject_id: family.childId, actor_username: 'guardian' });
    expect(entry!.details).toMatchObject({ category: 'consent', basis: 'own_record' });
  });

  it('shows the consents to a member of the team', async () => {
    const psychologist = await t.loginAs('psychologist');
    expect((await psychologist.get(consentsUrl())).statusCode).toBe(200);
  });

  it('refuses someone outside the team, and logs the refusal', async () => {
    const outsider = await t.loginAs('outsider');
    const res = await outsider.get(consentsUrl());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('access_denied');
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.consent.list', outcome: 'denied', actor_username: 'outsider' });
    expect(entry!.details).toMatchObject({ reason: 'not_in_care_team' });
  });

  it('refuses an analyst and a system administrator', async () => {
    for (const username of ['analyst', 'sysadmin']) {
      const res = await (await t.loginAs(username)).get(consentsUrl());
      expect(res.statusCode, username).toBe(403);
      expect(await auditOf(t.database.db, res)).toHaveLength(1);
    }
  });
});

describe('recording a consent', () => {
  const form = () => ({ givenBy: 'both_guardians', guardianIds: family.guardianIds, organisationIds: [family.region], categories: ['wellbeing'], validFrom: today });

  it('lets a professional in the team record a verbal consent only with a note, logged with the change', async () => {
    const socialworker = await t.loginAs('socialworker');
    const without = await socialworker.post(consentsUrl(), { ...form(), method: 'verbal' });
    expect(without.statusCode).toBe(400);
    const res = await socialworker.post(consentsUrl(), { ...form(), method: 'verbal', note: 'Båda vårdnadshavarna per telefon' });
    expect(res.statusCode).toBe(201);
    const consent = res.json() as Consent;
    expect(consent).toMatchObject({ givenBy: 'both_guardians', method: 'verbal', status: 'in_force', giverCounts: true });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.consent.give', outcome: 'success', actor_username: 'socialworker' });
    expect(entry!.details).toMatchObject({ consentId: consent.id, categories: ['wellbeing'] });
  });

  it('refuses an unknown organisation, an end before the start and an unknown category', async () => {
    const teacher = await t.loginAs('teacher');
    const unknown = await teacher.post(consentsUrl(), { ...form(), method: 'written', organisationIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.organisationIds', message: 'unknown_organisation' }]);
    expect((await auditOf(t.database.db, unknown))[0]).toMatchObject({ outcome: 'failure', action: 'child.consent.give' });
    expect((await teacher.post(consentsUrl(), { ...form(), method: 'written', validTo: '2020-01-01' })).statusCode).toBe(400);
    expect((await teacher.post(consentsUrl(), { ...form(), method: 'written', categories: ['gossip'] })).statusCode).toBe(400);
  });

  it('refuses one guardian named as both, a stranger named as guardian, and the child’s own consent before the age it counts', async () => {
    const teacher = await t.loginAs('teacher');
    const one = await teacher.post(consentsUrl(), { ...form(), method: 'written', guardianIds: [family.guardianIds[0]] });
    expect(one.statusCode).toBe(400);
    const stranger = await teacher.post(consentsUrl(), { ...form(), method: 'written', givenBy: 'guardian', guardianIds: [family.childId] });
    expect(stranger.json().error.details).toContainEqual({ path: 'body.givenBy', message: 'not_a_guardian_of_child' });
    const young = await teacher.post(consentsUrl(), { ...form(), method: 'written', givenBy: 'child', guardianIds: [] });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.details).toContainEqual({ path: 'body.givenBy', message: 'child_below_consent_age' });
  });

  it('lets the guardian give a consent digitally, recorded as theirs', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.post(consentsUrl(), { organisationIds: [family.municipality], categories: ['school'], validFrom: today });
    expect(res.statusCode).toBe(201);
    const consent = res.json() as Consent;
    expect(consent).toMatchObject({ givenBy: 'guardian', method: 'digital' });
    expect(consent.guardianIds).toHaveLength(1);
    expect(family.guardianIds).toContain(consent.guardianIds[0]);
    // Under joint custody one guardian's consent is recorded but does not count on its own.
    expect(consent.giverCounts).toBe(family.guardianIds.length <= 1);
  });

  it('refuses a guardian who names someone else as the giver', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.post(consentsUrl(), { givenBy: 'both_guardians', organisationIds: [family.municipality], categories: ['school'], validFrom: today });
    expect(res.statusCode).toBe(400);
  });

  it('refuses an outsider, and logs it', async () => {
    const outsider = await t.loginAs('outsider');
    const res = await outsider.post(consentsUrl(), { ...form(), method: 'written' });
    expect(res.statusCode).toBe(403);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ outcome: 'denied', action: 'child.consent.give' });
  });
});

describe('who recorded and who withdrew a consent', () => {
  const displayNameOf = async (userId: string) =>
    (await t.database.db.selectFrom('app_user').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow()).display_name;

  it('shows the team a consent the guardian gave digitally as given by a guardian, never with her name or account', async () => {
    const guardian = await t.loginAs('guardian');
    const given = await guardian.post(consentsUrl(), { organisationIds: [family.municipality], categories: ['wellbeing'], validFrom: today });
    expect(given.statusCode).toBe(201);
    expect((given.json() as Consent).recordedBy).toEqual({ kind: 'guardian' });
    const guardianName = await displayNameOf(family.guardianUserId);
    for (const username of ['teacher', 'psychologist']) {
      const res = await (await t.loginAs(username)).get(consentsUrl());
      expect(res.statusCode, username).toBe(200);
      const consent = (res.json().consents as Consent[]).find((c) => c.id === given.json().id)!;
      expect(consent.recordedBy).toEqual({ kind: 'guardian' });
      expect(res.body, username).not.toContain(guardianName);
      expect(res.body, username).not.toContain(family.guardianUserId);
    }
  });

  it('names the professional who recorded a consent, who acts in office', async () => {
    const socialworker = await t.loginAs('socialworker');
    const socialworkerId = (await socialworker.get('/api/auth/me')).json().id as string;
    const res = await socialworker.post(consentsUrl(), { givenBy: 'both_guardians', guardianIds: family.guardianIds, method: 'written', organisationIds: [family.region], categories: ['school'], validFrom: today });
    expect(res.statusCode).toBe(201);
    const name = await displayNameOf(socialworkerId);
    expect((res.json() as Consent).recordedBy).toEqual({ kind: 'professional', name });
    const seen = ((await (await t.loginAs('guardian')).get(consentsUrl())).json().consents as Consent[]).find((c) => c.id === res.json().id)!;
    expect(seen.recordedBy).toEqual({ kind: 'professional', name });
  });
});

describe('withdrawing a consent', () => {
  it('the guardian withdraws consent and the psychologist’s next request is refused', async () => {
    const psychologist = await t.loginAs('psychologist');
    expect((await psychologist.get(`/api/children/${family.childId}`)).statusCode).toBe(200);

    const guardian = await t.loginAs('guardian');
    const res = await guardian.post(`${consentsUrl()}/${family.regionConsentId}/withdraw`, { note: 'Vi vill inte längre att BUP tar del av planen' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnBy: { kind: 'guardian' }, withdrawalNote: 'Vi vill inte längre att BUP tar del av planen' });
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.consent.withdraw', outcome: 'success', actor_username: 'guardian' });

    const next = await psychologist.get(`/api/children/${family.childId}`);
    expect(next.statusCode).toBe(403);
    expect(next.json().error.details).toEqual({ reason: 'team_consent_not_in_force', actions: ['open_emergency_access'] });
    expect((await auditOf(t.database.db, next))[0]).toMatchObject({ outcome: 'denied', actor_username: 'psychologist' });

    // The school's own basis does not rest on that consent.
    const teacher = await t.loginAs('teacher');
    expect((await teacher.get(`/api/children/${family.childId}`)).statusCode).toBe(200);
  });

  it('keeps the withdrawn consent in the history, after the current ones, and withdraws only once', async () => {
    const guardian = await t.loginAs('guardian');
    const consents = (await guardian.get(consentsUrl())).json().consents as Consent[];
    const withdrawn = consents.findIndex((c) => c.id === family.regionConsentId);
    expect(consents[withdrawn]!.status).toBe('withdrawn');
    expect(consents.slice(0, withdrawn).every((c) => c.status === 'in_force' || c.status === 'not_yet_valid')).toBe(true);
    const again = await guardian.post(`${consentsUrl()}/${family.regionConsentId}/withdraw`, {});
    expect(again.statusCode).toBe(409);
    expect((await auditOf(t.database.db, again))[0]).toMatchObject({ outcome: 'failure', action: 'child.consent.withdraw' });
  });

  it('answers not found for a consent of another child', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.post(`${consentsUrl()}/00000000-0000-4000-8000-000000000000/withdraw`, {});
    expect(res.statusCode).toBe(404);
  });

  it('refuses the 14-year-old child’s withdrawal of the guardians’ consent (their own counts from 15), logged', async () => {
    const guardian = await t.loginAs('guardian');
    const given = (await guardian.post(consentsUrl(), { organisationIds: [family.municipality], categories: ['school'], validFrom: today })).json() as Consent;
    const res = await (await t.loginAs('child')).post(`${consentsUrl()}/${given.id}/withdraw`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual({ reason: 'not_theirs_to_withdraw' });
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.consent.withdraw', outcome: 'denied', actor_username: 'child' });
    expect((await guardian.get(consentsUrl())).json().consents.find((c: Consent) => c.id === given.id).status).toBe('in_force');
  });
});

describe('a withdrawal by the child, where their own consent counts from 14', () => {
  let young: TestApp;
  beforeAll(async () => {
    young = await createTestApp({ consentRules: { jointCustody: 'both_guardians', childConsentFromAge: 14, childAccessFromAge: 13 } });
  });
  afterAll(() => young.close());

  it('is shown as by the child, without their account', async () => {
    const url = `/api/children/${family.childId}/consents`;
    const given = (await (await young.loginAs('guardian')).post(url, { organisationIds: [family.municipality], categories: ['school'], validFrom: today })).json() as Consent;
    const res = await (await young.loginAs('child')).post(`${url}/${given.id}/withdraw`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', recordedBy: { kind: 'guardian' }, withdrawnBy: { kind: 'child' } });
    const list = await (await young.loginAs('teacher')).get(url);
    expect((list.json().consents as Consent[]).find((c) => c.id === given.id)!.withdrawnBy).toEqual({ kind: 'child' });
    expect(list.body).not.toContain(family.childUserId);
  });
});

describe('the audit log', () => {
  it('still verifies after every consent read, refusal and change', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
