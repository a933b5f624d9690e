import type { Kysely } from 'kysely';
import { judgingRule, newcombeDifference, runChartAnalysis, targetForArea, targetYears, type KoladaValueStatus, type SeriesQuery, type SeriesView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { findIndicator } from './queries.ts';
import { defaultTargetIndicator, targetsOf } from './targets.ts';

/**
 * The yearly series of a Kolada or local indicator for the county or one municipality, with the
 * stored target for that area (or, without one, the county's shared rule) judged year by year
 * (`judgingRule` and `targetYears` in core). The county's figures are
 * kept under Kolada's code for a county, `00` and the county code (0099 for the demo's county).
 */

interface Point {
  year: number;
  value: number | null;
  status: KoladaValueStatus;
  /** The number a share is of, where known (a local figure's count); Kolada's `count` is not that. */
  n?: number | null;
}

/** The county's code in Kolada's series: the region that owns the indicator, or else the first region. */
async function countyOf(db: Kysely<DB>, ownerId: string): Promise<{ code: string | null; name: string }> {
  const regions = await db.selectFrom('organisation').select(['id', 'name', 'county_code']).where('kind', '=', 'region').where('county_code', 'is not', null).orderBy('name').execute();
  const region = regions.find((r) => r.id === ownerId) ?? regions[0];
  return region ? { code: `00${region.county_code}`, name: region.name } : { code: null, name: 'county' };
}

async function koladaPoints(db: Kysely<DB>, kpi: string, code: string, gender: string): Promise<Point[]> {
  return db.selectFrom('kolada_value').select(['period as year', 'value', 'status']).where('kpi', '=', kpi).where('municipality', '=', code).where('ou', '=', '').where('gender', '=', gender as 'T').orderBy('period').execute();
}

async function localPoints(db: Kysely<DB>, indicatorId: string, code: string, gender: string): Promise<Point[]> {
  return db.selectFrom('local_value').select(['year', 'value', 'status', 'count as n']).where('indicator_id', '=', indicatorId).where('municipality', '=', code).where('school_unit', '=', '').where('gender', '=', gender as 'T').orderBy('year').execute();
}

/** The places with figures, by code, named from the organisations or Kolada's municipality list. */
async function areaCodes(db: Kysely<DB>, kind: 'kolada' | 'local', ref: string, indicatorId: string): Promise<string[]> {
  const rows = kind === 'kolada'
    ? await db.selectFrom('kolada_value').select('municipality as code').distinct().where('kpi', '=', ref).where('ou', '=', '').execute()
    : await db.selectFrom('local_value').select('municipality as code').distinct().where('indicator_id', '=', indicatorId).where('school_unit', '=', '').execute();
  return rows.map((r) => r.code).sort();
}

async function names(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const kolada = await db.selectFrom('kolada_municipality').select(['id', 'title']).where('id', 'in', codes).execute();
  const orgs = await db.selectFrom('organisation').select(['municipality_code', 'name']).where('municipality_code', 'in', codes).execute();
  return new Map([...kolada.map((k) => [k.id, k.title] as const), ...orgs.map((o) => [o.municipality_code!, o.name] as const)]);
}

/**
 * Each year's change since the previous figure. Newcombe's interval needs each share's
 * denominator: a percent figure with its count (successes = value × n); otherwise the change is
 * given without an interval rather than with one made up.
 */
export function changesOf(points: readonly Point[], percent: boolean): SeriesView['changes'] {
  const shown = points.filter((p): p is Point & { value: number } => p.value !== null);
  return shown.slice(1).map((p, i) => {
    const before = shown[i]!;
    const counted = percent && before.n && p.n && p.n > 0 && before.n > 0;
    if (!counted) return { year: p.year, difference: p.value - before.value, interval: null };
    const share = (q: Point & { value: number }) => ({ successes: Math.round((q.value / 100) * q.n!), n: q.n! });
    const d = newcombeDifference(share(p), share(before));
    return { year: p.year, difference: p.value - before.value, interval: { lower: d.lower * 100, upper: d.upper * 100, significant: d.significant } };
  });
}

export async function seriesOf(db: Kysely<DB>, indicatorId: string, query: SeriesQuery): Promise<SeriesView> {
  const indicator = await findIndicator(db, indicatorId);
  if (!indicator) throw new AppError('not_found');
  const kind = indicator.source.kind;
  if (kind !== 'kolada' && kind !== 'local') throw new AppError('validation_failed', { details: [{ path: 'params.id', message: 'not_a_kolada_or_local_indicator' }] });
  const { code: county, name: countyName } = await countyOf(db, indicator.owner.id);
  const code = query.area === 'county' ? county : query.area;
  const points = code === null ? [] : kind === 'kolada' ? await koladaPoints(db, indicator.source.ref, code, query.gender) : await localPoints(db, indicator.id, code, query.gender);
  const codes = await areaCodes(db, kind, indicator.source.ref, indicator.id);
  const named = await names(db, codes);
  const municipalities = codes.filter((c) => c !== county);
  // A target of the indicator itself, or else that of its hemkommun indicator, which targets default to.
  let target = targetForArea(await targetsOf(db, indicator.id), query.area);
  const fallback = target ? null : await defaultTargetIndicator(db, indicator);
  if (fallback) target = targetForArea(await targetsOf(db, fallback), query.area);
  // Without a stored target the county's shared rule judges, as on the dashboards (one rule, in core).
  const judge = judgingRule(target ? [target] : [], query.area, points, indicator.direction);
  const lastYear = Math.max(0, ...points.map((p) => p.year));
  const judged = judge ? targetYears(judge.rule, new Map(points.map((p) => [p.year, p.value])), Math.max(lastYear, judge.rule.baselineYear + 1), indicator.direction) : [];
  return {
    indicator: { id: indicator.id, nameSv: indicator.nameSv, nameEn: indicator.nameEn, unit: indicator.unit, direction: indicator.direction, sourceKind: kind, pupilBasis: indicator.pupilBasis },
    area: { code: query.area, name: query.area === 'county' ? countyName : named.get(query.area) ?? query.area },
    areas: [{ code: 'county', name: countyName }, ...municipalities.map((c) => ({ code: c, name: named.get(c) ?? c }))],
    gender: query.gender,
    points: points.map((p) => ({ year: p.year, value: p.value, status: p.status })),
    target,
    judgedBy: judge ? { source: judge.source, rule: judge.rule } : null,
    judged,
    changes: changesOf(points, indicator.unit === 'percent'),
    runChart: runChartAnalysis(points.map((p) => p.value)),
  };
}
