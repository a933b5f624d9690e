import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../demo/dates.ts';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { userIdOf } from '../test/fixtures.ts';
import { stockholmDate, type ActionPlanList, type ActionPlanView } from '@samsyn/core';

let t: TestApp;
let coordinator: TestClient;
let orgs: { exempelstad: string; norrvik: string; region: string };
let today: string;

const orgId = async (name: string) => (await t.database.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.loginAs('coordinator');
  orgs = { exempelstad: await orgId(county.municipalities[0].name), norrvik: await orgId(county.municipalities[1].name), region: await orgId(county.region.name) };
  today = stockholmDate(t.app.services.clock.now());
});
afterAll(() => t.close());

const planInput = () => ({ title: 'Plan för prov', ownerOrganisationId: orgs.exempelstad, sharingOrganisationIds: [orgs.norrvik], periodStart: addDays(today, -100), periodEnd: addDays(today, 265), priorityArea: 'completed_studies', overallGoal: 'Fler fullföljer skolan.' });

async function newPlan(client = coordinator): Promise<ActionPlanView> {
  const res = await client.post('/api/action-plans', planInput());
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function withActivity(plan: ActionPlanView, activity: Record<string, unknown> = {}): Promise<ActionPlanView> {
  const goal = (await coordinator.post(`/api/action-plans/${plan.id}/sub-goals`, { title: 'Delmål A' })).json() as ActionPlanView;
  const teacher = await userIdOf(t.database.db, 'teacher');
  const res = await coordinator.post(`/api/action-plans/${plan.id}/activities`, { subGoalId: goal.subGoals.at(-1)!.id, title: 'Aktivitet A', responsibleOrganisationId: orgs.exempelstad, responsibleUserId: teacher, startsOn: addDays(today, -30), endsOn: addDays(today, 60), checkInDates: [addDays(today, 3)], ...activity });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('the demo’s action plan', () => {
  it('has 3 sub-goals and 10 activities in every state, one of them late, and a year of dated reviews', async () => {
    const list = (await (await t.loginAs('teacher')).get('/api/action-plans')).json() as ActionPlanList;
    const demo = list.plans.find((p) => p.title === 'Handlingsplan för barn och unga i Exempelstad')!;
    expect(demo.counts).toEqual({ not_started: 2, ongoing: 2, soon_late: 2, late: 1, on_hold: 1, closed: 2 });
    expect(demo.canEdit).toBe(false);
    const plan = (await coordinator.get(`/api/action-plans/${demo.id}`)).json() as ActionPlanView;
    expect(plan.canEdit).toBe(true);
    expect(plan.subGoals.map((g) => g.activities.length)).toEqual([4, 3, 3]);
    const late = plan.subGoals.flatMap((g) => g.activities).filter((a) => a.status === 'late');
    expect(late.map((a) => a.title)).toEqual(['Första hjälpen till psykisk hälsa för personal i skola och fritid']);
    const reviews = await t.database.db.selectFrom('action_plan_review').select(['reviewed_on']).where('plan_id', '=', demo.id).orderBy('reviewed_on').execute();
    expect(reviews.length).toBeGreaterThan(40);
    expect(reviews[0]!.reviewed_on <= addDays(today, -300)).toBe(true);
    expect(plan.rounds.map((r) => r.closedAt === null)).toEqual([true, false, false, false]);
    expect(plan.rounds[1]!.report!.rows).toHaveLength(10);
  });
});

describe('who may read and change a plan', () => {
  it('answers 401 without a session, and 403 to citizens', async () => {
    expect((await t.client().get('/api/action-plans')).statusCode).toBe(401);
    for (const citizen of ['guardian', 'child']) {
      const client = await t.loginAs(citizen);
      expect((await client.get('/api/action-plans')).statusCode, citizen).toBe(403);
      expect((await client.post('/api/action-plans', planInput())).statusCode, citizen).toBe(403);
    }
  });

  it('lets the coordinators of the owner and of a sharing organisation edit, and refuses every other role with 403', async () => {
    const plan = await withActivity(await newPlan());
    const activity = plan.subGoals[0]!.activities[0]!;
    const editors = ['coordinator', 'samordnare.norrvik'];
    const others = ['sysadmin', 'orgadmin', 'manager', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'counsellor', 'intake', 'manager.norrvik', 'samordnare.sjobacka', 'guardian', 'child'];
    for (const username of [...editors, ...others]) {
      const client = await t.loginAs(username);
      const may = editors.includes(username);
      const changes = [
        await client.patch(`/api/action-plans/${plan.id}`, { overallGoal: `Mål enligt ${username}` }),
        await client.post(`/api/action-plans/${plan.id}/sub-goals`, { title: `Delmål av ${username}` }),
        await client.patch(`/api/action-plans/${plan.id}/activities/${activity.id}`, { description: `Av ${username}` }),
      ];
      expect(changes.map((r) => r.statusCode), username).toEqual(may ? [200, 201, 200] : [403, 403, 403]);
      const read = await client.get(`/api/action-plans/${plan.id}`);
      expect(read.statusCode, username).toBe(['guardian', 'child'].includes(username) ? 403 : 200);
      if (read.statusCode === 200) expect(read.json().canEdit, username).toBe(may);
    }
    // Only the owner's coordinators run rounds; a sharing organisation's coordinator edits but does not.
    expect((await (await t.loginAs('samordnare.norrvik')).post(`/api/action-plans/${plan.id}/rounds`, { dueOn: addDays(today, 7) })).statusCode).toBe(403);
    const creators = await Promise.all(['teacher', 'samordnare.norrvik'].map(async (u) => (await (await t.loginAs(u)).post('/api/action-plans', planInput())).statusCode));
    expect(creators).toEqual([403, 403]);
  });

  it('logs every change in the audit log, with the plan and its owner', async () => {
    const plan = await withActivity(await newPlan());
    const entries = await t.database.db.selectFrom('audit_log').select(['action', 'actor_username', 'organisation_id', 'outcome']).where('subject_type', '=', 'action_plan').where('subject_id', '=', plan.id).orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['action_plan.create', 'action_plan.sub_goal.create', 'action_plan.activity.create']);
    expect(new Set(entries.map((e) => `${e.actor_username} ${e.organisation_id} ${e.outcome}`))).toEqual(new Set([`coordinator ${orgs.exempelstad} success`]));
  });
});

describe('a plan’s content', () => {
  it('starts from a template in the creator’s language', async () => {
    const res = await coordinator.request('POST', '/api/action-plans', { ...planInput(), template: 'suicide_prevention' }, { headers: { 'accept-language': 'en' } });
    const plan = res.json() as ActionPlanView;
    expect(plan.subGoals.map((g) => g.title)).toEqual(['More adults around children and young people can recognise and act on a risk of suicide', 'Young people with mental ill-health get support in time']);
    expect(plan.subGoals[0]!.activities[0]!.responsibleOrganisation.id).toBe(orgs.exempelstad);
    const school = (await coordinator.post('/api/action-plans', { ...planInput(), template: 'school_completion' })).json() as ActionPlanView;
    expect(school.subGoals[0]!.title).toBe('Fler elever når behörighet till gymnasiet');
  });

  it('refuses bad input with the field named', async () => {
    const plan = await withActivity(await newPlan());
    const bad = await coordinator.post('/api/action-plans', { ...planInput(), periodEnd: addDays(today, -200) });
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'body.periodEnd' })]);
    const activity = { subGoalId: plan.subGoals[0]!.id, title: 'X', responsibleOrganisationId: orgs.norrvik, responsibleUserId: await userIdOf(t.database.db, 'teacher'), startsOn: today, endsOn: today };
    const notThere = await coordinator.post(`/api/action-plans/${plan.id}/activities`, activity);
    expect(notThere.json().error.details).toEqual([{ path: 'body.responsibleUserId', message: 'not_in_organisation' }]);
    const unknown = await coordinator.post(`/api/action-plans/${plan.id}/activities`, { ...activity, responsibleUserId: null, followUp: { indicatorIds: ['kolada.none'] } });
    expect(unknown.json().error.details).toEqual([{ path: 'body.followUp.indicatorIds.0', message: 'unknown_indicator' }]);
    const elsewhere = await coordinator.post(`/api/action-plans/${plan.id}/activities`, { ...activity, responsibleUserId: null, subGoalId: '00000000-0000-4000-8000-000000000000' });
    expect(elsewhere.json().error.details).toEqual([{ path: 'body.subGoalId', message: 'unknown_sub_goal' }]);
  });

  it('links the follow-up to indicators of the shared catalogue', async () => {
    const analyst = await t.loginAs('analyst');
    expect((await analyst.post('/api/indicators', { id: 'kolada.n15419', nameSv: 'Behöriga till yrkesprogram', nameEn: 'Eligible for a vocational programme', unit: 'percent', direction: 'higher_is_better', priorityArea: 'completed_studies', source: { kind: 'kolada', ref: 'N15419' }, breakdowns: ['year'] })).statusCode).toBe(201);
    const plan = await withActivity(await newPlan(), { followUp: { how: 'Andel behöriga', when: 'Årligen', indicatorIds: ['kolada.n15419'] } });
    expect(plan.subGoals[0]!.activities[0]!.followUp).toEqual({ how: 'Andel behöriga', when: 'Årligen', indicators: [{ id: 'kolada.n15419', nameSv: 'Behöriga till yrkesprogram', nameEn: 'Eligible for a vocational programme' }] });
  });
});

describe('reviews and follow-up rounds', () => {
  it('keeps every review as dated history, appended only', async () => {
    const plan = await withActivity(await newPlan());
    const activity = plan.subGoals[0]!.activities[0]!;
    const teacher = await t.loginAs('teacher');
    expect((await teacher.post(`/api/action-plans/${plan.id}/activities/${activity.id}/reviews`, { comment: 'Första' })).statusCode).toBe(201);
    const held = (await coordinator.post(`/api/action-plans/${plan.id}/activities/${activity.id}/reviews`, { comment: 'Pausas', action: 'hold' })).json() as ActionPlanView;
    expect(held.subGoals[0]!.activities[0]!.status).toBe('on_hold');
    expect((await coordinator.post(`/api/action-plans/${plan.id}/activities/${activity.id}/reviews`, { comment: 'Igen', action: 'hold' })).statusCode).toBe(409);
    const closed = (await teacher.post(`/api/action-plans/${plan.id}/activities/${activity.id}/reviews`, { comment: 'Klar', action: 'close' })).json() as ActionPlanView;
    expect(closed.subGoals[0]!.activities[0]!).toMatchObject({ status: 'closed', closedOn: today, onHoldSince: null, reviewCount: 3 });
    const history = (await (await t.loginAs('outsider')).get(`/api/action-plans/${plan.id}/activities/${activity.id}/reviews`)).json();
    expect(history.reviews.map((r: { comment: string; status: string; by: { displayName: string }; reviewedOn: string }) => [r.comment, r.status, r.by.displayName, r.reviewedOn])).toEqual([
      ['Klar', 'closed', 'Tove Lärare', today],
      ['Pausas', 'on_hold', 'Kim Samordnare', today],
      ['Första', 'ongoing', 'Tove Lärare', today],
    ]);
    await expect(sql`UPDATE action_plan_review SET comment = 'ändrad'`.execute(t.database.db)).rejects.toThrow(/permission denied/);
    await expect(sql`DELETE FROM action_plan_review`.execute(t.database.db)).rejects.toThrow(/permission denied/);
  });

  it('refuses a review from someone who neither edits the plan nor answers for the activity', async () => {
    const plan = await withActivity(await newPlan());
    const activity = plan.subGoals[0]!.activities[0]!;
    for (const username of ['nurse', 'manager', 'outsider', 'analyst', 'sysadmin']) {
      expect((await (await t.loginAs(username)).post(`/api/action-plans/${plan.id}/activities/${activity.id}/reviews`, { comment: 'Nej' })).statusCode, username).toBe(403);
    }
  });

  it('gives each responsible party a task, marks it done by their review, and keeps the closed round as a report', async () => {
    const plan = await withActivity(await newPlan());
    const activity = plan.subGoals[0]!.activities[0]!;
    const opened = await coordinator.post(`/api/action-plans/${plan.id}/rounds`, { dueOn: addDays(today, 14) });
    expect(opened.statusCode).toBe(201);
    expect((await coordinator.post(`/api/action-plans/${plan.id}/rounds`, { dueOn: addDays(today, 14) })).statusCode).toBe(409);
    const round = (opened.json() as ActionPlanView).rounds[0]!;
    expect(round.tasks).toEqual([expect.objectContaining({ activityId: activity.id, assigneeUser: expect.objectContaining({ displayName: 'Tove Lärare' }), doneAt: null })]);
    const teacher = await t.loginAs('teacher');
    const tasks = (await teacher.get('/api/action-plans/tasks')).json().tasks as { kind: string; activityId: string; roundId: string | null }[];
    expect(tasks.filter((x) => x.activityId === activity.id).map((x) => x.kind).sort()).toEqual(['check_in', 'round']);
    expect((await teacher.post(`/api/action-plans/${plan.id}/rounds/${round.id}/close`, {})).statusCode).toBe(403);
    const reported = (await teacher.post(`/api/action-plans/${plan.id}/activities/${activity.id}/reviews`, { comment: 'Halvvägs, enligt plan.' })).json() as ActionPlanView;
    expect(reported.rounds[0]!.tasks[0]!.doneAt).not.toBeNull();
    expect(reported.subGoals[0]!.activities[0]!.checkInDue).toBe(false);
    expect(((await teacher.get('/api/action-plans/tasks')).json().tasks as { activityId: string }[]).filter((x) => x.activityId === activity.id)).toEqual([]);
    const closed = (await coordinator.post(`/api/action-plans/${plan.id}/rounds/${round.id}/close`, {})).json() as ActionPlanView;
    expect(closed.rounds[0]!.report).toEqual({ closedOn: today, counts: expect.objectContaining({ ongoing: 1 }), rows: [expect.objectContaining({ activity: 'Aktivitet A', status: 'ongoing', reported: true, comment: 'Halvvägs, enligt plan.', by: 'Tove Lärare' })] });
    expect((await coordinator.post(`/api/action-plans/${plan.id}/rounds/${round.id}/close`, {})).statusCode).toBe(409);
    const actions = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', plan.id).where('action', 'like', 'action_plan.r%').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['action_plan.round.open', 'action_plan.review.record', 'action_plan.round.close']);
  });
});
