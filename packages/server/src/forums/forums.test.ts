import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type ForumDetail, type MeetingView } from '@samsyn/core';
import { addDays } from '../demo/dates.ts';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

let t: TestApp;
let coordinator: TestClient;
let forumId: string;
let meeting: MeetingView;
let today: string;

const answers = {
  affectedChildren: 'Barn och unga 0–18 i Exempelstad som behöver samordnat stöd.',
  viewsGathered: 'Ungdomsrådet och referensgruppens föreningar har tillfrågats.',
  principles: { best_interests: 'Snabbare stöd.', non_discrimination: 'Gäller alla skolor.', life_and_development: 'Bättre skolgång.', right_to_be_heard: 'Ungdomsrådets synpunkter finns med.' },
  consequences: 'Kortare väntan på samordnat stöd.',
  alternatives: 'Att vänta ett år: fler barn utan stöd.',
  conclusion: 'Beslutet är förenligt med barnets bästa.',
};

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.loginAs('coordinator');
  const owner = (await t.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
  today = stockholmDate(t.app.services.clock.now());
  const forum = (await coordinator.post('/api/forums', { name: 'Temagrupp barn (prov)', kind: 'theme_group', level: 'officer', organisationId: owner })).json() as ForumDetail;
  forumId = forum.id;
  const created = await coordinator.post(`/api/forums/${forumId}/meetings`, { heldOn: addDays(today, 7), title: 'Möte 1', agenda: [{ title: 'Veckans artikel i barnkonventionen: artikel 12', standing: true, crcArticle: 12 }, { title: 'Handlingsplanen' }] });
  expect(created.statusCode).toBe(201);
  meeting = created.json() as MeetingView;
});
afterAll(() => t.close());

async function propose(text: string): Promise<string> {
  const res = await coordinator.post(`/api/forums/${forumId}/meetings/${meeting.id}/decisions`, { text });
  expect(res.statusCode).toBe(201);
  return (res.json() as MeetingView).decisions.find((d) => d.text === text)!.id;
}

describe('a forum’s decision and its child-rights impact assessment', () => {
  it('is refused as taken without an assessment, or with a draft, with a clear error; accepted once not needed with a reason', async () => {
    const id = await propose('Referensgruppen bjuds in till varje möte.');
    const take = () => coordinator.post(`/api/forums/${forumId}/decisions/${id}/take`);
    const missing = await take();
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error).toMatchObject({ code: 'decision_assessment_required', details: [{ path: 'assessment', message: 'assessment_missing' }] });
    expect(missing.json().error.message).toMatch(/barnkonsekvensanalys/);
    const english = await coordinator.request('POST', `/api/forums/${forumId}/decisions/${id}/take`, {}, { headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toMatch(/child-rights impact assessment/);
    await coordinator.post(`/api/forums/${forumId}/decisions/${id}/impact-assessment`, { state: 'draft', answers: { affectedChildren: 'Alla barn.' } });
    expect((await take()).json().error.details).toEqual([{ path: 'assessment', message: 'assessment_not_done' }]);
    expect((await coordinator.post(`/api/forums/${forumId}/decisions/${id}/impact-assessment`, { state: 'not_needed', reason: '' })).statusCode).toBe(400);
    await coordinator.post(`/api/forums/${forumId}/decisions/${id}/impact-assessment`, { state: 'not_needed', reason: 'Gäller bara mötesformerna, inte barnen.' });
    expect((await take()).statusCode).toBe(200);
    expect((await take()).statusCode).toBe(409);
    const decision = ((await coordinator.get(`/api/forums/${forumId}/meetings/${meeting.id}`)).json() as MeetingView).decisions.find((d) => d.id === id)!;
    expect(decision).toMatchObject({ state: 'taken', assessmentState: 'not_needed' });
    const logged = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', forumId).where('action', '=', 'forum.decision.take').execute();
    expect(logged).toHaveLength(1);
  });

  it('is accepted once the assessment is done, and may link an action-plan row', async () => {
    const id = await propose('Temagruppen föreslår en ny aktivitet om skolnärvaro.');
    expect((await coordinator.post(`/api/forums/${forumId}/decisions/${id}/take`)).statusCode).toBe(409);
    expect((await coordinator.post(`/api/forums/${forumId}/decisions/${id}/impact-assessment`, { state: 'done', answers })).statusCode).toBe(200);
    expect((await coordinator.post(`/api/forums/${forumId}/decisions/${id}/take`)).statusCode).toBe(200);
    const bad = await coordinator.post(`/api/forums/${forumId}/meetings/${meeting.id}/decisions`, { text: 'Fel rad', subGoalId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('who edits a forum', () => {
  it('lets only members edit its meetings, minutes and decisions: 403 for every other demo role, reads for professionals', async () => {
    for (const username of ['teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'sysadmin', 'orgadmin', 'manager', 'analyst', 'samordnare.norrvik']) {
      const client = await t.loginAs(username);
      expect((await client.get(`/api/forums/${forumId}`)).statusCode, username).toBe(200);
      expect((await client.get(`/api/forums/${forumId}`)).json().canEdit, username).toBe(false);
      expect((await client.patch(`/api/forums/${forumId}/meetings/${meeting.id}`, { minutes: 'Inte min sak' })).statusCode, username).toBe(403);
      expect((await client.post(`/api/forums/${forumId}/meetings/${meeting.id}/decisions`, { text: 'Nej' })).statusCode, username).toBe(403);
      expect((await client.post(`/api/forums/${forumId}/meetings`, { heldOn: today, title: 'Nej' })).statusCode, username).toBe(403);
    }
    // Each refused change is logged under the change it tried, with the forum as its subject.
    for (const action of ['forum.meeting.update', 'forum.decision.create', 'forum.meeting.create']) {
      const denied = await t.database.db.selectFrom('audit_log').select(['details']).where('subject_id', '=', forumId).where('action', '=', action).where('outcome', '=', 'denied').execute();
      expect(denied.map((e) => (e.details as { reason: string }).reason), action).toEqual(Array(10).fill('not_a_member'));
    }
    const guardian = await t.loginAs('guardian');
    expect((await guardian.get(`/api/forums/${forumId}`)).statusCode).toBe(403);
    expect((await t.client().get(`/api/forums/${forumId}`)).statusCode).toBe(401);
  });

  it('lets a member who was added edit the minutes, and logs the change', async () => {
    const teacherId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow()).id;
    const org = (await t.database.db.selectFrom('user_role').select('organisation_id').where('user_id', '=', teacherId).executeTakeFirstOrThrow()).organisation_id;
    expect((await coordinator.post(`/api/forums/${forumId}/members`, { userId: teacherId, organisationId: org })).statusCode).toBe(200);
    const teacher = await t.loginAs('teacher');
    const res = await teacher.patch(`/api/forums/${forumId}/meetings/${meeting.id}`, { minutes: 'Protokoll: artikel 12 diskuterades.' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as MeetingView).minutes).toBe('Protokoll: artikel 12 diskuterades.');
    expect((res.json() as MeetingView).agenda[0]).toMatchObject({ standing: true, crcArticle: 12 });
    const logged = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('subject_id', '=', forumId).where('action', '=', 'forum.meeting.update').where('outcome', '=', 'success').execute();
    expect(logged).toEqual([{ action: 'forum.meeting.update', actor_id: teacherId }]);
  });
});

describe('reference groups and the contact directory', () => {
  it('records a view with how children’s views were gathered, the forum’s response, and lists contacts sorted, filtered and as CSV', async () => {
    const owner = (await t.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
    const group = (await coordinator.post('/api/forums', { name: 'Referensgrupp (prov)', kind: 'reference_group', level: 'user', organisationId: owner, parentForumId: forumId })).json() as ForumDetail;
    const partner = (await t.database.db.selectFrom('organisation').select('id').where('kind', '=', 'partner').executeTakeFirstOrThrow()).id;
    expect((await coordinator.post(`/api/forums/${group.id}/organisations`, { organisationId: partner, contactName: 'Ada Kontakt', contactEmail: 'ada@example.org', contactFor: 'Frågor om fritid' })).statusCode).toBe(200);
    const viewed = await coordinator.post(`/api/forums/${group.id}/views`, { forumId, subject: 'Fritid', view: 'Fler öppna lokaler.', childrenViewsHow: 'Enkät till 40 unga i föreningen.' });
    expect(viewed.statusCode).toBe(201);
    const viewId = (viewed.json() as ForumDetail).views[0]!.id;
    const responded = (await coordinator.post(`/api/forums/${forumId}/views/${viewId}/response`, { response: 'Temagruppen tar in det i handlingsplanen.' })).json() as ForumDetail;
    expect(responded.views[0]).toMatchObject({ childrenViewsHow: 'Enkät till 40 unga i föreningen.', response: 'Temagruppen tar in det i handlingsplanen.' });
    expect(responded.referenceGroups.map((g) => g.id)).toContain(group.id);
    const teacher = await t.loginAs('outsider');
    const contacts = (await teacher.get('/api/forums/contacts?q=fritid')).json().contacts;
    expect(contacts).toMatchObject([{ contactName: 'Ada Kontakt', forum: { id: group.id } }]);
    const csv = await teacher.get(`/api/forums/contacts.csv?forumId=${group.id}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Ada Kontakt;ada@example.org');
  });
});

describe('the demo forums', () => {
  it('hold 3 forums with a year of meetings and decisions, a theme group’s reference group of five user organisations, and the published plan', async () => {
    const forums = (await coordinator.get('/api/forums')).json().forums as { id: string; name: string; kind: string; meetings: number; parentForum: { id: string } | null }[];
    const demo = forums.filter((f) => !f.name.includes('(prov)'));
    expect(demo).toHaveLength(3);
    const group = demo.find((f) => f.kind === 'reference_group')!;
    const theme = demo.find((f) => f.kind === 'theme_group')!;
    expect(group.parentForum?.id).toBe(theme.id);
    expect(demo.every((f) => f.meetings >= 13)).toBe(true);
    const detail = (await coordinator.get(`/api/forums/${group.id}`)).json() as ForumDetail;
    expect(detail.organisations).toHaveLength(5);
    const meeting = (await coordinator.get(`/api/forums/${theme.id}/meetings/${(await coordinator.get(`/api/forums/${theme.id}`)).json().meetingList.at(-1).id}`)).json() as MeetingView;
    expect(meeting.agenda[0]).toMatchObject({ standing: true });
    expect((await t.app.inject({ method: 'GET', url: '/public/handlingsplan-barn-och-unga' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/public/nyhet-referensgrupp?lang=en' })).statusCode).toBe(200);
  });
});
