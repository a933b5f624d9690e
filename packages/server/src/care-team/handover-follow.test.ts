import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeKind } from '@samsyn/core';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily, newcomer, userIdOf, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

// Handovers everyone can follow (issue 12): the proposer sees and withdraws the pending proposal,
// nobody proposes a second, the receiver is told and previews what they take on, and the named
// person handing over stays on the team as a member when that was chosen, and is told.

let t: TestApp;
let family: Family;
let receiver: { username: string; userId: string };
let teacherId: string;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  receiver = await newcomer(t.database.db, family.childId, family.municipality, 'preschool');
  teacherId = await userIdOf(t.database.db, 'teacher');
});
afterAll(() => t.close());

const handoversUrl = () => `/api/children/${family.childId}/handovers`;
const proposal = (previousNamedPerson?: 'stays_member' | 'leaves') => ({
  toUserId: receiver.userId,
  toOrganisationId: family.municipality,
  lifeStage: 'preschool',
  note: 'Ebba byter till förskoleklassens team',
  ...(previousNamedPerson ? { previousNamedPerson } : {}),
});
const noticesOf = (userId: string, kind: NoticeKind) =>
  t.database.db.selectFrom('notice').selectAll().where('recipient_id', '=', userId).where('kind', '=', kind).where('child_id', '=', family.childId).orderBy('created_at').execute();

let first: { id: string };

describe('a proposal the proposer follows and withdraws', () => {
  it('needs the proposer to say whether the named person handing over stays on the team', async () => {
    const res = await (await t.loginAs('teacher')).post(handoversUrl(), proposal());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.previousNamedPerson', message: 'previous_named_person_choice_required' }]);
    expect((await auditOf(t.database.db, res)).map((e) => [e.action, e.outcome])).toEqual([['child.handover.propose', 'failure']]);
  });

  it('is proposed for the preschool life stage, and the receiver gets a notice in the same change', async () => {
    const res = await (await t.loginAs('teacher')).post(handoversUrl(), proposal('leaves'));
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(res.json()).toMatchObject({ lifeStage: 'preschool', status: 'pending', previousStaysMember: false, proposedByCaller: true, withdrawnAt: null });
    const [notice] = await noticesOf(receiver.userId, 'handover_proposed');
    expect(notice).toMatchObject({ subject_id: first.id, actor_id: teacherId, details: { lifeStage: 'preschool' }, read_at: null });
    // Nobody is told of their own act.
    expect(await noticesOf(teacherId, 'handover_proposed')).toEqual([]);
  });

  it('shows on the record that one is pending: the proposer is offered the withdrawal, nobody a second proposal', async () => {
    const teacher = await t.loginAs('teacher');
    const record = (await teacher.get(`/api/children/${family.childId}`)).json();
    expect(record.access.actions).toContain('withdraw_handover');
    expect(record.access.actions).not.toContain('hand_over');
    const pending = await teacher.get(`${handoversUrl()}/pending`);
    expect(pending.statusCode).toBe(200);
    expect(pending.json().handover).toMatchObject({ id: first.id, proposedByCaller: true, to: { id: receiver.userId } });
    expect((await auditOf(t.database.db, pending)).map((e) => [e.action, e.outcome, e.subject_id])).toEqual([['child.handover.read', 'success', family.childId]]);
    // The rest of the team sees it too, without the withdrawal; someone outside the team is refused, logged.
    const nurse = await t.loginAs('nurse');
    expect((await nurse.get(`${handoversUrl()}/pending`)).json().handover).toMatchObject({ id: first.id, proposedByCaller: false });
    expect((await nurse.get(`/api/children/${family.childId}`)).json().access.actions).not.toContain('withdraw_handover');
    const outsider = await (await t.loginAs('outsider')).get(`${handoversUrl()}/pending`);
    expect(outsider.statusCode).toBe(403);
    expect((await auditOf(t.database.db, outsider)).map((e) => [e.action, e.outcome])).toEqual([['child.handover.read', 'denied']]);
    // The server refuses a second one with a stable code.
    const second = await teacher.post(handoversUrl(), proposal('leaves'));
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'conflict', details: { reason: 'handover_pending' } });
  });

  it('lets the receiver preview it, and only it: the record itself stays closed to them', async () => {
    const asReceiver = await t.loginAs(receiver.username);
    const [shown] = (await asReceiver.get('/api/handovers?status=pending')).json().handovers;
    expect(shown).toMatchObject({ id: first.id, childName: { givenName: 'Ebba' }, lifeStage: 'preschool', note: 'Ebba byter till förskoleklassens team' });
    const record = await asReceiver.get(`/api/children/${family.childId}`);
    expect(record.statusCode).toBe(403);
    expect((await asReceiver.get(`/api/children/${family.childId}/care-team`)).statusCode).toBe(403);
  });

  it('is withdrawn by its proposer only: the receiver and a team member are refused, each logged', async () => {
    for (const username of [receiver.username, 'nurse', 'socialworker']) {
      const res = await (await t.loginAs(username)).post(`/api/handovers/${first.id}/withdraw`);
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.details, username).toEqual({ reason: 'not_proposer' });
      expect((await auditOf(t.database.db, res)).map((e) => [e.action, e.outcome, e.subject_id])).toEqual([['child.handover.withdraw', 'denied', family.childId]]);
    }
    const res = await (await t.loginAs('teacher')).post(`/api/handovers/${first.id}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String), withdrawnBy: { id: teacherId, displayName: 'Tove Lärare' } });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.handover.withdraw', outcome: 'success', subject_id: family.childId, actor_username: 'teacher' });
    expect(entry!.details).toMatchObject({ handoverId: first.id, withdrawn: true });
    const [notice] = await noticesOf(receiver.userId, 'handover_withdrawn');
    expect(notice).toMatchObject({ subject_id: first.id, actor_id: teacherId });
  });

  it('once withdrawn, cannot be answered or withdrawn again, and the receiver’s preview ends', async () => {
    const asReceiver = await t.loginAs(receiver.username);
    const accept = await asReceiver.post(`/api/handovers/${first.id}/accept`);
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error.details).toEqual({ reason: 'not_pending' });
    expect((await (await t.loginAs('teacher')).post(`/api/handovers/${first.id}/withdraw`)).statusCode).toBe(409);
    expect((await asReceiver.get('/api/handovers?status=pending')).json().handovers).toEqual([]);
    const withdrawn = (await asReceiver.get('/api/handovers?status=withdrawn')).json().handovers;
    expect(withdrawn).toEqual([expect.objectContaining({ id: first.id, status: 'withdrawn', childName: null, note: null })]);
    expect((await (await t.loginAs('teacher')).get(`/api/children/${family.childId}`)).json().access.actions).toContain('hand_over');
  });
});

describe('proposed again and accepted, the named person staying as a member', () => {
  let second: { id: string };

  it('is proposed again with the named person staying', async () => {
    const res = await (await t.loginAs('teacher')).post(handoversUrl(), proposal('stays_member'));
    expect(res.statusCode).toBe(201);
    second = res.json();
    expect(res.json()).toMatchObject({ status: 'pending', previousStaysMember: true });
    expect((await auditOf(t.database.db, res))[0]!.details).toMatchObject({ proposed: { previousStaysMember: true } });
  });

  it('on acceptance makes the receiver named person and keeps the one handing over as a member, with her history row', async () => {
    const asReceiver = await t.loginAs(receiver.username);
    const res = await asReceiver.post(`/api/handovers/${second.id}/accept`);
    expect(res.statusCode).toBe(200);
    const [entry] = await auditOf(t.database.db, res);
    expect(entry!.details).toMatchObject({ reason: 'named_person_handover', stayedMemberId: expect.any(String), lifeStage: 'preschool' });
    const team = (await asReceiver.get(`/api/children/${family.childId}/care-team?history=true`)).json().members as { userId: string; displayName: string; role: string; current: boolean }[];
    expect(team.filter((m) => m.current && m.role === 'named_person').map((m) => m.userId)).toEqual([receiver.userId]);
    const teachers = team.filter((m) => m.userId === teacherId);
    expect(teachers).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'member', current: true, displayName: 'Tove Lärare' }),
      expect.objectContaining({ role: 'named_person', current: false, displayName: 'Tove Lärare' }),
    ]));
    // Still on the team, she still reads the record.
    expect((await (await t.loginAs('teacher')).get(`/api/children/${family.childId}`)).statusCode).toBe(200);
  });

  it('tells the one handing over that the handover was accepted and that she stays as a member', async () => {
    expect(await noticesOf(teacherId, 'handover_accepted')).toEqual([expect.objectContaining({ subject_id: second.id, actor_id: receiver.userId })]);
    expect(await noticesOf(teacherId, 'named_person_stays_member')).toEqual([expect.objectContaining({ subject_id: second.id, details: expect.objectContaining({ previousStaysMember: true }) })]);
    expect(await noticesOf(teacherId, 'team_member_ended')).toEqual([]);
  });
});

describe('a declined handover', () => {
  it('tells the proposer, and the named person handing over who leaves is told when one is accepted', async () => {
    const next = await newcomer(t.database.db, family.childId, family.municipality, 'school');
    const named = await t.loginAs(receiver.username);
    const proposed = await named.post(handoversUrl(), { toUserId: next.userId, toOrganisationId: family.municipality, lifeStage: 'school', previousNamedPerson: 'leaves' });
    expect(proposed.statusCode).toBe(201);
    const declined = await (await t.loginAs(next.username)).post(`/api/handovers/${proposed.json().id}/decline`);
    expect(declined.statusCode).toBe(200);
    expect(await noticesOf(receiver.userId, 'handover_declined')).toEqual([expect.objectContaining({ subject_id: proposed.json().id, actor_id: next.userId })]);

    const again = await named.post(handoversUrl(), { toUserId: next.userId, toOrganisationId: family.municipality, lifeStage: 'school', previousNamedPerson: 'leaves' });
    expect((await (await t.loginAs(next.username)).post(`/api/handovers/${again.json().id}/accept`)).statusCode).toBe(200);
    expect(await noticesOf(receiver.userId, 'team_member_ended')).toEqual([expect.objectContaining({ subject_id: again.json().id, details: expect.objectContaining({ previousStaysMember: false }) })]);
    expect((await named.get(`/api/children/${family.childId}`)).statusCode).toBe(403);
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
