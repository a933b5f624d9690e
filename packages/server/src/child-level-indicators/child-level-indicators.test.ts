import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';
import { childrenPerMunicipality, childrenWithActivePlan, daysFromConcernToPlan, reportsOfConcern, wellbeingRatings } from './queries.ts';
import { childLevelIndicatorIds, computeChildLevelIndicators, histogramMedian, quartersUpTo, storedIndicator } from './service.ts';

const now = systemClock(testClockOffsetDays).now();
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.app.close());

// A wide window so the seeded plans, concerns, reports and wheels fall inside it.
const wide = { from: '1990-01-01', to: '2100-01-01' };

describe('the count-only queries (no identifying data crosses)', () => {
  it('each returns only keys and counts, never an id, a name or an identity number', async () => {
    const db = t.database.db;
    const expected: [string, unknown[], string[]][] = [
      ['children', await childrenPerMunicipality(db, quartersUpTo(now, 1)[0]!.bounds), ['count', 'municipality_code']],
      ['plans', await childrenWithActivePlan(db, wide), ['count', 'municipality_code']],
      ['reports', await reportsOfConcern(db, wide), ['count', 'municipality_code']],
      ['days', await daysFromConcernToPlan(db, wide), ['count', 'days', 'municipality_code']],
      ['wheel', await wellbeingRatings(db, wide), ['area', 'count', 'municipality_code', 'rating', 'respondent']],
    ];
    for (const [name, rows, columns] of expected) {
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows as Record<string, unknown>[]) {
        expect(Object.keys(row).sort(), name).toEqual(columns);
        for (const v of Object.values(row)) expect(String(v), name).not.toMatch(uuid);
        expect(row.municipality_code, name).toMatch(/^[0-9]{4}$/);
        expect(Number.isInteger(row.count) && (row.count as number) > 0, name).toBe(true);
      }
    }
  });

  it('counts what the child tables hold (children with a plan in force, reports)', async () => {
    const db = t.database.db;
    const plans = await childrenWithActivePlan(db, wide);
    const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT child_id)::int AS n FROM plan WHERE established_at IS NOT NULL`.execute(db);
    expect(plans.reduce((s, r) => s + r.count, 0)).toBe(rows[0]!.n);
    const reports = await reportsOfConcern(db, wide);
    const all = await db.selectFrom('report_of_concern').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(reports.reduce((s, r) => s + r.count, 0)).toBe(all.n);
  });
});

describe('the computation', () => {
  it('stores every indicator per municipality, county and quarter, suppressed, with no child id', async () => {
    const db = t.database.db;
    const stored = await computeChildLevelIndicators(db, { now, threshold: 3, quarters: 40 });
    expect(stored).toBeGreaterThan(0);
    const rows = await db.selectFrom('child_level_indicator_value').selectAll().execute();
    expect(new Set(rows.map((r) => r.indicator_id))).toEqual(new Set(childLevelIndicatorIds));
    const childIds = new Set((await db.selectFrom('child').select('id').execute()).map((r) => r.id));
    for (const r of rows) {
      for (const v of Object.values(r)) {
        expect(String(v)).not.toMatch(uuid);
        expect(childIds.has(String(v))).toBe(false);
      }
      if (r.suppressed_reason) expect([r.count, r.denominator, r.value]).toEqual([null, null, null]);
      else expect(r.count).toBeGreaterThanOrEqual(3);
    }
    // The table's own columns: keys and figures only.
    const { rows: cols } = await sql<{ column_name: string; data_type: string }>`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'child_level_indicator_value'`.execute(db);
    expect(cols.map((c) => c.column_name).sort()).toEqual(['area_code', 'breakdown', 'computed_at', 'count', 'denominator', 'indicator_id', 'quarter', 'suppressed_reason', 'value']);
    expect(cols.some((c) => c.data_type === 'uuid')).toBe(false);
  });

  it('hides small cells with "too few" and never leaves one hidden cell alone in a sum (complementary)', async () => {
    const db = t.database.db;
    // A threshold above any municipality's count of reports: every municipality is hidden.
    await computeChildLevelIndicators(db, { now, threshold: 1000, quarters: 4 });
    const recent = new Set(quartersUpTo(now, 4).map((q) => q.label));
    const rows = (await storedIndicator(db, 'samsyn.reports_of_concern')).filter((r) => recent.has(r.quarter));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.suppressed_reason !== null && r.count === null && r.value === null)).toBe(true);
    expect(rows.some((r) => r.suppressed_reason === 'too_few')).toBe(true);
    // A threshold between: per quarter and indicator, the county row and its municipalities never
    // have exactly one hidden member (it could be worked out by subtraction).
    await computeChildLevelIndicators(db, { now, threshold: 5, quarters: 40 });
    for (const id of childLevelIndicatorIds) {
      const cells = await storedIndicator(db, id);
      const groups = new Map<string, typeof cells>();
      for (const c of cells) groups.set(`${c.quarter}|${c.breakdown}`, [...(groups.get(`${c.quarter}|${c.breakdown}`) ?? []), c]);
      for (const [key, group] of groups) {
        const hidden = group.filter((c) => c.suppressed_reason !== null).length;
        if (group.length > 1) expect(hidden, `${id} ${key}`).not.toBe(1);
      }
    }
  });

  it('gives the rate per 1,000 children and its county total from the municipalities', async () => {
    const db = t.database.db;
    await computeChildLevelIndicators(db, { now, threshold: 3, quarters: 1 });
    const [quarter] = quartersUpTo(now, 1);
    const children = await childrenPerMunicipality(db, quarter!.bounds);
    const rows = await storedIndicator(db, 'samsyn.active_plans');
    const county = rows.find((r) => r.area_code.length === 2);
    expect(county).toBeDefined();
    if (county!.suppressed_reason === null) {
      expect(county!.denominator).toBe(children.reduce((s, r) => s + r.count, 0));
      expect(county!.value).toBeCloseTo((county!.count! / county!.denominator!) * 1000, 1);
    }
  });
});

describe('helpers', () => {
  it('the median of a histogram', () => {
    expect(histogramMedian([{ days: 3, count: 1 }, { days: 10, count: 1 }, { days: 5, count: 1 }])).toBe(5);
    expect(histogramMedian([{ days: 2, count: 2 }, { days: 8, count: 2 }])).toBe(5);
  });
  it('quarters run back from the day, oldest first', () => {
    const q = quartersUpTo(new Date('2026-12-03T00:00:00Z'), 5);
    expect(q.map((x) => x.label)).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(q[4]!.bounds).toEqual({ from: '2026-10-01', to: '2027-01-01' });
  });
});

describe('the open aggregate API', () => {
  it('serves the stored, suppressed cells without login, and refuses an unknown indicator', async () => {
    await computeChildLevelIndicators(t.database.db, { now, threshold: 3, quarters: 4 });
    const res = await t.client().get('/api/open/child-level-indicators/samsyn.active_plans');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { cells: { count: number | null; suppressed_reason: string | null; area_code: string }[] };
    expect(body.cells.length).toBeGreaterThan(0);
    for (const c of body.cells) {
      expect(JSON.stringify(c)).not.toMatch(uuid);
      if (c.suppressed_reason) expect(c.count).toBeNull();
      else expect(c.count).toBeGreaterThanOrEqual(3);
    }
    expect((await t.client().get('/api/open/child-level-indicators/child.names')).statusCode).toBe(400);
  });
});
