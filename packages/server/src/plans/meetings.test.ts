import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationView, OpenInvitation, PlanMeetingList } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { startTestSmtp, type TestSmtp } from '../test/smtp.ts';
import { auditOf, demoFamily, userIdOf, type Family } from '../test/fixtures.ts';
import { demoSipId } from './fixtures.ts';
import { openRowsFor, toOpen } from './meeting-invitations.ts';

/**
 * A meeting of the demo SIP, led by `socialworker`: a summons to `psychologist` (the region), an
 * invitation to `teacher` (the school) and one to someone outside Samsyn, the family's invitation
 * to `guardian`; receipts, replies, attendance and notes; the family reads its own part only; the
 * notice mails reach a real SMTP server and hold no personal data. The demo's own meeting of that
 * SIP, next month and sooner than the test's, stands beside it (demo/plan-meetings.ts).
 */

let t: TestApp;
let smtp: TestSmtp;
let family: Family;
let sipId: string;
let meetingId: string;
let demoMeetingId: string;
const ours = (list: PlanMeetingList) => list.meetings.find((m) => m.id === meetingId)!;
const invitations: Record<string, string> = {};
const meetingsUrl = () => `/api/children/${family.childId}/plans/${sipId}/meetings`;
const invitationUrl = (id: string) => `/api/children/${family.childId}/meeting-invitations/${id}`;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ smtp: smtp.config });
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function expectDenied(res: { statusCode: number; headers: Record<string, unknown>; body: string }, who: string) {
  expect([403, 404], `${who}: ${res.body}`).toContain(res.statusCode);
  const entries = await auditOf(t.database.db, res);
  expect(entries, who).toHaveLength(1);
  // Refused by the gate (denied) or by the plan's own rule after it (failure): either way logged, never a success.
  expect(['denied', 'failure'], who).toContain(entries[0]!.outcome);
}

describe('a meeting of the SIP', () => {
  it('is booked by the planning lead and refused to those outside the plan (logged)', async () => {
    const startsAt = new Date(t.app.services.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const body = { startsAt, place: 'Familjecentralen, rum 2', digitalLink: 'https://mote.example/sip-1' };
    for (const username of ['guardian', 'child', 'outsider', 'sysadmin']) await expectDenied(await (await t.loginAs(username)).post(meetingsUrl(), body), username);
    expect((await (await t.loginAs('socialworker')).post(meetingsUrl(), { ...body, startsAt: 'next week' })).statusCode).toBe(400);
    const res = await (await t.loginAs('socialworker')).post(meetingsUrl(), body);
    expect(res.statusCode, res.body).toBe(201);
    const list = res.json() as PlanMeetingList;
    expect(list.actions).toEqual(['write', 'invite']);
    // The demo's meeting next month, with its summons and two invitations, and the one just booked.
    expect(list.meetings).toHaveLength(2);
    meetingId = list.meetings.find((m) => m.place === body.place)!.id;
    const demo = list.meetings.find((m) => m.id !== meetingId)!;
    demoMeetingId = demo.id;
    expect(demo.invitees.map((i) => i.kind)).toEqual(['summons', 'invitation', 'family']);
    expect(ours(list).invitees).toEqual([]);
    // The sooner of the two is the next.
    expect(list.nextMeetingId).toBe(demoMeetingId);
    expect(list.inviteOptions.find((o) => o.userId === family.guardianUserId)?.suggestedKind).toBe('family');
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.plan.meeting.create', outcome: 'success' });
  });

  it('sends a summons to the psychologist, invitations to the teacher, an outside guest and the guardian', async () => {
    const socialworker = await t.loginAs('socialworker');
    const [psychologist, teacher] = await Promise.all([userIdOf(t.database.db, 'psychologist'), userIdOf(t.database.db, 'teacher')]);
    const url = `${meetingsUrl()}/${meetingId}/invitations`;
    // A summons is for an obliged principal only, the family's invitation for the family only.
    expect((await socialworker.post(url, { kind: 'summons', userId: teacher })).statusCode).toBe(400);
    expect((await socialworker.post(url, { kind: 'invitation', userId: family.guardianUserId })).statusCode).toBe(400);
    expect((await socialworker.post(url, { kind: 'family', userId: psychologist })).statusCode).toBe(400);
    const sent = [
      ['psychologist', { kind: 'summons', userId: psychologist }],
      ['teacher', { kind: 'invitation', userId: teacher }],
      ['guest', { kind: 'invitation', externalName: 'Frida Försäkringskassan', externalEmail: 'frida@fk.example' }],
      ['guardian', { kind: 'family', userId: family.guardianUserId }],
    ] as const;
    for (const [who, body] of sent) {
      const res = await socialworker.post(url, body);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(201);
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.plan.meeting.invite', outcome: 'success', details: expect.objectContaining({ kind: body.kind }) });
      expect(JSON.stringify(entries[0]!.details)).not.toContain('frida');
    }
    expect((await socialworker.post(url, { kind: 'summons', userId: psychologist })).json().error.details.reason).toBe('already_invited');
    const list = (await socialworker.get(meetingsUrl())).json() as PlanMeetingList;
    const invitees = ours(list).invitees;
    expect(invitees.map((i) => i.kind)).toEqual(['summons', 'invitation', 'invitation', 'family']);
    expect(invitees.every((i) => i.deliveredAt && i.readAt === null && i.reply === null)).toBe(true);
    invitations.psychologist = invitees[0]!.id;
    invitations.teacher = invitees[1]!.id;
    invitations.guardian = invitees[3]!.id;
  });

  it('is refused to the teacher, who leads nothing, and to the family and outsiders (logged)', async () => {
    const body = { kind: 'invitation', externalName: 'Någon', externalEmail: 'nagon@example.org' };
    for (const username of ['teacher', 'guardian', 'outsider', 'sysadmin']) await expectDenied(await (await t.loginAs(username)).post(`${meetingsUrl()}/${meetingId}/invitations`, body), username);
  });

  it('mails a notice to each invitee with an address, naming no one and no identity number', async () => {
    const mails = await smtp.waitFor(4);
    expect(mails.map((m) => m.to).flat().sort()).toEqual(['frida@fk.example', 'guardian@exempellan.example', 'psychologist@exempellan.example', 'teacher@exempellan.example']);
    expect(mails.find((m) => m.to.includes('psychologist@exempellan.example'))!.subject).toBe('Du har en ny kallelse i Samsyn');
    expect(mails.find((m) => m.to.includes('teacher@exempellan.example'))!.subject).toBe('Du har en ny inbjudan i Samsyn');
    const names = await t.database.db.selectFrom('app_user').select('display_name').where('id', 'in', [family.childUserId, family.guardianUserId, await userIdOf(t.database.db, 'socialworker'), await userIdOf(t.database.db, 'psychologist')]).execute();
    for (const mail of mails) {
      expect(mail.text).toContain(t.app.services.config.appUrl);
      for (const secret of ['20120514-9824', '201205149824', '120514', 'Frida', ...names.flatMap((n) => n.display_name.split(' '))]) expect(mail.raw, secret).not.toContain(secret);
    }
  });
});

describe('the invitee', () => {
  it('finds the summons among their open ones, with ids and times only', async () => {
    const psychologist = await t.loginAs('psychologist');
    const res = await psychologist.get('/api/me/meeting-invitations');
    expect(res.statusCode).toBe(200);
    const open = res.json().invitations as OpenInvitation[];
    // The demo meeting's summons first (it is sooner), then the one just sent.
    expect(open).toEqual([expect.objectContaining({ meetingId: demoMeetingId, kind: 'summons' }), expect.objectContaining({ id: invitations.psychologist, childId: family.childId, planId: sipId, meetingId, kind: 'summons', readAt: null })]);
    expect((await openRowsFor(t.database.db, await userIdOf(t.database.db, 'psychologist'), t.app.services.clock.now())).map(toOpen)).toEqual(open);
    // The family's invitation counts as an invitation.
    expect((await openRowsFor(t.database.db, family.guardianUserId, t.app.services.clock.now())).map(toOpen).map((i) => [i.meetingId, i.kind])).toEqual([[demoMeetingId, 'invitation'], [meetingId, 'invitation']]);
    expect((await (await t.loginAs('outsider')).get('/api/me/meeting-invitations')).json().invitations).toEqual([]);
  });

  it('opens it: the first look is the read receipt, logged; another’s invitation is not there (logged)', async () => {
    const psychologist = await t.loginAs('psychologist');
    const first = await psychologist.get(invitationUrl(invitations.psychologist!));
    expect(first.statusCode, first.body).toBe(200);
    const view = first.json() as InvitationView;
    expect(view).toMatchObject({ kind: 'summons', planId: sipId, meetingId, digitalLink: 'https://mote.example/sip-1' });
    expect(view.readAt).not.toBeNull();
    expect((await auditOf(t.database.db, first))[0]).toMatchObject({ action: 'child.meeting_invitation.read', outcome: 'success' });
    const second = (await psychologist.get(invitationUrl(invitations.psychologist!))).json() as InvitationView;
    expect(second.readAt).toBe(view.readAt);
    for (const username of ['socialworker', 'teacher', 'nurse', 'guardian', 'child', 'outsider', 'sysadmin']) await expectDenied(await (await t.loginAs(username)).get(invitationUrl(invitations.psychologist!)), username);
  });

  it('replies coming or not with a comment; no one else replies for them (logged)', async () => {
    for (const username of ['socialworker', 'teacher', 'guardian', 'outsider']) await expectDenied(await (await t.loginAs(username)).post(`${invitationUrl(invitations.psychologist!)}/reply`, { reply: 'coming', comment: '' }), username);
    const psychologist = await t.loginAs('psychologist');
    expect((await psychologist.post(`${invitationUrl(invitations.psychologist!)}/reply`, { reply: 'perhaps', comment: '' })).statusCode).toBe(400);
    const res = await psychologist.post(`${invitationUrl(invitations.psychologist!)}/reply`, { reply: 'coming', comment: 'Kommer digitalt.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reply: 'coming', replyComment: 'Kommer digitalt.' });
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.meeting_invitation.reply', outcome: 'success' });
    // Answered: no longer open; the demo meeting's summons still is.
    expect(((await psychologist.get('/api/me/meeting-invitations')).json().invitations as OpenInvitation[]).map((i) => i.meetingId)).toEqual([demoMeetingId]);
    const teacher = await (await t.loginAs('teacher')).post(`${invitationUrl(invitations.teacher!)}/reply`, { reply: 'not_coming', comment: 'Har lektion.' });
    expect(teacher.statusCode, teacher.body).toBe(200);
  });

  it('is the guardian, who replies through the family’s consent action', async () => {
    const guardian = await t.loginAs('guardian');
    const opened = await guardian.get(invitationUrl(invitations.guardian!));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ kind: 'family', digitalLink: 'https://mote.example/sip-1' });
    const res = await guardian.post(`${invitationUrl(invitations.guardian!)}/reply`, { reply: 'coming', comment: '' });
    expect(res.statusCode, res.body).toBe(200);
    // The family's invitation stands on the gate alone, never the invitee's own basis.
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.meeting_invitation.reply', outcome: 'success', details: expect.objectContaining({ action: 'give_consent', basis: expect.any(String) }) });
    expect((await auditOf(t.database.db, opened))[0]).toMatchObject({ action: 'child.meeting_invitation.read', outcome: 'success', details: expect.objectContaining({ basis: expect.any(String) }) });
  });
});

describe('the meeting held', () => {
  it('records attendance, notes and decisions by PATCH (a team member of the plan); the family cannot', async () => {
    const body = { notes: 'Ebba berättade om skolan.', decisions: 'BUP kallar till samtal.', held: true, attendance: [{ invitationId: invitations.psychologist!, attendance: 'present' }, { invitationId: invitations.teacher!, attendance: 'absent' }] };
    for (const username of ['guardian', 'child', 'outsider', 'sysadmin']) await expectDenied(await (await t.loginAs(username)).patch(`${meetingsUrl()}/${meetingId}`, body), username);
    const socialworker = await t.loginAs('socialworker');
    expect((await socialworker.patch(`${meetingsUrl()}/${meetingId}`, {})).statusCode).toBe(409);
    expect((await socialworker.patch(`${meetingsUrl()}/${meetingId}`, { attendance: [{ invitationId: '00000000-0000-4000-8000-000000000000', attendance: 'present' }] })).statusCode).toBe(400);
    const res = await socialworker.patch(`${meetingsUrl()}/${meetingId}`, body);
    expect(res.statusCode, res.body).toBe(200);
    const meeting = ours(res.json() as PlanMeetingList);
    expect(meeting).toMatchObject({ notes: body.notes, decisions: body.decisions });
    expect(meeting.heldAt).not.toBeNull();
    expect(meeting.invitees.map((i) => i.attendance)).toEqual(['present', 'absent', null, null]);
    const entries = await auditOf(t.database.db, res);
    expect(entries[0]).toMatchObject({ action: 'child.plan.meeting.update', outcome: 'success', details: expect.objectContaining({ changed: expect.arrayContaining(['notes', 'attendance']) }) });
    expect(JSON.stringify(entries[0]!.details)).not.toContain('Ebba');
  });

  it('shows the psychologist the notes, and the guardian the time and her own invitation but no notes, decisions or other invitees', async () => {
    const team = (await (await t.loginAs('psychologist')).get(meetingsUrl())).json() as PlanMeetingList;
    expect(ours(team).notes).toBe('Ebba berättade om skolan.');
    const res = await (await t.loginAs('guardian')).get(meetingsUrl());
    expect(res.statusCode, res.body).toBe(200);
    const own = res.json() as PlanMeetingList;
    expect(own.actions).toEqual([]);
    expect(ours(own)).toMatchObject({ notes: '', decisions: '', place: 'Familjecentralen, rum 2' });
    expect(ours(own).invitees.map((i) => i.id)).toEqual([invitations.guardian]);
    // Her own invitation to the demo's meeting too, and no one else's.
    expect(own.meetings.find((m) => m.id === demoMeetingId)!.invitees.map((i) => i.kind)).toEqual(['family']);
    expect(res.body).not.toContain('BUP kallar');
    for (const username of ['outsider', 'sysadmin']) await expectDenied(await (await t.loginAs(username)).get(meetingsUrl()), username);
  });

  it('takes no more replies once held', async () => {
    const res = await (await t.loginAs('teacher')).post(`${invitationUrl(invitations.teacher!)}/reply`, { reply: 'coming', comment: '' });
    expect(res.statusCode).toBe(409);
    // The teacher is on the team: the refusal is logged on the gate's basis, not the invitee's own.
    const refused = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'child.meeting_invitation.reply').where('outcome', '=', 'failure').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(refused.details).toMatchObject({ basis: expect.any(String) });
    expect(refused.details).not.toMatchObject({ reason: 'meeting_invitee' });
  });
});

describe('the list of one’s open invitations, asked of the gate', () => {
  let second: string;
  const lookOf = async (res: { headers: Record<string, unknown> }) => (await auditOf(t.database.db, res)).filter((e) => e.action === 'child.meeting_invitation.list');

  it('shows an invitee who is not on the team their invitation on their own basis, and logs the look naming the child', async () => {
    const socialworker = await t.loginAs('socialworker');
    const startsAt = new Date(t.app.services.clock.now().getTime() + 40 * 86_400_000).toISOString();
    const booked = await socialworker.post(meetingsUrl(), { startsAt, place: 'Rådhuset', digitalLink: '' });
    expect(booked.statusCode, booked.body).toBe(201);
    second = (booked.json() as PlanMeetingList).meetings.find((m) => m.place === 'Rådhuset')!.id;
    const coordinatorId = await userIdOf(t.database.db, 'coordinator');
    for (const body of [{ kind: 'invitation', userId: coordinatorId }, { kind: 'summons', userId: await userIdOf(t.database.db, 'psychologist') }, { kind: 'family', userId: family.guardianUserId }]) {
      expect((await socialworker.post(`${meetingsUrl()}/${second}/invitations`, body)).statusCode).toBe(201);
    }
    const coordinator = await t.loginAs('coordinator');
    // Not on the team: the gate refuses the record itself.
    expect((await coordinator.get(`/api/children/${family.childId}`)).statusCode).toBe(403);
    const res = await coordinator.get('/api/me/meeting-invitations');
    expect(res.statusCode, res.body).toBe(200);
    const open = res.json().invitations as OpenInvitation[];
    expect(open).toEqual([expect.objectContaining({ childId: family.childId, meetingId: second, kind: 'invitation' })]);
    const looks = await lookOf(res);
    expect(looks).toEqual([expect.objectContaining({ subject_type: 'child', subject_id: family.childId, outcome: 'success', details: expect.objectContaining({ reason: 'meeting_invitee', basis: null, invitationIds: [open[0]!.id] }) })]);
    const raw = await t.database.db.selectFrom('audit_log').select(['subject_type', 'details']).where('request_id', '=', String(res.headers['x-request-id'])).execute();
    expect(raw).toEqual([expect.objectContaining({ subject_type: 'child_list' })]);
  });

  it('lets that invitee open and answer it on their own basis, without the child’s name, one entry each; the lead sees the receipt and the reply', async () => {
    const coordinator = await t.loginAs('coordinator');
    const invitationId = ((await coordinator.get('/api/me/meeting-invitations')).json().invitations as OpenInvitation[])[0]!.id;
    const opened = await coordinator.get(invitationUrl(invitationId));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ id: invitationId, kind: 'invitation', meetingId: second, place: 'Rådhuset', planKind: 'sip', sentByName: expect.any(String) });
    const child = await t.database.db.selectFrom('child').select(['given_name', 'family_name', 'identity_number']).where('id', '=', family.childId).executeTakeFirstOrThrow();
    for (const secret of [child.given_name, child.family_name, child.identity_number]) expect(opened.body, secret).not.toContain(secret);
    const areaEntry = { subject_type: 'child', subject_id: family.childId, outcome: 'success', details: expect.objectContaining({ basis: null, reason: 'meeting_invitee', gateReason: expect.any(String), invitationId }) };
    expect(await auditOf(t.database.db, opened)).toEqual([expect.objectContaining({ action: 'child.meeting_invitation.read', ...areaEntry })]);
    const replied = await coordinator.post(`${invitationUrl(invitationId)}/reply`, { reply: 'coming', comment: 'Jag tar med skolplanen.' });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ reply: 'coming', replyComment: 'Jag tar med skolplanen.' });
    expect(await auditOf(t.database.db, replied)).toEqual([expect.objectContaining({ action: 'child.meeting_invitation.reply', ...areaEntry })]);
    // No reason of its own to anything else of the child: the record and the plan's meetings stay refused.
    await expectDenied(await coordinator.get(meetingsUrl()), 'coordinator');
    const lead = (await (await t.loginAs('socialworker')).get(meetingsUrl())).json() as PlanMeetingList;
    const seen = lead.meetings.find((m) => m.id === second)!.invitees.find((i) => i.id === invitationId)!;
    expect(seen).toMatchObject({ reply: 'coming', replyComment: 'Jag tar med skolplanen.' });
    expect(seen.readAt).not.toBeNull();
  });

  it('refuses another professional, not invited, the invitation and its reply (logged)', async () => {
    const invitationId = (await openRowsFor(t.database.db, family.guardianUserId, t.app.services.clock.now()))[0]!.id;
    const coordinatorOwn = (await t.database.db.selectFrom('meeting_invitation').select('id').where('invitee_user_id', '=', await userIdOf(t.database.db, 'coordinator')).executeTakeFirstOrThrow()).id;
    for (const id of [invitationId, coordinatorOwn]) {
      for (const username of ['outsider', 'nurse']) {
        await expectDenied(await (await t.loginAs(username)).get(invitationUrl(id)), username);
        await expectDenied(await (await t.loginAs(username)).post(`${invitationUrl(id)}/reply`, { reply: 'coming', comment: '' }), username);
      }
    }
    // The addressee's reply stands as they gave it.
    expect((await t.database.db.selectFrom('meeting_invitation').select('reply').where('id', '=', coordinatorOwn).executeTakeFirstOrThrow()).reply).toBe('coming');
  });

  it('shows the team member and the guardian theirs on the gate’s basis', async () => {
    for (const username of ['psychologist', 'guardian']) {
      const res = await (await t.loginAs(username)).get('/api/me/meeting-invitations');
      expect((res.json().invitations as OpenInvitation[]).map((i) => i.meetingId), username).toEqual([demoMeetingId, second]);
      const looks = await lookOf(res);
      expect(looks, username).toEqual([expect.objectContaining({ subject_id: family.childId, outcome: 'success', details: expect.objectContaining({ basis: expect.any(String) }) })]);
    }
  });

  it('shows nothing and logs nothing to an outsider, who has none', async () => {
    const res = await (await t.loginAs('outsider')).get('/api/me/meeting-invitations');
    expect(res.json().invitations).toEqual([]);
    expect(await lookOf(res)).toEqual([]);
  });

  it('leaves no row where the gate refuses the family (no longer a guardian), but logs the refused look', async () => {
    const links = await t.database.db.selectFrom('child_guardian as cg').innerJoin('guardian as g', 'g.id', 'cg.guardian_id').select(['cg.child_id', 'cg.guardian_id']).where('cg.child_id', '=', family.childId).where('g.user_id', '=', family.guardianUserId).execute();
    const guardian = await t.loginAs('guardian');
    const unread = async () => ((await guardian.get('/api/start/counts')).json() as { inboxUnread: number }).inboxUnread;
    const inbox = (await guardian.get('/api/inbox')).json() as { items: { kind: string; childId: string | null; read: boolean }[] };
    const ofChild = inbox.items.filter((i) => i.childId === family.childId && !i.read);
    expect(ofChild.map((i) => i.kind)).toContain('invitation');
    const countBefore = await unread();
    await t.database.db.deleteFrom('child_guardian').where('child_id', '=', family.childId).where('guardian_id', 'in', links.map((l) => l.guardian_id)).execute();
    try {
      const res = await (await t.loginAs('guardian')).get('/api/me/meeting-invitations');
      expect(res.statusCode).toBe(200);
      expect(res.json().invitations).toEqual([]);
      expect(await lookOf(res)).toEqual([expect.objectContaining({ subject_id: family.childId, outcome: 'denied' })]);
      // Nor is anything of the child's counted in the navigation's badge (or mailed as a notice), the invitation included.
      expect(await unread()).toBe(countBefore - ofChild.length);
    } finally {
      await t.database.db.insertInto('child_guardian').values(links).execute();
    }
  });
});

describe('the invitee’s own basis', () => {
  it('stands in only for not being on the team: an administrator summoned is still refused, each refusal logged', async () => {
    const sysadmin = await userIdOf(t.database.db, 'sysadmin');
    const sentBy = await userIdOf(t.database.db, 'socialworker');
    const now = t.app.services.clock.now();
    const { id } = await t.database.db.insertInto('meeting_invitation').values({ meeting_id: demoMeetingId, plan_id: sipId, child_id: family.childId, kind: 'summons', invitee_user_id: sysadmin, sent_by: sentBy, sent_at: now, delivered_at: now }).returning('id').executeTakeFirstOrThrow();
    try {
      const admin = await t.loginAs('sysadmin');
      for (const res of [await admin.get(invitationUrl(id)), await admin.post(`${invitationUrl(id)}/reply`, { reply: 'coming', comment: '' })]) {
        expect(res.statusCode, res.body).toBe(403);
        const entries = await auditOf(t.database.db, res);
        expect(entries).toEqual([expect.objectContaining({ outcome: 'denied', details: expect.objectContaining({ reason: 'administrator_no_child_data' }) })]);
      }
      const list = await admin.get('/api/me/meeting-invitations');
      expect(list.json().invitations).toEqual([]);
      expect((await auditOf(t.database.db, list)).map((e) => e.outcome)).toEqual(['denied']);
      expect((await t.database.db.selectFrom('meeting_invitation').select(['reply', 'read_at']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ reply: null, read_at: null });
    } finally {
      await t.database.db.deleteFrom('meeting_invitation').where('id', '=', id).execute();
    }
  });
});
