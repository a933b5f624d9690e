import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type SipRequestList } from '@samsyn/core';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { demoSipId } from './fixtures.ts';

/**
 * The request for a SIP between the principals: the municipality's social services
 * (`socialworker`) and the region's health care (`psychologist`) ask and answer; the school,
 * student health, the family, outsiders and admins neither ask nor answer, each refusal logged.
 * The deadline and the days passed come from the services' clock.
 */

let t: TestApp;
let family: Family;
let sipId: string;
const url = () => `/api/children/${family.childId}/sip-requests`;
const day = (now: Date, offset: number) => stockholmDate(new Date(now.getTime() + offset * 86_400_000));

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
});
afterAll(() => t.close());

async function expectDenied(res: { statusCode: number; headers: Record<string, unknown>; body: string }, who: string, status = 403) {
  expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
  const entries = await auditOf(t.database.db, res);
  expect(entries, who).toHaveLength(1);
  // Refused by the gate (denied) or by the plan's own rule after it (failure): either way logged, never a success.
  expect(['denied', 'failure'], who).toContain(entries[0]!.outcome);
}

describe('the local deadline', () => {
  it('is 15 days unless SAMSYN_SIP_REQUEST_DEADLINE_DAYS says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).sipRequestDeadlineDays).toBe(15);
    expect(loadConfig({ NODE_ENV: 'test', SAMSYN_SIP_REQUEST_DEADLINE_DAYS: '5' }).sipRequestDeadlineDays).toBe(5);
  });
});

describe('a request from social services, refused by health care', () => {
  let requestId: string;

  it('is asked by the social worker, with the deadline from the clock and no days passed (logged without the reason)', async () => {
    const socialworker = await t.loginAs('socialworker');
    const res = await socialworker.post(url(), { reason: 'Behov av samordning med BUP.' });
    expect(res.statusCode, res.body).toBe(201);
    const now = t.app.services.clock.now();
    const list = res.json() as SipRequestList;
    expect(list.callerPrincipal).toBe('municipality');
    expect(list.mayRequest).toBe(false);
    expect(list.requests).toHaveLength(1);
    expect(list.requests[0]).toMatchObject({ fromPrincipal: 'municipality', toPrincipal: 'region', status: 'open', deadlineOn: day(now, 15), deadlineDays: 15, daysPassed: 0, daysLeft: 15, deadlinePassed: false, mayAnswer: false });
    requestId = list.requests[0]!.id;
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.sip_request.create', outcome: 'success' });
    expect(JSON.stringify(entries[0]!.details)).not.toContain('BUP');
    // One open request at a time.
    const again = await socialworker.post(url(), { reason: '' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('sip_request_state');
  });

  it('shows the days passed and the deadline passed as the clock moves on', async () => {
    const now = t.app.services.clock.now();
    // As if asked 20 days ago, with the deadline 15 days after.
    await t.database.db.updateTable('sip_request').set({ requested_at: new Date(now.getTime() - 20 * 86_400_000), deadline_on: day(now, -5) }).where('id', '=', requestId).execute();
    const res = await (await t.loginAs('psychologist')).get(url());
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as SipRequestList;
    expect(list.callerPrincipal).toBe('region');
    expect(list.requests[0]).toMatchObject({ id: requestId, daysPassed: 20, daysLeft: -5, deadlinePassed: true, mayAnswer: true });
    expect(list.sipOptions.map((o) => o.id)).toContain(sipId);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.sip_request.list', outcome: 'success' });
  });

  it('is not answered by the principal who asked, nor refused without a written reason', async () => {
    const own = await (await t.loginAs('socialworker')).post(`${url()}/${requestId}/answer`, { answer: 'refused', reason: 'Nej' });
    await expectDenied(own, 'socialworker');
    const psychologist = await t.loginAs('psychologist');
    for (const body of [{ answer: 'refused' }, { answer: 'refused', reason: '' }, { answer: 'refused', reason: '   ' }, { answer: 'maybe', reason: 'x' }]) {
      const res = await psychologist.post(`${url()}/${requestId}/answer`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('is answered by no one outside the two principals, each refusal logged', async () => {
    for (const username of ['teacher', 'nurse', 'guardian', 'child', 'outsider', 'sysadmin']) {
      const res = await (await t.loginAs(username)).post(`${url()}/${requestId}/answer`, { answer: 'accepted', planId: null, reason: '' });
      expect([403, 404], `${username}: ${res.body}`).toContain(res.statusCode);
      await expectDenied(res, username, res.statusCode);
    }
  });

  it('is refused by the psychologist with a reason, after the deadline, which the log records', async () => {
    const res = await (await t.loginAs('psychologist')).post(`${url()}/${requestId}/answer`, { answer: 'refused', reason: 'Barnet har ingen insats hos oss.' });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as SipRequestList;
    expect(list.requests[0]).toMatchObject({ status: 'refused', answerReason: 'Barnet har ingen insats hos oss.', deadlinePassed: true, mayAnswer: false, planId: null });
    expect(list.mayRequest).toBe(true);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.sip_request.answer', outcome: 'success', details: expect.objectContaining({ requestId, answer: 'refused', deadlinePassed: true }) });
    const twice = await (await t.loginAs('psychologist')).post(`${url()}/${requestId}/answer`, { answer: 'accepted', planId: null, reason: '' });
    expect(twice.statusCode).toBe(409);
  });
});

describe('a request from health care, accepted by social services', () => {
  it('links the child’s open SIP when accepted within the deadline', async () => {
    const asked = await (await t.loginAs('psychologist')).post(url(), { reason: '' });
    expect(asked.statusCode, asked.body).toBe(201);
    const request = (asked.json() as SipRequestList).requests.find((r) => r.status === 'open')!;
    expect(request).toMatchObject({ fromPrincipal: 'region', toPrincipal: 'municipality', daysPassed: 0 });
    const socialworker = await t.loginAs('socialworker');
    const notASip = await socialworker.post(`${url()}/${request.id}/answer`, { answer: 'accepted', planId: '00000000-0000-4000-8000-000000000000', reason: '' });
    expect(notASip.statusCode).toBe(400);
    const res = await socialworker.post(`${url()}/${request.id}/answer`, { answer: 'accepted', planId: sipId, reason: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as SipRequestList).requests.find((r) => r.id === request.id)).toMatchObject({ status: 'accepted', planId: sipId, deadlinePassed: false, daysPassed: 0 });
  });
});

describe('who may ask and see requests', () => {
  it('is refused to the school, student health, the family, outsiders and admins (logged), and shows them no request', async () => {
    for (const username of ['teacher', 'nurse', 'guardian', 'child', 'outsider', 'sysadmin']) {
      const client = await t.loginAs(username);
      const asked = await client.post(url(), { reason: 'Prov' });
      await expectDenied(asked, username);
      const listed = await client.get(url());
      expect((await auditOf(t.database.db, listed)).length, username).toBe(1);
      if (listed.statusCode === 200) expect((listed.json() as SipRequestList).requests, username).toEqual([]);
      else await expectDenied(listed, username);
    }
  });
});
