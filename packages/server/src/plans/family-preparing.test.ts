import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanList, PlanMeetingList, PlanView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { completeSip, contents, demoSipId } from './fixtures.ts';

/**
 * The family before the SIP is established (issue 14 points 2 and 7): the SIP's first meeting is
 * held while the plan is a draft, so the guardian and the child from the access age see that a
 * plan is being prepared (its kind, lead and principals), its meetings with their own invitation,
 * and fill in their preparation form; never the draft's contents, revisions or PDF. The team
 * sees all it saw before. A second SIP of the demo child Ebba (14) on the demo SIP's consent,
 * started and led by `socialworker`.
 */
let t: TestApp;
let family: Family;
let planId: string;
let meetingId: string;
let invitationId: string;
const draftTexts = ['SIP under förberedelse', 'Stöd i skolan', 'Närvaro minst 90 procent', 'Jag är i skolan', 'Vi vill veta vem som gör vad'];
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const planUrl = () => `/api/children/${family.childId}/plans/${planId}`;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  const now = t.app.services.clock.now();
  const { consent_id } = await t.database.db.selectFrom('plan').select('consent_id').where('id', '=', await demoSipId(t.database.db, family.childId)).executeTakeFirstOrThrow();
  const lead = await as('socialworker');
  const created = await lead.post(`/api/children/${family.childId}/plans`, { kind: 'sip', consentId: consent_id, contents: contents(now, { title: 'SIP under förberedelse' }) });
  expect(created.statusCode, created.body).toBe(201);
  planId = created.json().id;
  const startsAt = new Date(now.getTime() + 10 * 86_400_000).toISOString();
  const booked = await lead.post(`${planUrl()}/meetings`, { startsAt, place: 'Familjecentralen', digitalLink: 'https://mote.example/sip' });
  expect(booked.statusCode, booked.body).toBe(201);
  meetingId = (booked.json() as PlanMeetingList).meetings[0]!.id;
  const invited = await lead.post(`${planUrl()}/meetings/${meetingId}/invitations`, { kind: 'family', userId: family.guardianUserId });
  expect(invited.statusCode, invited.body).toBe(201);
  invitationId = (invited.json() as PlanMeetingList).meetings[0]!.invitees[0]!.id;
  const note = await lead.patch(`${planUrl()}/meetings/${meetingId}`, { notes: 'Teamets anteckning före mötet' });
  expect(note.statusCode, note.body).toBe(200);
});
afterAll(() => t.close());

describe('a SIP being prepared, as the family sees it', () => {
  it('is in the family’s list as a SIP being prepared, without its title or follow-up date, one entry per look', async () => {
    for (const [username, actions] of [['guardian', ['prepare']], ['child', []]] as const) {
      const res = await (await as(username)).get(`/api/children/${family.childId}/plans`);
      expect(res.statusCode, username).toBe(200);
      const plan = (res.json() as PlanList).plans.find((p) => p.id === planId);
      expect(plan, username).toMatchObject({ kind: 'sip', status: 'draft', title: '', nextFollowUpOn: null, missingSipContents: [], actions, fields: ['planning_lead', 'principals', 'meetings'] });
      for (const text of draftTexts) expect(res.body, username).not.toContain(text);
      expect(await auditOf(t.database.db, res), username).toEqual([expect.objectContaining({ action: 'child.plan.list', outcome: 'success' })]);
    }
  });

  it('shows who leads it and the principals taking part, and none of the draft’s revisions', async () => {
    const lead = await t.database.db.selectFrom('app_user').select('display_name').where('username', '=', 'socialworker').executeTakeFirstOrThrow();
    const orgs = await t.database.db.selectFrom('organisation').select('name').where('id', 'in', [family.municipality, family.region]).execute();
    for (const username of ['guardian', 'child']) {
      const res = await (await as(username)).get(planUrl());
      expect(res.statusCode, username).toBe(200);
      const view = res.json() as PlanView;
      expect(view, username).toMatchObject({ status: 'draft', revisions: [], approvals: [], waitingFor: [], planningLeadName: lead.display_name });
      expect([...view.principals].sort(), username).toEqual(orgs.map((o) => o.name).sort());
      for (const text of draftTexts) expect(res.body, username).not.toContain(text);
      expect(await auditOf(t.database.db, res), username).toEqual([expect.objectContaining({ action: 'child.plan.read', outcome: 'success' })]);
    }
  });

  it('shows its meeting’s time, place and link and her own invitation, not the notes or the team’s preparation notes', async () => {
    const guardian = await as('guardian');
    const res = await guardian.get(`${planUrl()}/meetings`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as PlanMeetingList;
    expect(list).toMatchObject({ nextMeetingId: meetingId, actions: [], inviteOptions: [], own: [invitationId] });
    expect(list.meetings[0]).toMatchObject({ place: 'Familjecentralen', digitalLink: 'https://mote.example/sip', notes: '', decisions: '' });
    expect(list.meetings[0]!.invitees.map((i) => i.id)).toEqual([invitationId]);
    expect(res.body).not.toContain('Teamets anteckning');
    expect(await auditOf(t.database.db, res)).toHaveLength(1);
    const notes = await guardian.get(`${planUrl()}/preparation-notes`);
    expect(notes.json()).toEqual({ notes: [], actions: [] });
    // Her invitation is opened and answered on the gate's give_consent, as for an established plan.
    const reply = await guardian.post(`/api/children/${family.childId}/meeting-invitations/${invitationId}/reply`, { reply: 'coming', comment: '' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ planKind: 'sip', place: 'Familjecentralen', reply: 'coming' });
  });

  it('puts her invitation in her inbox, linked to her child’s page where the plan is', async () => {
    const lead = await as('socialworker');
    const second = await lead.post(`${planUrl()}/meetings`, { startsAt: new Date(t.app.services.clock.now().getTime() + 20 * 86_400_000).toISOString(), place: 'Skolan', digitalLink: '' });
    const secondId = (second.json() as PlanMeetingList).meetings.find((m) => m.place === 'Skolan')!.id;
    expect((await lead.post(`${planUrl()}/meetings/${secondId}/invitations`, { kind: 'family', userId: family.guardianUserId })).statusCode).toBe(201);
    const inbox = (await (await as('guardian')).get('/api/inbox')).json() as { items: { kind: string; childId: string | null; link: string }[] };
    expect(inbox.items.filter((i) => i.kind === 'invitation' && i.childId === family.childId).map((i) => i.link)).toContain(`/my-children/${family.childId}`);
  });

  it('lets the guardian keep a draft of her form, change it and send it; the child (14) may not write, logged', async () => {
    const guardian = await as('guardian');
    const answers = { areas: { safe: 'Trygg hemma' }, goingWell: 'Fotbollen', wantToChange: '', whoAtMeeting: 'Mormor', shouldKnow: '' };
    expect((await guardian.post(`${planUrl()}/preparation`, { voice: 'guardian', answers, submit: false })).statusCode).toBe(200);
    const sent = await guardian.post(`${planUrl()}/preparation`, { voice: 'guardian', answers: { ...answers, goingWell: 'Fotbollen och skolan' }, submit: true });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ givenAs: 'guardian', submittedAt: expect.any(String), answers: { goingWell: 'Fotbollen och skolan' } });
    // The team reads what she sent, before the first meeting.
    const team = await (await as('psychologist')).get(`${planUrl()}/preparation`);
    expect(team.json().preparations).toMatchObject([{ voice: 'guardian', mine: false, answers: { goingWell: 'Fotbollen och skolan' } }]);
    const child = await (await as('child')).post(`${planUrl()}/preparation`, { voice: 'child', answers, submit: false });
    expect(child.statusCode).toBe(403);
    expect(await auditOf(t.database.db, child)).toEqual([expect.objectContaining({ outcome: 'denied' })]);
  });

  it('does not let her evaluate the draft’s goals, which she does not see', async () => {
    const res = await (await as('guardian')).post(`${planUrl()}/preparation`, { voice: 'child', answers: { goals: { g1: { outcome: 'reached', comment: '' } } }, submit: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('refuses the family the draft’s PDF, its revisions and its establishment, each logged as denied', async () => {
    for (const username of ['guardian', 'child']) {
      const client = await as(username);
      const pdf = await client.get(`${planUrl()}/pdf`);
      expect(pdf.statusCode, username).toBe(403);
      expect(pdf.json().error, username).toMatchObject({ code: 'access_denied', details: { reason: 'plan_being_prepared' } });
      expect(await auditOf(t.database.db, pdf), username).toEqual([expect.objectContaining({ action: 'child.plan.pdf', outcome: 'denied' })]);
      for (const [path, body] of [['revisions', { baseRevision: 1, contents: contents(t.app.services.clock.now()) }], ['establish', { revision: 1 }]] as const) {
        const res = await client.post(`${planUrl()}/${path}`, body);
        expect(res.statusCode, `${username} ${path}`).toBe(403);
        expect(await auditOf(t.database.db, res), `${username} ${path}`).toEqual([expect.objectContaining({ outcome: 'denied' })]);
      }
    }
  });
});

describe('the same SIP, as the team sees it', () => {
  it('shows its participants all they saw before: the draft, the meeting’s notes and what each may do', async () => {
    for (const [username, actions] of [['socialworker', ['save_revision', 'establish', 'close']], ['psychologist', ['save_revision']], ['nurse', ['save_revision']]] as const) {
      const client = await as(username);
      const view = (await client.get(planUrl())).json() as PlanView;
      expect(view, username).toMatchObject({ title: 'SIP under förberedelse', actions, fields: ['contents', 'planning_lead', 'meetings', 'meeting_records'], principals: [] });
      expect(view.revisions.map((r) => r.state), username).toEqual(['draft']);
      const meetings = (await client.get(`${planUrl()}/meetings`)).json() as PlanMeetingList;
      expect(meetings.meetings.find((m) => m.id === meetingId)!.notes, username).toBe('Teamets anteckning före mötet');
      expect((await client.get(`${planUrl()}/pdf`)).statusCode, username).toBe(200);
    }
  });

  it('is still not there for the teacher, who entered its consent, nor for an outsider, each look logged', async () => {
    for (const [username, status, outcome] of [['teacher', 404, 'failure'], ['outsider', 403, 'denied']] as const) {
      const res = await (await as(username)).get(`${planUrl()}/pdf`);
      expect(res.statusCode, username).toBe(status);
      expect(await auditOf(t.database.db, res), username).toEqual([expect.objectContaining({ outcome })]);
    }
  });
});

describe('the same SIP once established', () => {
  it('shows the family the plan in force and its PDF', async () => {
    const lead = await as('socialworker');
    const saved = await lead.post(`${planUrl()}/revisions`, { baseRevision: 1, contents: completeSip(t.app.services.clock.now(), { title: 'SIP under förberedelse' }) });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await lead.post(`${planUrl()}/establish`, { revision: 2 })).statusCode).toBe(200);
    const guardian = await as('guardian');
    const view = (await guardian.get(planUrl())).json() as PlanView;
    expect(view).toMatchObject({ status: 'established', title: 'SIP under förberedelse', fields: ['contents', 'planning_lead', 'principals', 'meetings'] });
    expect(view.revisions.map((r) => r.state)).toEqual(['in_force']);
    expect((await guardian.get(`${planUrl()}/pdf`)).statusCode).toBe(200);
  });
});
