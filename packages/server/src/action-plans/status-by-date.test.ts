import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfStockholmDay, stockholmDate, type ActionPlanView } from '@samsyn/core';
import { fixedClock, systemClock } from '../clock.ts';
import { addDays } from '../demo/dates.ts';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';

// Status by date from the server's one clock: an activity turns "soon late" 13 days before its
// end (the last 14 days, the end day included) and "late" the day after, at Stockholm midnight.

const clock = fixedClock(systemClock(testClockOffsetDays).now());
let t: TestApp;
let planId: string;
let end: string;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  const today = stockholmDate(clock.now());
  end = addDays(today, 20);
  const owner = (await t.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
  const coordinator = await t.loginAs('coordinator');
  const plan = (await coordinator.post('/api/action-plans', { title: 'Klockans plan', ownerOrganisationId: owner, periodStart: today, periodEnd: addDays(today, 60), priorityArea: 'other', overallGoal: 'Prov av datum.' })).json() as ActionPlanView;
  planId = plan.id;
  const goal = (await coordinator.post(`/api/action-plans/${planId}/sub-goals`, { title: 'Delmål' })).json() as ActionPlanView;
  const res = await coordinator.post(`/api/action-plans/${planId}/activities`, { subGoalId: goal.subGoals[0]!.id, title: 'Aktivitet med slutdag', responsibleOrganisationId: owner, startsOn: addDays(today, 1), endsOn: end });
  expect(res.statusCode).toBe(201);
});
afterAll(() => t.close());

async function statusAt(at: Date): Promise<{ status: string; today: string; listed: Record<string, number> }> {
  clock.set(at);
  // Moving the clock by days ends the session (its idle and maximum times): log in again.
  const client = await t.loginAs('teacher');
  const plan = (await client.get(`/api/action-plans/${planId}`)).json() as ActionPlanView;
  const listed = ((await client.get('/api/action-plans')).json() as { plans: { id: string; counts: Record<string, number> }[] }).plans.find((p) => p.id === planId)!.counts;
  return { status: plan.subGoals[0]!.activities[0]!.status, today: plan.today, listed };
}

const noon = (date: string) => new Date(startOfStockholmDay(date).getTime() + 12 * 3_600_000);

describe('an activity’s status by the server’s clock', () => {
  it('has not started before its start day', async () => {
    expect((await statusAt(noon(addDays(end, -20)))).status).toBe('not_started');
    expect((await statusAt(noon(addDays(end, -19)))).status).toBe('ongoing');
  });

  it('turns soon late at Stockholm midnight 13 days before its end', async () => {
    const turn = startOfStockholmDay(addDays(end, -13));
    expect(await statusAt(new Date(turn.getTime() - 1))).toMatchObject({ status: 'ongoing', today: addDays(end, -14) });
    expect(await statusAt(turn)).toMatchObject({ status: 'soon_late', today: addDays(end, -13), listed: expect.objectContaining({ soon_late: 1, ongoing: 0 }) });
    expect((await statusAt(noon(end))).status).toBe('soon_late');
  });

  it('turns late the day after its end, in the list too, until it is closed', async () => {
    const turn = startOfStockholmDay(addDays(end, 1));
    expect((await statusAt(new Date(turn.getTime() - 1))).status).toBe('soon_late');
    expect(await statusAt(turn)).toMatchObject({ status: 'late', listed: expect.objectContaining({ late: 1 }) });
    const plan = (await (await t.loginAs('coordinator')).get(`/api/action-plans/${planId}`)).json() as ActionPlanView;
    const closed = await (await t.loginAs('coordinator')).post(`/api/action-plans/${planId}/activities/${plan.subGoals[0]!.activities[0]!.id}/reviews`, { comment: 'Klar, sent.', action: 'close' });
    expect(closed.json().subGoals[0].activities[0].status).toBe('closed');
    expect((await statusAt(noon(addDays(end, 40)))).status).toBe('closed');
  });
});
