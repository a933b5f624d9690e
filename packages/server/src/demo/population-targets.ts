/**
 * The demo's completed-studies series and the county's targets (issue 15, items 4 and 9).
 *
 * Completed studies come from Kolada-shaped pages, imported through the real Kolada import: ten
 * years for the county (0099) and its five municipalities, for pupils who live in the municipality
 * (hemkommun) and for those in its own schools (kommunala skolor) — two indicators, since they are
 * different pupils. One cell is confidential (".."), and a second import revises one published
 * value, so its history shows. The KPI ids N99001 and N99002 are outside Kolada's real series, as
 * the county's codes are (county.ts).
 *
 * Targets: +2 percentage points a year for the county, from each indicator's first year (−2 where
 * lower is better), for the three priorities' indicators.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { importKoladaPages } from '../indicators/kolada-import.ts';
import { estimates } from '../surveys/service.ts';
import { county } from './county.ts';
import { demoSurveyIndicators, demoWaveYears } from './surveys.ts';

export const demoKoladaIndicators = [
  { id: 'kolada.n99001', kpi: 'N99001', pupilBasis: 'home_municipality', nameSv: 'Elever i åk 9 som är behöriga till gymnasiet, hemkommun', nameEn: 'Pupils in year 9 eligible for upper-secondary school, home municipality', titleSv: 'Elever i åk. 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)', level: 0 },
  { id: 'kolada.n99002', kpi: 'N99002', pupilBasis: 'municipal_schools', nameSv: 'Elever i åk 9 som är behöriga till gymnasiet, kommunala skolor', nameEn: 'Pupils in year 9 eligible for upper-secondary school, municipal schools', titleSv: 'Elever i åk. 9 som är behöriga till ett yrkesprogram, kommunala skolor, andel (%)', level: -1.5 },
] as const;

const countyCode = `00${county.region.countyCode}`;
const places = [{ code: countyCode, base: 81, trend: 0.9 }, ...county.municipalities.map((m, i) => ({ code: m.code, base: [82, 77, 84, 79, 80][i]!, trend: [1.6, 0.4, 0.8, -0.2, 1.1][i]! }))];
/** Lindmo's girls in the municipality's own schools, one year: too few pupils, so Kolada hides it. */
const confidential = { kpi: 'N99002', municipality: '9905', gender: 'K', yearsAgo: 4 };

function share(place: (typeof places)[number], level: number, i: number, gender: 'T' | 'K' | 'M'): number {
  const wobble = ((i * 7 + Number(place.code)) % 5) * 0.3 - 0.6;
  const sex = gender === 'K' ? 2.5 : gender === 'M' ? -2.5 : 0;
  return Math.round((place.base + level + place.trend * i + wobble + sex) * 10) / 10;
}

function dataPage(years: readonly number[], revise: boolean) {
  const values = demoKoladaIndicators.flatMap((k) =>
    places.flatMap((p) =>
      years.map((period, i) => ({
        kpi: k.kpi,
        municipality: p.code,
        period,
        values: (['T', 'K', 'M'] as const).map((gender) => {
          const hidden = k.kpi === confidential.kpi && p.code === confidential.municipality && gender === confidential.gender && i === years.length - 1 - confidential.yearsAgo;
          // The second import brings Kolada's revision of Exempelstad's figure two years ago.
          const revised = revise && k.kpi === 'N99001' && p.code === '9901' && gender === 'T' && i === years.length - 3;
          return { gender, count: 1, status: hidden ? '..' : '', value: hidden ? null : share(p, k.level, i, gender) + (revised ? 0.8 : 0) };
        }),
      })),
    ),
  );
  return { count: values.length, values, next_page: null };
}

const kpiPage = { count: 2, values: demoKoladaIndicators.map((k) => ({ id: k.kpi, title: k.titleSv, description: k.nameSv, is_divided_by_gender: 1, has_ou_data: 0, municipality_type: 'K', operating_area: 'Grundskola', publication_date: null })) };
const municipalityPage = { count: places.length, values: [{ id: countyCode, title: 'Exempellän', type: 'L' }, ...county.municipalities.map((m) => ({ id: m.code, title: m.short, type: 'K' }))] };

export async function seedPopulationTargets(trx: Transaction<DB>, options: { now: Date; regionId: string; analystId: string }): Promise<void> {
  const { now, regionId, analystId } = options;
  const last = demoWaveYears(now)[1];
  const years = Array.from({ length: 10 }, (_, i) => last - 9 + i);
  const meta = { by: analystId, at: now, source: 'files: demo' };
  await importKoladaPages(trx, [{ name: 'kpi.json', content: kpiPage }, { name: 'municipality.json', content: municipalityPage }, { name: 'data.json', content: dataPage(years, false) }], meta);
  await importKoladaPages(trx, [{ name: 'data-revised.json', content: dataPage(years, true) }], meta);
  for (const k of demoKoladaIndicators) {
    await trx.insertInto('indicator').values({ id: k.id, name_sv: k.nameSv, name_en: k.nameEn, description_sv: k.titleSv, description_en: k.nameEn, unit: 'percent', direction: 'higher_is_better', priority_area: 'completed_studies', source_kind: 'kolada', source_ref: k.kpi, pupil_basis: k.pupilBasis, breakdowns: ['year', 'municipality', 'gender'], owner_organisation_id: regionId, created_by: analystId, created_at: now, updated_at: now }).execute();
  }
  const rule = (baselineYear: number, baselineValue: number, up: boolean) => ({ kind: 'yearly_change' as const, baseline_year: baselineYear, baseline_value: Math.round(baselineValue * 10) / 10, change_per_year: up ? 2 : -2, target_year: null, target_value: null });
  // The hemkommun indicator carries the target; the kommunala skolor one defaults to it.
  const targets = [{ indicator_id: 'kolada.n99001', ...rule(years[0]!, share(places[0]!, 0, 0, 'T'), true) }];
  const firstWave = demoWaveYears(now)[0];
  for (const i of demoSurveyIndicators) {
    const view = await estimates(trx, { indicator: i.id, year: firstWave, area: 'county', gender: 'T', grade: 'all' }, { threshold: 10 });
    const cell = view.cells[0];
    if (cell && !cell.suppressed) targets.push({ indicator_id: i.id, ...rule(firstWave, cell.proportion * 100, i.direction === 'higher_is_better') });
  }
  await trx.insertInto('indicator_target').values(targets.map((x) => ({ ...x, organisation_id: regionId, set_by: analystId, set_at: now }))).execute();
}
