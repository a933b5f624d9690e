import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type PlanList, type PlanView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, demoFamily, placeOf, type Family } from '../test/fixtures.ts';
import { completeSip, contents, demoSipId, municipalConsentId } from './fixtures.ts';

let t: TestApp;
let family: Family;
let sipId: string;
let now: Date;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const plansUrl = () => `/api/children/${family.childId}/plans`;
const noAccess = ['outsider', 'sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'intake'];

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
  now = t.app.services.clock.now();
});
afterAll(() => t.close());

describe('the demo SIP, as every demo role sees it', () => {
  it('shows the participants the plan with what each may do, and leaves one entry per look', async () => {
    const expected: Record<string, string[]> = { socialworker: ['save_revision', 'close'], psychologist: ['save_revision'], nurse: ['save_revision'], guardian: ['approve', 'prepare'], child: [] };
    for (const [username, actions] of Object.entries(expected)) {
      const res = await (await as(username)).get(plansUrl());
      expect(res.statusCode, username).toBe(200);
      const sip = (res.json() as PlanList).plans.find((p) => p.id === sipId);
      expect(sip, username).toMatchObject({ kind: 'sip', status: 'established', inForceRevision: 3, proposedRevision: 4, actions });
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.plan.list', outcome: 'success', subject_id: family.childId });
    }
  });

  it('never makes the teacher a participant: she entered the consent the SIP rests on', async () => {
    const teacher = await as('teacher');
    expect((await teacher.get(plansUrl())).json().plans.map((p: { id: string }) => p.id)).not.toContain(sipId);
    const res = await teacher.get(`${plansUrl()}/${sipId}`);
    expect(res.statusCode).toBe(404);
    expect(await auditOf(t.database.db, res)).toHaveLength(1);
    expect((await teacher.post(`${plansUrl()}/${sipId}/revisions`, { baseRevision: 4, contents: contents(now) })).statusCode).toBe(404);
  });

  it('refuses everyone without a basis, and logs each refusal', async () => {
    for (const username of noAccess) {
      const client = await as(username);
      for (const res of [await client.get(plansUrl()), await client.get(`${plansUrl()}/${sipId}`)]) {
        expect(res.statusCode, username).toBe(403);
        const entries = await auditOf(t.database.db, res);
        expect(entries, username).toHaveLength(1);
        expect(entries[0]!.outcome).toBe('denied');
      }
    }
  });

  it('shows the team every revision with the domain it was written in, the family only the one in force and the proposal', async () => {
    const team = (await (await as('socialworker')).get(`${plansUrl()}/${sipId}`)).json() as PlanView;
    expect(team.revisions.map((r) => [r.number, r.state])).toEqual([[4, 'proposed'], [3, 'in_force'], [2, 'superseded'], [1, 'superseded']]);
    expect(team.revisions[0]).toMatchObject({ authorName: 'Petra Psykolog', secrecyDomainName: 'Hälso- och sjukvård' });
    expect(team.missingSipContents).toEqual([]);
    expect(team.waitingFor).toEqual(['guardian']);
    const guardian = (await (await as('guardian')).get(`${plansUrl()}/${sipId}`)).json() as PlanView;
    expect(guardian.revisions.map((r) => r.state)).toEqual(['proposed', 'in_force']);
    expect(guardian.missingSipContents).toEqual([]);
  });

  it('lets nobody but the team’s participants write, and the family not at all', async () => {
    for (const username of [...noAccess, 'guardian', 'child']) {
      const res = await (await as(username)).post(`${plansUrl()}/${sipId}/revisions`, { baseRevision: 4, contents: contents(now) });
      expect(res.statusCode, username).toBe(403);
      expect(await auditOf(t.database.db, res), username).toHaveLength(1);
    }
  });
});

describe('starting a plan', () => {
  it('starts a child’s plan on a consent that names the starter, written in their secrecy domain', async () => {
    const consentId = await municipalConsentId(t.database.db, family.childId);
    const res = await (await as('nurse')).post(plansUrl(), { kind: 'child_plan', consentId, contents: contents(now) });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json() as PlanView;
    expect(view).toMatchObject({ kind: 'child_plan', status: 'draft', headRevision: 1, inForceRevision: null, secrecyDomainName: 'Elevhälsans medicinska och psykologiska insats', actions: ['save_revision', 'establish', 'close'] });
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.plan.create', outcome: 'success', details: expect.objectContaining({ category: 'plan', planId: view.id, consentId }) });
    // The family sees that a plan is being prepared, nothing of its draft (plans/family-preparing.test.ts).
    expect((await (await as('guardian')).get(`${plansUrl()}/${view.id}`)).json()).toMatchObject({ status: 'draft', title: '', revisions: [] });
  });

  it('refuses a consent that does not name the starter, and anyone who may not write', async () => {
    const consentId = await municipalConsentId(t.database.db, family.childId);
    const region = await (await as('psychologist')).post(plansUrl(), { kind: 'child_plan', consentId, contents: contents(now) });
    expect(region.statusCode).toBe(403);
    expect(region.json().error.details.reason).toBe('no_plan_consent');
    for (const username of ['outsider', 'guardian', 'child', 'sysadmin']) {
      expect((await (await as(username)).post(plansUrl(), { kind: 'child_plan', consentId, contents: contents(now) })).statusCode, username).toBe(403);
    }
  });

  it('refuses bad contents with 400 and writes nothing', async () => {
    const consentId = await municipalConsentId(t.database.db, family.childId);
    const bad = [contents(now, { title: ' ' }), contents(now, { goals: [{ ...contents(now).goals[0]!, needId: 'nope' }] }), { ...contents(now), needs: [{ id: 'n1', description: 'x', areas: ['happy'] }] }];
    for (const body of bad) {
      const res = await (await as('socialworker')).post(plansUrl(), { kind: 'sip', consentId, contents: body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});

describe('a SIP on a consent between two secrecy domains', () => {
  let planId: string;
  beforeAll(async () => {
    // The lead professional records the guardians' signed form: social services and BUP, the plan only.
    const [social, bup] = await Promise.all([placeOf(t.database.db, 'socialworker'), placeOf(t.database.db, 'psychologist')]);
    const domains = await t.database.db.selectFrom('unit_secrecy_domain').select(['unit_id', 'secrecy_domain_id']).where('unit_id', 'in', [social.unitId!, bup.unitId!]).where('valid_to', 'is', null).execute();
    // The teacher, the named person, records it, so it widens nobody's access but hers would.
    const consent = await (await as('teacher')).post(`/api/children/${family.childId}/consents`, { givenBy: 'both_guardians', guardianIds: family.guardianIds, method: 'written', organisationIds: [], domainIds: domains.map((d) => d.secrecy_domain_id), categories: ['plan'], validFrom: stockholmDate(now) });
    expect(consent.statusCode, consent.body).toBe(201);
    const res = await (await as('socialworker')).post(plansUrl(), { kind: 'sip', consentId: consent.json().id, contents: contents(now, { title: 'SIP mellan två områden' }) });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
  });

  it('is read by its parties, and not by a member of another domain whom another consent would let read plans', async () => {
    expect((await (await as('psychologist')).get(`${plansUrl()}/${planId}`)).statusCode).toBe(200);
    const nurse = await as('nurse');
    expect((await nurse.get(plansUrl())).json().plans.map((p: { id: string }) => p.id)).not.toContain(planId);
    expect((await nurse.get(`${plansUrl()}/${planId}`)).statusCode).toBe(404);
    const write = await nurse.post(`${plansUrl()}/${planId}/revisions`, { baseRevision: 1, contents: contents(now) });
    expect(write.statusCode).toBe(404);
    expect(await auditOf(t.database.db, write)).toHaveLength(1);
  });

  it('is refused establishment until its legal contents are complete, in words the form can list', async () => {
    const lead = await as('socialworker');
    const refused = await lead.post(`${plansUrl()}/${planId}/establish`, { revision: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'sip_contents_missing', details: { missing: ['municipality_interventions', 'region_interventions', 'others_interventions', 'overall_responsibility'] } });
    const entries = await auditOf(t.database.db, refused);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.plan.establish', outcome: 'failure' });
    expect((await lead.get(`${plansUrl()}/${planId}`)).json().missingSipContents).toHaveLength(4);
    // The region writes its part in its own domain.
    const saved = await (await as('psychologist')).post(`${plansUrl()}/${planId}/revisions`, { baseRevision: 1, contents: completeSip(now, { title: 'SIP mellan två områden' }), note: 'BUP:s del' });
    expect(saved.statusCode, saved.body).toBe(201);
    const row = await t.database.db.selectFrom('plan_revision').select('organisation_id').where('plan_id', '=', planId).where('number', '=', 2).executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(family.region);
    expect((await (await as('psychologist')).post(`${plansUrl()}/${planId}/establish`, { revision: 2 })).statusCode).toBe(403);
    const established = await lead.post(`${plansUrl()}/${planId}/establish`, { revision: 2 });
    expect(established.statusCode, established.body).toBe(200);
    expect(established.json()).toMatchObject({ status: 'established', inForceRevision: 2, proposedRevision: null, missingSipContents: [] });
    expect((await lead.post(`${plansUrl()}/${planId}/establish`, { revision: 2 })).json().error.code).toBe('plan_state');
  });

  it('tells the second of two saves on the same revision of the conflict, with both versions, and logs no plan text', async () => {
    const [social, bup] = [await as('socialworker'), await as('psychologist')];
    const base = (await social.get(`${plansUrl()}/${planId}`)).json() as PlanView;
    const first = await bup.post(`${plansUrl()}/${planId}/revisions`, { baseRevision: base.headRevision, contents: { ...base.revisions[0]!.contents, childViews: 'Första sparningen' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ proposedRevision: base.headRevision + 1, inForceRevision: 2 });
    const second = await social.post(`${plansUrl()}/${planId}/revisions`, { baseRevision: base.headRevision, contents: { ...base.revisions[0]!.contents, childViews: 'Andra sparningen, hemlig text' } });
    expect(second.statusCode).toBe(409);
    const error = second.json().error;
    expect(error.code).toBe('plan_revision_conflict');
    expect(error.details).toMatchObject({ reason: 'stale_base_revision', baseRevision: base.headRevision, headRevision: base.headRevision + 1 });
    expect(error.details.theirs.contents.childViews).toBe('Första sparningen');
    expect(error.details.yours.childViews).toBe('Andra sparningen, hemlig text');
    const entries = await auditOf(t.database.db, second);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.plan.revise', outcome: 'failure' });
    expect(JSON.stringify(entries[0])).not.toContain('sparningen');
    const revisions = await t.database.db.selectFrom('plan_revision').select('number').where('plan_id', '=', planId).execute();
    expect(revisions).toHaveLength(base.headRevision + 1);
  });

  it('is closed by its lead with a reason, and takes no change after', async () => {
    const lead = await as('socialworker');
    expect((await (await as('psychologist')).post(`${plansUrl()}/${planId}/close`, { reason: 'goals_reached', note: '' })).statusCode).toBe(403);
    expect((await lead.post(`${plansUrl()}/${planId}/close`, { reason: 'other', note: '' })).statusCode).toBe(400);
    const closed = await lead.post(`${plansUrl()}/${planId}/close`, { reason: 'moved', note: 'Familjen har flyttat.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'moved', actions: [] });
    const after = await lead.post(`${plansUrl()}/${planId}/revisions`, { baseRevision: closed.json().headRevision, contents: contents(now) });
    expect(after.statusCode).toBe(409);
    expect(after.json().error).toMatchObject({ code: 'plan_state', details: { reason: 'plan_closed' } });
  });
});
