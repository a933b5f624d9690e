import type { Kysely, Transaction } from 'kysely';
import { suppressTable, type AdditiveRelation, type SuppressionCell, type SuppressionReason } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { childrenPerMunicipality, childrenWithActivePlan, daysFromConcernToPlan, reportsOfConcern, wellbeingRatings, type MunicipalityCount, type QuarterBounds } from './queries.ts';

/**
 * Computes the child level's own anonymised indicators (issue 15, item 7) from the count-only
 * queries and stores them, suppressed like the surveys: a cell of fewer children than the
 * threshold, or one hidden so that it cannot be worked out from the county's total and its
 * neighbours, is stored with its reason and nothing else.
 */

export const childLevelIndicatorIds = ['samsyn.active_plans', 'samsyn.wellbeing_ratings', 'samsyn.concern_to_plan_days', 'samsyn.reports_of_concern'] as const;

type Row = DB['child_level_indicator_value'] extends infer T ? { [K in keyof T]: unknown } : never;
interface Cell {
  area: string;
  breakdown: string;
  count: number;
  denominator: number;
  value: number;
}

/** The quarter holding `day` and the `count - 1` before it, oldest first. */
export function quartersUpTo(day: Date, count: number): { label: string; bounds: QuarterBounds }[] {
  const out = [];
  let y = day.getUTCFullYear();
  let q = Math.floor(day.getUTCMonth() / 3);
  for (let i = 0; i < count; i++) {
    const from = new Date(Date.UTC(y, q * 3, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(y, q * 3 + 3, 1)).toISOString().slice(0, 10);
    out.unshift({ label: `${y}Q${q + 1}`, bounds: { from, to } });
    q -= 1;
    if (q < 0) {
      q = 3;
      y -= 1;
    }
  }
  return out;
}

/** The municipalities' county codes: the county row sums its municipalities. */
async function countyOf(db: Kysely<DB> | Transaction<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organisation').select(['municipality_code', 'county_code']).where('kind', '=', 'municipality').where('municipality_code', 'is not', null).execute();
  return new Map(rows.map((r) => [r.municipality_code!, r.county_code ?? r.municipality_code!.slice(0, 2)]));
}

/** Suppresses one table of cells that add up to their county's cell; returns the stored rows. */
function suppressed(cells: Cell[], relations: AdditiveRelation[], threshold: number, respondents: (c: Cell) => number): { cell: Cell; reason: SuppressionReason | null }[] {
  const key = (c: Cell) => `${c.area}|${c.breakdown}`;
  const table: SuppressionCell[] = cells.map((c) => ({ key: key(c), respondents: respondents(c) }));
  const result = suppressTable(table, relations, threshold);
  return cells.map((cell) => ({ cell, reason: result.hidden.get(key(cell)) ?? null }));
}

/** A rate per 1,000 children: one cell per municipality and one for each county (their sum). */
function rateCells(numerators: MunicipalityCount[], children: MunicipalityCount[], county: Map<string, string>): { cells: Cell[]; relations: AdditiveRelation[] } {
  const num = new Map(numerators.map((r) => [r.municipality_code, r.count]));
  const cells: Cell[] = [];
  const byCounty = new Map<string, { count: number; denominator: number; parts: string[] }>();
  for (const c of children) {
    const count = num.get(c.municipality_code) ?? 0;
    cells.push({ area: c.municipality_code, breakdown: '', count, denominator: c.count, value: (count / c.count) * 1000 });
    const code = county.get(c.municipality_code) ?? c.municipality_code.slice(0, 2);
    const agg = byCounty.get(code) ?? { count: 0, denominator: 0, parts: [] };
    agg.count += count;
    agg.denominator += c.count;
    agg.parts.push(`${c.municipality_code}|`);
    byCounty.set(code, agg);
  }
  const relations: AdditiveRelation[] = [];
  for (const [code, agg] of byCounty) {
    cells.push({ area: code, breakdown: '', count: agg.count, denominator: agg.denominator, value: agg.denominator > 0 ? (agg.count / agg.denominator) * 1000 : 0 });
    relations.push({ total: `${code}|`, parts: agg.parts });
  }
  return { cells, relations };
}

export interface ComputeOptions {
  now: Date;
  threshold: number;
  quarters?: number;
}

/** Computes and stores every indicator for the recent quarters; returns the number of rows stored. */
export async function computeChildLevelIndicators(db: Kysely<DB> | Transaction<DB>, options: ComputeOptions): Promise<number> {
  const county = await countyOf(db);
  const rows: Row[] = [];
  for (const { label, bounds } of quartersUpTo(options.now, options.quarters ?? 8)) {
    const children = await childrenPerMunicipality(db, bounds);
    const add = (indicator: string, list: { cell: Cell; reason: SuppressionReason | null }[]) => {
      for (const { cell, reason } of list) {
        rows.push({ indicator_id: indicator, area_code: cell.area, quarter: label, breakdown: cell.breakdown, count: reason ? null : cell.count, denominator: reason ? null : cell.denominator, value: reason ? null : round(cell.value), suppressed_reason: reason, computed_at: options.now });
      }
    };
    const plans = rateCells(await childrenWithActivePlan(db, bounds), children, county);
    add('samsyn.active_plans', suppressed(plans.cells, plans.relations, options.threshold, (c) => c.count));
    const reports = rateCells(await reportsOfConcern(db, bounds), children, county);
    add('samsyn.reports_of_concern', suppressed(reports.cells, reports.relations, options.threshold, (c) => c.count));
    const days = await concernToPlanCells(db, bounds, county);
    add('samsyn.concern_to_plan_days', suppressed(days.cells, days.relations, options.threshold, (c) => c.count));
    const wheel = await ratingCells(db, bounds, county);
    add('samsyn.wellbeing_ratings', suppressed(wheel.cells, wheel.relations, options.threshold, (c) => c.count));
  }
  const quarters = [...new Set(rows.map((r) => r.quarter as string))];
  const write = async (trx: Transaction<DB>) => {
    if (quarters.length > 0) await trx.deleteFrom('child_level_indicator_value').where('quarter', 'in', quarters).execute();
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('child_level_indicator_value').values(rows.slice(i, i + 500) as never).execute();
  };
  // The seed computes inside its own transaction; the job opens one.
  if (db.isTransaction) await write(db as Transaction<DB>);
  else await db.transaction().execute(write);
  return rows.length;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The median of a histogram (value → how many). */
export function histogramMedian(bins: { days: number; count: number }[]): number {
  const sorted = [...bins].sort((a, b) => a.days - b.days);
  const n = sorted.reduce((s, b) => s + b.count, 0);
  const at = (k: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (seen > k) return b.days;
    }
    return sorted[sorted.length - 1]!.days;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

async function concernToPlanCells(db: Kysely<DB> | Transaction<DB>, bounds: QuarterBounds, county: Map<string, string>) {
  const bins = await daysFromConcernToPlan(db, bounds);
  const per = new Map<string, { days: number; count: number }[]>();
  for (const b of bins) {
    for (const area of [b.municipality_code, county.get(b.municipality_code) ?? b.municipality_code.slice(0, 2)]) per.set(area, [...(per.get(area) ?? []), b]);
  }
  const cells: Cell[] = [...per].map(([area, list]) => ({ area, breakdown: '', count: list.reduce((s, b) => s + b.count, 0), denominator: list.reduce((s, b) => s + b.count, 0), value: histogramMedian(list) }));
  return { cells, relations: countyRelations(cells, county, '') };
}

async function ratingCells(db: Kysely<DB> | Transaction<DB>, bounds: QuarterBounds, county: Map<string, string>) {
  const counts = new Map<string, number>();
  const bump = (area: string, breakdown: string, n: number) => counts.set(`${area}|${breakdown}`, (counts.get(`${area}|${breakdown}`) ?? 0) + n);
  for (const r of await wellbeingRatings(db, bounds)) {
    for (const area of [r.municipality_code, county.get(r.municipality_code) ?? r.municipality_code.slice(0, 2)]) {
      bump(area, `${r.respondent}:${r.area}:${r.rating}`, r.count);
      bump(area, `${r.respondent}:${r.area}:all`, r.count);
    }
  }
  const cells: Cell[] = [...counts].map(([key, count]) => {
    const [area, breakdown] = key.split('|') as [string, string];
    const total = counts.get(`${area}|${breakdown.replace(/:[^:]+$/, ':all')}`)!;
    return { area, breakdown, count, denominator: total, value: (count / total) * 100 };
  });
  // Within an area and respondent the ratings add up to the total; across areas to the county's.
  const relations: AdditiveRelation[] = [];
  const byTotal = new Map<string, string[]>();
  for (const c of cells) if (!c.breakdown.endsWith(':all')) byTotal.set(`${c.area}|${c.breakdown.replace(/:[^:]+$/, ':all')}`, [...(byTotal.get(`${c.area}|${c.breakdown.replace(/:[^:]+$/, ':all')}`) ?? []), `${c.area}|${c.breakdown}`]);
  for (const [total, parts] of byTotal) relations.push({ total, parts });
  for (const b of new Set(cells.map((c) => c.breakdown))) relations.push(...countyRelations(cells.filter((c) => c.breakdown === b), county, b));
  return { cells, relations };
}

/** The county's cell of a breakdown is the sum of its municipalities' cells. */
function countyRelations(cells: Cell[], county: Map<string, string>, breakdown: string): AdditiveRelation[] {
  const parts = new Map<string, string[]>();
  for (const c of cells) if (c.area.length === 4) {
    const code = county.get(c.area) ?? c.area.slice(0, 2);
    parts.set(code, [...(parts.get(code) ?? []), `${c.area}|${breakdown}`]);
  }
  return [...parts].map(([code, list]) => ({ total: `${code}|${breakdown}`, parts: list }));
}

/** The stored, suppressed figures of one indicator (what the API and the dashboard read). */
export async function storedIndicator(db: Kysely<DB>, indicatorId: string) {
  const rows = await db.selectFrom('child_level_indicator_value').select(['area_code', 'quarter', 'breakdown', 'count', 'denominator', 'value', 'suppressed_reason']).where('indicator_id', '=', indicatorId).orderBy('quarter').orderBy('area_code').orderBy('breakdown').execute();
  return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
}
