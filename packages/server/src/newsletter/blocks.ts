import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { allGrades, runChartAnalysis, type NewsletterBlock } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { planView } from '../action-plans/service.ts';
import { koladaValuesOf } from '../indicators/queries.ts';
import { measureView } from '../improvement/views.ts';
import { estimates } from '../surveys/service.ts';

/**
 * A block's data as of the date: what the page and the PDF show, and nothing more. A
 * draft reads it live for the preview; publishing keeps it in the public page's version, so the
 * page never reads the database again. Figures of a later year (or run-chart points after the
 * date) are left out; a plan's progress and a fund project are as they stand when read.
 */

/** A survey row: a year and its estimate per grade; a suppressed cell is only its reason. */
export interface SurveyCell { grade: string; shown: boolean; percent: number | null; lower: number | null; upper: number | null; reason: 'too_few' | 'complementary' | null }
export type BlockData =
  | { type: 'text'; heading: string; text: string }
  | { type: 'survey'; nameSv: string; nameEn: string; area: string; /** The municipality's name (absent in issues frozen before it was kept). */ areaName?: string; grades: string[]; rows: { year: number; cells: SurveyCell[] }[] }
  | { type: 'kolada'; kpi: string; municipality: string; municipalityName: string; points: { period: number; value: number | null }[] }
  | { type: 'run_chart'; name: string; points: { period: string; value: number | null }[]; median: number | null; signal: boolean; n: number }
  | { type: 'action_plan'; title: string; periodStart: string; periodEnd: string; overallGoal: string; activities: { title: string; status: string; endsOn: string }[] }
  | { type: 'fund_story'; title: string; applicant: string; targetGroup: string; intervention: string; expectedEffects: string; projectStart: string | null; projectEnd: string | null };

const round1 = (n: number) => Math.round(n * 1000) / 10;

async function surveyBlock(db: Kysely<DB>, request: FastifyRequest, b: Extract<NewsletterBlock, { type: 'survey' }>, year: number): Promise<BlockData> {
  // The whole table is suppressed first (surveys/service.ts), then the area is taken: a slice can
  // never be combined with another to work a hidden cell out. One gender column (T: all) is shown.
  const view = await estimates(db, { indicator: b.indicatorId, area: b.area }, { threshold: request.server.services.config.suppressionThreshold });
  const grades = [allGrades, ...view.grades];
  const years = view.years.filter((y) => y <= year);
  const rows = years.map((y) => ({
    year: y,
    cells: grades.map((g): SurveyCell => {
      const c = view.cells.find((x) => x.year === y && x.gender === b.gender && x.grade === g);
      if (!c || c.suppressed) return { grade: g, shown: false, percent: null, lower: null, upper: null, reason: c?.suppressed ? c.reason : null };
      return { grade: g, shown: true, percent: round1(c.proportion), lower: round1(c.lower), upper: round1(c.upper), reason: null };
    }),
  }));
  const areaName = view.areas.find((a) => a.code === b.area)?.name ?? b.area;
  return { type: 'survey', nameSv: view.indicator.nameSv, nameEn: view.indicator.nameEn, area: b.area, areaName, grades, rows };
}

async function koladaBlock(db: Kysely<DB>, b: Extract<NewsletterBlock, { type: 'kolada' }>, year: number): Promise<BlockData> {
  const rows = (await koladaValuesOf(db, { kpi: b.kpi, municipality: b.municipality, gender: 'T' })).filter((r) => r.ou === null && r.period <= year);
  if (rows.length === 0) throw new AppError('validation_failed', { details: [{ path: 'body.blocks', message: 'no_kolada_values' }] });
  return { type: 'kolada', kpi: b.kpi, municipality: b.municipality, municipalityName: rows[0]!.municipalityName ?? b.municipality, points: rows.map((r) => ({ period: r.period, value: r.value })) };
}

async function runChartBlock(db: Kysely<DB>, request: FastifyRequest, b: Extract<NewsletterBlock, { type: 'run_chart' }>, date: string): Promise<BlockData> {
  // measureView asks whether the caller reads the project: no one publishes a chart they may not see.
  const m = await measureView(db, request, b.measureId);
  const points = m.points.filter((p) => p.period <= date).map((p) => ({ period: p.period, value: p.value }));
  const run = runChartAnalysis(points.map((p) => p.value));
  return { type: 'run_chart', name: m.name, points, median: run.median, signal: run.signal, n: run.n };
}

async function planBlock(db: Kysely<DB>, request: FastifyRequest, b: Extract<NewsletterBlock, { type: 'action_plan' }>): Promise<BlockData> {
  const plan = await planView(db, request, b.planId);
  // The progress only: activities and their status, no reviews, no people's names.
  return { type: 'action_plan', title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, overallGoal: plan.overallGoal, activities: plan.subGoals.flatMap((g) => g.activities.map((a) => ({ title: a.title, status: a.status, endsOn: a.endsOn }))) };
}

async function fundBlock(db: Kysely<DB>, b: Extract<NewsletterBlock, { type: 'fund_story' }>): Promise<BlockData> {
  const row = await db.selectFrom('fund_application as a').innerJoin('organisation as o', 'o.id', 'a.applicant_organisation_id').select(['a.title', 'a.status', 'o.name', 'a.target_group', 'a.intervention', 'a.expected_effects', 'a.project_start', 'a.project_end']).where('a.id', '=', b.applicationId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  // Only a granted project is the fund's public story: an application is still the applicant's.
  if (row.status !== 'granted' && row.status !== 'granted_with_conditions') throw new AppError('validation_failed', { details: [{ path: 'body.blocks', message: 'fund_project_not_granted' }] });
  return { type: 'fund_story', title: row.title, applicant: row.name, targetGroup: row.target_group, intervention: row.intervention, expectedEffects: row.expected_effects, projectStart: row.project_start, projectEnd: row.project_end };
}

/** Every block's data, in order, as of `date` (YYYY-MM-DD). */
export async function blockData(db: Kysely<DB>, request: FastifyRequest, blocks: readonly NewsletterBlock[], date: string): Promise<BlockData[]> {
  const year = Number(date.slice(0, 4));
  const out: BlockData[] = [];
  for (const b of blocks) {
    if (b.type === 'text') out.push({ type: 'text', heading: b.heading, text: b.text });
    else if (b.type === 'survey') out.push(await surveyBlock(db, request, b, year));
    else if (b.type === 'kolada') out.push(await koladaBlock(db, b, year));
    else if (b.type === 'run_chart') out.push(await runChartBlock(db, request, b, date));
    else if (b.type === 'action_plan') out.push(await planBlock(db, request, b));
    else out.push(await fundBlock(db, b));
  }
  return out;
}
