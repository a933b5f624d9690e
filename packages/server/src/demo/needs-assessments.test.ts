import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedsAssessmentList, NeedsAssessmentView } from '@samsyn/core';
import { needsAssessmentEventsOf } from '../needs-assessment/queries.ts';
import { demoFamily, demoSeededAt, userIdOf } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const list = async (username: string, childId: string) => (await (await t.loginAs(username)).get(`/api/children/${childId}/needs-assessments`)).json() as NeedsAssessmentList;

describe('the demo county’s needs assessments', () => {
  it('gives the demo child the teacher’s and the nurse’s final assessments, which each reads, and social services’ draft, which only they read', async () => {
    const { childId } = await demoFamily(t.database.db);
    const teacher = await list('teacher', childId);
    expect(teacher.assessments.map((a) => [a.authorName, a.status, a.proposal])).toEqual([
      ['Nora Skolsköterska', 'final', 'act_now'],
      ['Tove Lärare', 'final', 'call_meeting'],
    ]);
    const own = teacher.assessments.find((a) => a.authorName === 'Tove Lärare')!;
    const read = (await (await t.loginAs('teacher')).get(`/api/children/${childId}/needs-assessments/${own.id}`)).json() as NeedsAssessmentView;
    expect(read.revisions.map((r) => [r.revision, r.status])).toEqual([[2, 'final'], [1, 'draft']]);
    expect(read.revisions[0]!.matrix.vulnerability_adverse.factors).toEqual(['stability', 'emotions_behaviour']);
    const social = await list('socialworker', childId);
    expect(social.assessments.map((a) => [a.authorName, a.status])).toContainEqual(['Sixten Socialsekreterare', 'draft']);
    expect((await list('psychologist', childId)).assessments).toEqual([]);
  });

  it('gives Olle the nurse’s proposal of a plan, which the teacher cannot read without consent, and six other children one each, dated from the seed day', async () => {
    const olle = await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow();
    expect((await list('nurse', olle.id)).assessments.map((a) => a.proposal)).toEqual(['start_plan']);
    expect((await list('teacher', olle.id)).assessments).toEqual([]);
    const seededAt = await demoSeededAt(t.database.db);
    const rows = await t.database.db.selectFrom('needs_assessment_version').select(['child_id', 'created_at', 'status']).execute();
    expect(new Set(rows.map((r) => r.child_id)).size).toBe(8);
    expect(rows.every((r) => new Date(r.created_at) < seededAt)).toBe(true);
  });

  it('exposes the final revisions, not the drafts, as events for the chronology', async () => {
    const { childId } = await demoFamily(t.database.db);
    const events = await needsAssessmentEventsOf(t.database.db, childId);
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.proposal)).toEqual(['call_meeting', 'act_now']);
    expect(events[0]).toMatchObject({ child_id: childId, revision: 2, author_id: await userIdOf(t.database.db, 'teacher') });
    expect(events[0]!.occurred_at < events[1]!.occurred_at).toBe(true);
  });
});
