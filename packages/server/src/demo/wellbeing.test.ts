import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WheelView } from '@samsyn/core';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';
import { demoFamily, demoSeededAt } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo county’s wheels', () => {
  it('gives the demo child wheels from herself, from the teacher and from her guardian, which the teacher sees side by side', async () => {
    const { childId } = await demoFamily(t.database.db);
    const wheel = (await (await t.loginAs('teacher')).get(`/api/children/${childId}/wellbeing`)).json() as WheelView;
    const by = (respondent: string) => wheel.assessments.filter((a) => a.respondent === respondent);
    expect(by('professional').map((a) => a.recordedBy)).toEqual(['Tove Lärare', 'Tove Lärare']);
    expect(by('child').length).toBe(2);
    expect(by('child')[0]!.important).toMatch(/fotboll/);
    expect(by('guardian').length).toBe(1);
  });

  it('gives other children about two years of assessments from several units, dated from the seed day, that differ between units', async () => {
    const db = t.database.db;
    const seededOn = demoDay(await demoSeededAt(db));
    const rows = await db.selectFrom('wellbeing_assessment').select(['child_id', 'unit_id', 'occurred_on', 'answers', 'respondent']).execute();
    const children = new Set(rows.map((r) => r.child_id));
    expect(children.size).toBeGreaterThan(100);
    const dates = rows.map((r) => r.occurred_on).sort();
    expect(dates[0]! <= addDays(seededOn, -700)).toBe(true);
    expect(dates.at(-1)! <= seededOn).toBe(true);
    expect(rows.some((r) => r.respondent === 'child')).toBe(true);
    // Social services see the home: their 'nurtured' ratings are lower on average than the school's.
    const units = await db.selectFrom('unit').select(['id', 'sector']).execute();
    const sector = new Map(units.map((u) => [u.id, u.sector]));
    const mean = (s: string) => {
      const ratings = rows.filter((r) => r.respondent === 'professional' && sector.get(r.unit_id ?? '') === s).flatMap((r) => r.answers.filter((a) => a.area === 'nurtured' && a.rating !== null).map((a) => a.rating!));
      return ratings.reduce((x, y) => x + y, 0) / ratings.length;
    };
    expect(mean('social_services')).toBeLessThan(mean('school'));
  });
});
