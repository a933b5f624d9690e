import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type ActionPlanView } from '@samsyn/core';
import { addDays } from '../demo/dates.ts';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

let t: TestApp;
let coordinator: TestClient;
let planId: string;

const answers = {
  affectedChildren: 'Elever i årskurs 7–9 i Exempelstad, cirka 1 200.',
  viewsGathered: 'Fokusgrupper med elevråden och en enkät i Liv och hälsa ung.',
  principles: { best_interests: 'Tryggare skolvägar.', non_discrimination: 'Gäller alla skolor, också de mindre.', life_and_development: 'Mer vardagsrörelse.', right_to_be_heard: 'Elevrådens synpunkter har ändrat planen.' },
  consequences: 'Färre barn går ensamma på mörka vägar.',
  alternatives: 'Skolskjuts: tryggt men mindre rörelse.',
  conclusion: 'Planen är förenlig med barnets bästa.',
};

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.loginAs('coordinator');
  const owner = (await t.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
  const today = stockholmDate(t.app.services.clock.now());
  const plan = (await coordinator.post('/api/action-plans', { title: 'Plan med analys', ownerOrganisationId: owner, periodStart: today, periodEnd: addDays(today, 300), priorityArea: 'other', overallGoal: 'Prov.' })).json() as ActionPlanView;
  planId = plan.id;
});
afterAll(() => t.close());

const url = () => `/api/action-plans/${planId}/impact-assessment`;

describe('a plan’s child-rights impact assessment', () => {
  it('is none at first; a draft may leave answers empty, "done" names every answer it lacks', async () => {
    expect((await coordinator.get(url())).json()).toEqual({ assessment: null });
    const incomplete = await coordinator.post(url(), { state: 'done', answers: { ...answers, principles: { ...answers.principles, right_to_be_heard: '' }, alternatives: '' } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details).toEqual([{ path: 'body.answers.alternatives', message: 'required_when_done' }, { path: 'body.answers.principles.right_to_be_heard', message: 'required_when_done' }]);
    const draft = await coordinator.post(url(), { state: 'draft', answers: { affectedChildren: answers.affectedChildren } });
    expect(draft.json().assessment).toMatchObject({ state: 'draft', decidedBy: null, answers: { affectedChildren: answers.affectedChildren, conclusion: '' } });
  });

  it('is marked done with every answer, or not needed only with a reason, and each save is logged', async () => {
    const done = await coordinator.post(url(), { state: 'done', answers });
    expect(done.json().assessment).toMatchObject({ state: 'done', answers, decidedBy: { displayName: 'Kim Samordnare' }, notNeededReason: null });
    expect((await coordinator.post(url(), { state: 'not_needed', reason: '' })).statusCode).toBe(400);
    const notNeeded = await coordinator.post(url(), { state: 'not_needed', reason: 'Planen gäller bara mötestider för styrgruppen.' });
    expect(notNeeded.json().assessment).toMatchObject({ state: 'not_needed', notNeededReason: 'Planen gäller bara mötestider för styrgruppen.', answers });
    const entries = await t.database.db.selectFrom('audit_log').select('details').where('subject_id', '=', planId).where('action', '=', 'impact_assessment.save').orderBy('seq').execute();
    expect(entries.map((e) => (e.details as { after: string }).after)).toEqual(['draft', 'done', 'not_needed']);
  });

  it('is read by professionals, changed only by the plan’s coordinators: 403 for everyone else', async () => {
    for (const username of ['teacher', 'outsider', 'sysadmin', 'orgadmin', 'manager', 'analyst', 'samordnare.norrvik']) {
      const client = await t.loginAs(username);
      expect((await client.get(url())).statusCode, username).toBe(200);
      expect((await client.post(url(), { state: 'draft', answers })).statusCode, username).toBe(403);
    }
    const guardian = await t.loginAs('guardian');
    expect((await guardian.get(url())).statusCode).toBe(403);
    expect((await t.client().get(url())).statusCode).toBe(401);
    expect((await coordinator.get('/api/action-plans/00000000-0000-4000-8000-000000000000/impact-assessment')).statusCode).toBe(404);
  });
});
