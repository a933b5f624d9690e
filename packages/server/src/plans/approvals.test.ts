import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '@samsyn/core';
import { fixedClock, systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { demoSipId } from './fixtures.ts';

/**
 * The family's approval of a change to an established plan: the demo SIP's proposed revision 4
 * waits for the guardians (`guardian`, and Göran, who has no account) and, from the consent age
 * (15), the child. Until then it is proposed and revision 3 is in force.
 */

let t: TestApp;
let family: Family;
let sipId: string;
const url = () => `/api/children/${family.childId}/plans/${sipId}`;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
});
afterAll(() => t.close());

describe('a proposed change under joint custody', () => {
  it('stays proposed after one guardian’s approval, waiting for the other', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.post(`${url()}/approvals`, { revision: 4, decision: 'approved', comment: '' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ inForceRevision: 3, proposedRevision: 4, waitingFor: ['guardian'], approvals: [{ revision: 4, by: 'guardian', decision: 'approved' }] });
    // Approved once: the policy no longer offers it to her.
    expect(res.json().actions).toEqual(['prepare']);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.plan.approve', outcome: 'success', details: expect.objectContaining({ planId: sipId, revision: 4, decision: 'approved', inForce: false }) });
    const again = await guardian.post(`${url()}/approvals`, { revision: 4, decision: 'approved', comment: '' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'plan_state', details: { reason: 'already_approved' } });
    expect(await auditOf(t.database.db, again)).toHaveLength(1);
  });

  it('takes a comment, which is no approval, and refuses an answer to a revision that is not the proposal', async () => {
    const guardian = await t.loginAs('guardian');
    const commented = await guardian.post(`${url()}/approvals`, { revision: 4, decision: 'commented', comment: 'Kan sömnskolan vara på eftermiddagen?' });
    expect(commented.statusCode).toBe(201);
    expect((commented.json() as PlanView).approvals.map((a) => a.decision)).toEqual(['approved', 'commented']);
    expect((await guardian.post(`${url()}/approvals`, { revision: 4, decision: 'commented', comment: '' })).statusCode).toBe(400);
    expect((await guardian.post(`${url()}/approvals`, { revision: 3, decision: 'approved', comment: '' })).json().error.details.reason).toBe('not_the_proposal');
  });

  it('is refused to the child below the consent age, to professionals and to outsiders, each refusal logged', async () => {
    for (const username of ['child', 'socialworker', 'psychologist', 'teacher', 'outsider', 'sysadmin']) {
      const res = await (await t.loginAs(username)).post(`${url()}/approvals`, { revision: 4, decision: 'approved', comment: '' });
      expect(res.statusCode, username).toBe(403);
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]!.outcome, username).toBe('denied');
    }
  });
});

describe('when the consent rules are met', () => {
  let later: TestApp;
  beforeAll(async () => {
    // Half a year on, Ebba is 15: her own approval counts, and one guardian's suffices here.
    const clock = fixedClock(new Date(systemClock(testClockOffsetDays).now().getTime() + 200 * 86_400_000));
    const rules = { ...loadConfig({ NODE_ENV: 'test' }).consentRules, jointCustody: 'either_guardian' as const };
    later = await createTestApp({ consentRules: rules }, { clock });
  });
  afterAll(() => later.close());

  it('waits for the child from the consent age, then puts the change in force in the same transaction', async () => {
    const guardian = await later.loginAs('guardian');
    const first = await guardian.post(`${url()}/approvals`, { revision: 4, decision: 'approved', comment: '' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ inForceRevision: 3, waitingFor: ['child'] });
    const child = await later.loginAs('child');
    expect((await child.get(`/api/children/${family.childId}/plans`)).json().plans[0].actions).toEqual(['approve', 'prepare']);
    const second = await child.post(`${url()}/approvals`, { revision: 4, decision: 'approved', comment: 'Bra' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ inForceRevision: 4, proposedRevision: null, waitingFor: [], actions: ['prepare'] });
    expect((second.json() as PlanView).revisions.map((r) => r.state)).toEqual(['in_force']);
    const entries = await auditOf(later.database.db, second);
    expect(entries[0]).toMatchObject({ action: 'child.plan.approve', details: expect.objectContaining({ inForce: true, givenAs: 'child' }) });
  });
});
