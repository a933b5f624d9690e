/**
 * The demo's school survey, shaped like Liv och hälsa ung: grades 7 and 9 and upper-secondary
 * year 2, two waves three years apart (the latest last calendar year, by the services' clock),
 * about 20,000 generated respondents. Municipalities, genders and grades differ as in the real
 * survey (girls and older pupils report worse wellbeing), and Exempelstad's share who "mår bra"
 * really improves between the waves — the change Newcombe's interval marks as significant.
 * Lindmo has no upper-secondary school: few of its pupils answer in year 2, so their cells are
 * suppressed ("för få svar") and complementary suppression shows.
 */
import type { Transaction } from 'kysely';
import { SurveyAggregator, type Respondent, type SurveyQuestion } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { Random } from './random.ts';
import { buildIndicatorCells } from '../surveys/indicator-cells.ts';

export const demoSurveyId = 'liv-och-halsa-ung';

const five = (sv: string[], en: string[]) => sv.map((labelSv, i) => ({ code: i + 1, labelSv, labelEn: en[i]! }));
const goodToBad = five(['Mycket bra', 'Ganska bra', 'Varken bra eller dåligt', 'Ganska dåligt', 'Mycket dåligt'], ['Very good', 'Good', 'Neither good nor bad', 'Bad', 'Very bad']);
const always = five(['Alltid', 'Oftast', 'Ibland', 'Sällan', 'Aldrig'], ['Always', 'Mostly', 'Sometimes', 'Rarely', 'Never']);
const days = five(['Varje dag', '4–6 dagar', '2–3 dagar', 'En dag', 'Ingen dag'], ['Every day', '4–6 days', '2–3 days', 'One day', 'No day']);

export const demoSurveyQuestions: SurveyQuestion[] = [
  { id: 'q_health', textSv: 'Hur mår du för det mesta?', textEn: 'How do you feel most of the time?', options: goodToBad },
  { id: 'q_safe_school', textSv: 'Känner du dig trygg i skolan?', textEn: 'Do you feel safe at school?', options: always },
  { id: 'q_sleep', textSv: 'Sover du tillräckligt?', textEn: 'Do you get enough sleep?', options: always },
  { id: 'q_active', textSv: 'Hur många dagar i veckan är du fysiskt aktiv minst en timme?', textEn: 'How many days a week are you physically active for at least an hour?', options: days },
  { id: 'q_stress', textSv: 'Känner du dig stressad av skolarbetet?', textEn: 'Do you feel stressed by schoolwork?', options: always },
  { id: 'q_adult', textSv: 'Finns det en vuxen i skolan du kan prata med?', textEn: 'Is there an adult at school you can talk to?', options: always },
];

/** The catalogue's survey indicators: which question, which answers count, which priority. */
export const demoSurveyIndicators = [
  { id: 'lhu.mar-bra', questionId: 'q_health', counting: [1, 2], priorityArea: 'mental_health', direction: 'higher_is_better', nameSv: 'Andel elever som mår bra', nameEn: 'Share of pupils who feel well', descriptionSv: 'Andel som svarar "mycket bra" eller "ganska bra" på frågan hur de mår för det mesta.', descriptionEn: 'Share answering "very good" or "good" to how they feel most of the time.' },
  { id: 'lhu.trygg-i-skolan', questionId: 'q_safe_school', counting: [1, 2], priorityArea: 'mental_health', direction: 'higher_is_better', nameSv: 'Andel elever som känner sig trygga i skolan', nameEn: 'Share of pupils who feel safe at school', descriptionSv: 'Andel som svarar "alltid" eller "oftast".', descriptionEn: 'Share answering "always" or "mostly".' },
  { id: 'lhu.stressad', questionId: 'q_stress', counting: [1, 2], priorityArea: 'mental_health', direction: 'lower_is_better', nameSv: 'Andel elever som ofta är stressade av skolarbetet', nameEn: 'Share of pupils often stressed by schoolwork', descriptionSv: 'Andel som svarar "alltid" eller "oftast".', descriptionEn: 'Share answering "always" or "mostly".' },
  { id: 'lhu.fysiskt-aktiv', questionId: 'q_active', counting: [1, 2], priorityArea: 'physical_activity', direction: 'higher_is_better', nameSv: 'Andel elever som är fysiskt aktiva minst fyra dagar i veckan', nameEn: 'Share of pupils physically active at least four days a week', descriptionSv: 'Andel som svarar "varje dag" eller "4–6 dagar".', descriptionEn: 'Share answering "every day" or "4–6 days".' },
] as const;

/** Respondents per wave and municipality (9901…9905), and how many of those are in upper-secondary year 2. */
const respondentsPerWave = [
  { code: '9901', pupils: 3600, level: 0.0, improves: true },
  { code: '9902', pupils: 2300, level: -0.04, improves: false },
  { code: '9903', pupils: 1900, level: 0.03, improves: false },
  { code: '9904', pupils: 1200, level: -0.02, improves: false },
  { code: '9905', pupils: 900, level: 0.05, improves: false, fewUpperSecondary: true },
];

export function demoWaveYears(now: Date): [number, number] {
  const last = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(now)) - 1;
  return [last - 3, last];
}

/** A five-step answer whose chance of 1–2 ("good") is about `good`. */
function answer(random: Random, good: number): number {
  const r = random.next();
  if (r < good) return r < good * 0.45 ? 1 : 2;
  const rest = (r - good) / (1 - good);
  return rest < 0.45 ? 3 : rest < 0.8 ? 4 : 5;
}

function respondent(random: Random, year: number, wave: number, m: (typeof respondentsPerWave)[number], schools: readonly string[]): Respondent {
  const roll = random.next();
  const grade = m.fewUpperSecondary ? (roll < 0.49 ? '7' : roll < 0.985 ? '9' : 'gy2') : roll < 0.36 ? '7' : roll < 0.7 ? '9' : 'gy2';
  const gender = random.next() < 0.5 ? 'K' : 'M';
  const girl = gender === 'K';
  const older = grade === '7' ? 0 : grade === '9' ? 1 : 2;
  const uplift = m.improves && wave === 1 ? 0.09 : 0;
  // Wellbeing falls with age and is lower among girls; safety and activity follow their own patterns.
  const health = 0.8 + m.level - older * 0.07 - (girl ? 0.12 : 0) + uplift;
  const answers = [
    answer(random, health),
    answer(random, 0.86 + m.level / 2 - older * 0.03),
    answer(random, 0.7 - older * 0.1),
    answer(random, 0.62 + m.level - older * 0.09 - (girl ? 0.06 : 0)),
    answer(random, 0.3 + older * 0.12 + (girl ? 0.14 : 0)),
    answer(random, 0.65 + m.level),
  ].map((a) => (random.next() < 0.02 ? null : a));
  const school = grade === 'gy2' || schools.length === 0 ? null : schools[random.int(0, schools.length - 1)]!;
  // Weights as a survey's non-response adjustment: around 1, a little higher for boys in year 2.
  const weight = Math.round((0.85 + random.next() * 0.3 + (!girl && older === 2 ? 0.15 : 0)) * 1000) / 1000;
  return { year, municipality: m.code, schoolUnit: school, grade, gender, weight, answers };
}

const BATCH = 2000;

/** Seeds the survey, its indicators and both waves (raw rows and the pre-aggregated sums), in bulk inserts. */
export async function seedSurveys(trx: Transaction<DB>, options: { now: Date; ownerOrganisationId: string; analystId: string }): Promise<{ respondents: number }> {
  const { now, ownerOrganisationId, analystId } = options;
  const random = new Random(20_151_515);
  await trx.insertInto('survey').values({ id: demoSurveyId, name_sv: 'Liv och hälsa ung', name_en: 'Life and health, young people', grades: ['7', '9', 'gy2'], questions: JSON.stringify(demoSurveyQuestions), owner_organisation_id: ownerOrganisationId, created_by: analystId, created_at: now, updated_at: now }).execute();
  for (const i of demoSurveyIndicators) {
    await trx.insertInto('indicator').values({ id: i.id, name_sv: i.nameSv, name_en: i.nameEn, description_sv: i.descriptionSv, description_en: i.descriptionEn, unit: 'percent', direction: i.direction, priority_area: i.priorityArea, source_kind: 'survey', source_ref: `${demoSurveyId}/${i.questionId}`, pupil_basis: null, breakdowns: ['year', 'municipality', 'gender', 'grade', 'school_unit'], owner_organisation_id: ownerOrganisationId, created_by: analystId, created_at: now, updated_at: now }).execute();
    await trx.insertInto('survey_indicator').values({ indicator_id: i.id, survey_id: demoSurveyId, question_id: i.questionId, counting_answers: [...i.counting] }).execute();
  }
  const schools = await trx.selectFrom('unit as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select(['o.municipality_code', 'u.school_unit_code']).where('u.school_unit_code', 'is not', null).orderBy('u.school_unit_code').execute();
  let total = 0;
  for (const [wave, year] of demoWaveYears(now).entries()) {
    const aggregator = new SurveyAggregator(demoSurveyQuestions.length, 5);
    const rows: Respondent[] = [];
    for (const m of respondentsPerWave) {
      const own = schools.filter((s) => s.municipality_code === m.code).map((s) => s.school_unit_code!);
      for (let i = 0; i < m.pupils; i++) rows.push(respondent(random, year, wave, m, own));
    }
    const started = new Date(now.getTime() - (3 - wave * 3) * 365 * 86_400_000 - 200 * 86_400_000);
    const imported = await trx
      .insertInto('survey_import')
      .values({ survey_id: demoSurveyId, file_name: `liv-och-halsa-ung-${year}.csv`, file_sha256: `demo-${year}`, status: 'done', imported_by: analystId, started_at: started, finished_at: started, questions: demoSurveyQuestions.map((q) => q.id), years: [year], total_rows: rows.length, processed_rows: rows.length, imported_rows: rows.length })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let at = 0; at < rows.length; at += BATCH) {
      const batch = rows.slice(at, at + BATCH);
      await trx.insertInto('survey_respondent').values(batch.map((r) => ({ import_id: imported.id, year: r.year, municipality: r.municipality, school_unit: r.schoolUnit, grade: r.grade, gender: r.gender, weight: r.weight, answers: r.answers }))).execute();
    }
    for (const r of rows) aggregator.add(r);
    const sums = [...aggregator.rows()];
    for (let at = 0; at < sums.length; at += BATCH) {
      await trx.insertInto('survey_aggregate').values(sums.slice(at, at + BATCH).map((s) => ({ import_id: imported.id, year: s.year, municipality: s.municipality, gender: s.gender, grade: s.grade, question: s.question, answer: s.answer, respondents: s.respondents, weight_sum: s.weight, weight_squared_sum: s.squaredWeight }))).execute();
    }
    await buildIndicatorCells(trx, { importId: imported.id });
    total += rows.length;
  }
  return { respondents: total };
}
