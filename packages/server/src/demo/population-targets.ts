/**
 * The demo's Kolada series and the county's targets (issue 15, items 4 and 9).
 *
 * Six Kolada indicators across the three priorities, from Kolada-shaped pages imported through the
 * real Kolada import: ten years for the county (0099) and its five municipalities.
 * - Completed studies: eligibility for upper-secondary school, for pupils who live in the
 *   municipality (hemkommun) and for those in its own schools (kommunala skolor) — two indicators,
 *   since they are different pupils. Their KPI ids N99001 and N99002 are outside Kolada's real
 *   series, as the county's codes are (county.ts).
 * - Mental health: pupils in years 5 and 9 who feel safe at school (Skolinspektionen's survey).
 * - Physical activity: pupils in year 9 with at least an E in physical education, hemkommun and
 *   kommunala skolor.
 * The last four ids look like Kolada's (U + five digits, as its quality KPIs are written) and the
 * titles read as Kolada's do, but every value is synthetic, and an id is not claimed to be that KPI
 * in the real Kolada. (Their catalogue ids sort after kolada.n99001/2, which the fund's demo
 * applications take as the first two indicators.)
 *
 * One cell is confidential (".."), and a second import revises one published value, so its
 * history shows. Targets: +2 percentage points a year for the county, from each indicator's first
 * year (−2 where lower is better), for the three priorities' indicators; a kommunala skolor
 * indicator defaults to its hemkommun twin's. Exempelstad has a target of its own for "mår bra",
 * so its page shows a municipality's stored target beside the county's shared rule elsewhere.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { importKoladaPages } from '../indicators/kolada-import.ts';
import { estimates } from '../surveys/service.ts';
import { county } from './county.ts';
import { demoSurveyIndicators, demoWaveYears } from './surveys.ts';

type PriorityArea = 'completed_studies' | 'mental_health' | 'physical_activity';
interface DemoKpi {
  id: string;
  kpi: string;
  area: PriorityArea;
  pupilBasis: 'home_municipality' | 'municipal_schools' | null;
  nameSv: string;
  nameEn: string;
  titleSv: string;
  operatingArea: string;
  /** Points above the place's base level, how the place's trend carries over, and how much higher girls are. */
  level: number;
  trend: number;
  girls: number;
  /** Shifts the year-to-year wobble, so the series do not move in step. */
  phase: number;
  /** Whether the county's target is set on it (a kommunala skolor twin defaults to its hemkommun one). */
  target: boolean;
}

export const demoKoladaIndicators: readonly DemoKpi[] = [
  { id: 'kolada.n99001', kpi: 'N99001', area: 'completed_studies', pupilBasis: 'home_municipality', nameSv: 'Elever i åk 9 som är behöriga till gymnasiet, hemkommun', nameEn: 'Pupils in year 9 eligible for upper-secondary school, home municipality', titleSv: 'Elever i åk. 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)', operatingArea: 'Grundskola', level: 0, trend: 1, girls: 2.5, phase: 0, target: true },
  { id: 'kolada.n99002', kpi: 'N99002', area: 'completed_studies', pupilBasis: 'municipal_schools', nameSv: 'Elever i åk 9 som är behöriga till gymnasiet, kommunala skolor', nameEn: 'Pupils in year 9 eligible for upper-secondary school, municipal schools', titleSv: 'Elever i åk. 9 som är behöriga till ett yrkesprogram, kommunala skolor, andel (%)', operatingArea: 'Grundskola', level: -1.5, trend: 1, girls: 2.5, phase: 0, target: false },
  { id: 'kolada.u15611', kpi: 'U15611', area: 'mental_health', pupilBasis: null, nameSv: 'Elever i åk 5 som känner sig trygga i skolan', nameEn: 'Pupils in year 5 who feel safe at school', titleSv: 'Elever i åk 5: Jag känner mig trygg i skolan, positiva svar, andel (%)', operatingArea: 'Grundskola', level: 7, trend: -0.3, girls: -1, phase: 1, target: true },
  { id: 'kolada.u15613', kpi: 'U15613', area: 'mental_health', pupilBasis: null, nameSv: 'Elever i åk 9 som känner sig trygga i skolan', nameEn: 'Pupils in year 9 who feel safe at school', titleSv: 'Elever i åk 9: Jag känner mig trygg i skolan, positiva svar, andel (%)', operatingArea: 'Grundskola', level: -2, trend: -0.4, girls: -4, phase: 3, target: true },
  { id: 'kolada.u15570', kpi: 'U15570', area: 'physical_activity', pupilBasis: 'home_municipality', nameSv: 'Elever i åk 9 med lägst betyget E i idrott och hälsa, hemkommun', nameEn: 'Pupils in year 9 with at least an E in physical education, home municipality', titleSv: 'Elever i åk. 9 med lägst betyget E i idrott och hälsa, hemkommun, andel (%)', operatingArea: 'Grundskola', level: 9, trend: 0.3, girls: -1.5, phase: 2, target: true },
  { id: 'kolada.u15571', kpi: 'U15571', area: 'physical_activity', pupilBasis: 'municipal_schools', nameSv: 'Elever i åk 9 med lägst betyget E i idrott och hälsa, kommunala skolor', nameEn: 'Pupils in year 9 with at least an E in physical education, municipal schools', titleSv: 'Elever i åk. 9 med lägst betyget E i idrott och hälsa, kommunala skolor, andel (%)', operatingArea: 'Grundskola', level: 8.5, trend: 0.3, girls: -1.5, phase: 4, target: false },
];

const countyCode = `00${county.region.countyCode}`;
const places = [{ code: countyCode, base: 81, trend: 0.9 }, ...county.municipalities.map((m, i) => ({ code: m.code, base: [82, 77, 84, 79, 80][i]!, trend: [1.6, 0.4, 0.8, -0.2, 1.1][i]! }))];
/** Lindmo's girls in the municipality's own schools, one year: too few pupils, so Kolada hides it. */
const confidential = { kpi: 'N99002', municipality: '9905', gender: 'K', yearsAgo: 4 };

function share(place: (typeof places)[number], k: DemoKpi, i: number, gender: 'T' | 'K' | 'M'): number {
  const wobble = ((i * 7 + Number(place.code) + k.phase) % 5) * 0.3 - 0.6;
  const sex = gender === 'K' ? k.girls : gender === 'M' ? -k.girls : 0;
  return Math.min(99.5, Math.round((place.base + k.level + place.trend * k.trend * i + wobble + sex) * 10) / 10);
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
          return { gender, count: 1, status: hidden ? '..' : '', value: hidden ? null : share(p, k, i, gender) + (revised ? 0.8 : 0) };
        }),
      })),
    ),
  );
  return { count: values.length, values, next_page: null };
}

const kpiPage = { count: demoKoladaIndicators.length, values: demoKoladaIndicators.map((k) => ({ id: k.kpi, title: k.titleSv, description: k.nameSv, is_divided_by_gender: 1, has_ou_data: 0, municipality_type: 'K', operating_area: k.operatingArea, publication_date: null })) };
const municipalityPage = { count: places.length, values: [{ id: countyCode, title: 'Exempellän', type: 'L' }, ...county.municipalities.map((m) => ({ id: m.code, title: m.short, type: 'K' }))] };

export async function seedPopulationTargets(trx: Transaction<DB>, options: { now: Date; regionId: string; analystId: string }): Promise<void> {
  const { now, regionId, analystId } = options;
  const last = demoWaveYears(now)[1];
  const years = Array.from({ length: 10 }, (_, i) => last - 9 + i);
  const meta = { by: analystId, at: now, source: 'files: demo' };
  await importKoladaPages(trx, [{ name: 'kpi.json', content: kpiPage }, { name: 'municipality.json', content: municipalityPage }, { name: 'data.json', content: dataPage(years, false) }], meta);
  await importKoladaPages(trx, [{ name: 'data-revised.json', content: dataPage(years, true) }], meta);
  await trx.insertInto('indicator').values(demoKoladaIndicators.map((k) => ({ id: k.id, name_sv: k.nameSv, name_en: k.nameEn, description_sv: k.titleSv, description_en: k.nameEn, unit: 'percent', direction: 'higher_is_better', priority_area: k.area, source_kind: 'kolada', source_ref: k.kpi, pupil_basis: k.pupilBasis, breakdowns: ['year', 'municipality', 'gender'], owner_organisation_id: regionId, created_by: analystId, created_at: now, updated_at: now }))).execute();
  const rule = (baselineYear: number, baselineValue: number, up: boolean) => ({ kind: 'yearly_change' as const, baseline_year: baselineYear, baseline_value: Math.round(baselineValue * 10) / 10, change_per_year: up ? 2 : -2, target_year: null, target_value: null });
  const targets = demoKoladaIndicators.filter((k) => k.target).map((k) => ({ indicator_id: k.id, organisation_id: regionId, ...rule(years[0]!, share(places[0]!, k, 0, 'T'), true) }));
  const firstWave = demoWaveYears(now)[0];
  for (const i of demoSurveyIndicators) {
    const view = await estimates(trx, { indicator: i.id, year: firstWave, area: 'county', gender: 'T', grade: 'all' }, { threshold: 10 });
    const cell = view.cells[0];
    if (cell && !cell.suppressed) targets.push({ indicator_id: i.id, organisation_id: regionId, ...rule(firstWave, cell.proportion * 100, i.direction === 'higher_is_better') });
  }
  // Exempelstad's own target for "mår bra": +2 a year from its first wave, set by the county's analyst (the indicator's keeper).
  const exempelstad = await trx.selectFrom('organisation').select('id').where('municipality_code', '=', county.municipalities[0].code).executeTakeFirstOrThrow();
  const own = (await estimates(trx, { indicator: 'lhu.mar-bra', year: firstWave, area: county.municipalities[0].code, gender: 'T', grade: 'all' }, { threshold: 10 })).cells[0];
  if (own && !own.suppressed) targets.push({ indicator_id: 'lhu.mar-bra', organisation_id: exempelstad.id, ...rule(firstWave, own.proportion * 100, true) });
  await trx.insertInto('indicator_target').values(targets.map((x) => ({ ...x, set_by: analystId, set_at: now }))).execute();
}
