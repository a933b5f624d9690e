import { sql, type Kysely, type Transaction } from 'kysely';
import type { AnswerSums, SurveyDefinitionInput, SurveyDefinitionView, SurveyImportView, SurveyQuestion, SurveyRowError } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import { buildIndicatorCells } from './indicator-cells.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function listSurveys(db: Db, id?: string): Promise<SurveyDefinitionView[]> {
  let q = db.selectFrom('survey as s').innerJoin('organisation as o', 'o.id', 's.owner_organisation_id').select(['s.id', 's.name_sv', 's.name_en', 's.grades', 's.questions', 's.owner_organisation_id', 'o.name as owner_name']);
  if (id) q = q.where('s.id', '=', id);
  const surveys = await q.orderBy('s.id').execute();
  if (surveys.length === 0) return [];
  const ids = surveys.map((s) => s.id);
  const links = await db.selectFrom('survey_indicator').selectAll().where('survey_id', 'in', ids).orderBy('indicator_id').execute();
  const waves = await db.selectFrom('survey_import').select(['survey_id', 'years']).where('survey_id', 'in', ids).where('status', '=', 'done').execute();
  return surveys.map((s) => ({
    id: s.id,
    nameSv: s.name_sv,
    nameEn: s.name_en,
    grades: s.grades,
    questions: s.questions as SurveyQuestion[],
    owner: { id: s.owner_organisation_id, name: s.owner_name },
    indicators: links.filter((l) => l.survey_id === s.id).map((l) => ({ indicatorId: l.indicator_id, questionId: l.question_id, countingAnswers: l.counting_answers })),
    waves: [...new Set(waves.filter((w) => w.survey_id === s.id).flatMap((w) => w.years))].sort((a, b) => a - b),
  }));
}

export async function insertSurvey(trx: Transaction<DB>, input: SurveyDefinitionInput & { ownerOrganisationId: string }, by: string, at: Date): Promise<void> {
  await trx.insertInto('survey').values({ id: input.id, name_sv: input.nameSv, name_en: input.nameEn, grades: input.grades, questions: JSON.stringify(input.questions), owner_organisation_id: input.ownerOrganisationId, created_by: by, created_at: at, updated_at: at }).execute();
}

export async function updateSurvey(trx: Transaction<DB>, id: string, input: Omit<SurveyDefinitionInput, 'id' | 'ownerOrganisationId'>, at: Date): Promise<void> {
  await trx.updateTable('survey').set({ name_sv: input.nameSv, name_en: input.nameEn, grades: input.grades, questions: JSON.stringify(input.questions), updated_at: at }).where('id', '=', id).execute();
}

export async function upsertIndicatorLink(trx: Transaction<DB>, surveyId: string, link: { indicatorId: string; questionId: string; countingAnswers: number[] }): Promise<void> {
  await trx
    .insertInto('survey_indicator')
    .values({ indicator_id: link.indicatorId, survey_id: surveyId, question_id: link.questionId, counting_answers: link.countingAnswers })
    .onConflict((oc) => oc.column('indicator_id').doUpdateSet({ survey_id: surveyId, question_id: link.questionId, counting_answers: link.countingAnswers }))
    .execute();
  // The indicator's cells follow its link: another question or other counting answers sum anew.
  await buildIndicatorCells(trx, { indicatorId: link.indicatorId });
}

const importColumns = ['i.id', 'i.survey_id', 'i.file_name', 'i.file_sha256', 'i.status', 'u.display_name', 'i.started_at', 'i.finished_at', 'i.years', 'i.total_rows', 'i.processed_rows', 'i.imported_rows', 'i.rejected_rows', 'i.errors', 'i.failure'] as const;

function importQuery(db: Db) {
  return db.selectFrom('survey_import as i').innerJoin('app_user as u', 'u.id', 'i.imported_by').select(importColumns);
}
type ImportRow = Awaited<ReturnType<ReturnType<typeof importQuery>['executeTakeFirstOrThrow']>>;

function toImportView(r: ImportRow): SurveyImportView {
  return {
    id: r.id,
    surveyId: r.survey_id,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    status: r.status,
    importedBy: r.display_name,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    years: r.years,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    importedRows: r.imported_rows,
    rejectedRows: r.rejected_rows,
    errors: r.errors as SurveyRowError[],
    failure: r.failure,
  };
}

export async function findImport(db: Db, id: string): Promise<SurveyImportView | undefined> {
  const row = await importQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row ? toImportView(row) : undefined;
}

export async function importsOf(db: Db, surveyId: string): Promise<SurveyImportView[]> {
  return (await importQuery(db).where('i.survey_id', '=', surveyId).orderBy('i.started_at', 'desc').orderBy('i.id').execute()).map(toImportView);
}

/** The import of the same file that is in force, if any: importing it again changes nothing. */
export async function doneImportOfFile(db: Db, surveyId: string, sha256: string): Promise<string | undefined> {
  return (await db.selectFrom('survey_import').select('id').where('survey_id', '=', surveyId).where('file_sha256', '=', sha256).where('status', '=', 'done').executeTakeFirst())?.id;
}

export async function runningImport(db: Db, surveyId: string): Promise<boolean> {
  return (await db.selectFrom('survey_import').select('id').where('survey_id', '=', surveyId).where('status', 'in', ['reading', 'saving']).executeTakeFirst()) !== undefined;
}

/** The imports in force for a survey, with their question order. */
export async function doneImports(db: Db, surveyId: string): Promise<{ id: string; questions: string[]; years: number[] }[]> {
  return db.selectFrom('survey_import').select(['id', 'questions', 'years']).where('survey_id', '=', surveyId).where('status', '=', 'done').orderBy('id').execute();
}

/** An indicator measured by a survey: the question and the answers that count. */
export async function surveyIndicator(db: Db, indicatorId: string) {
  return (await surveyIndicatorQuery(db, { indicatorId }))[0];
}

// Built once: a panel asks for it on every request (reusable-query.ts).
const surveyIndicatorQuery = reusableQuery(['indicatorId'], (db, p) =>
  db
    .selectFrom('survey_indicator as l')
    .innerJoin('indicator as i', 'i.id', 'l.indicator_id')
    .innerJoin('survey as s', 's.id', 'l.survey_id')
    .select(['i.id', 'i.name_sv', 'i.name_en', 'i.direction', 'i.priority_area', 'l.survey_id', 'l.question_id', 'l.counting_answers', 's.grades'])
    .where('l.indicator_id', '=', p.indicatorId),
);

/** Sums by school unit in one municipality, from the raw rows (analysts only; no pre-aggregate). */
export async function schoolSums(db: Db, imports: readonly { id: string; questions: string[] }[], questionId: string, municipality: string): Promise<AnswerSums[]> {
  const out: AnswerSums[] = [];
  for (const i of imports) {
    const position = i.questions.indexOf(questionId) + 1;
    if (position === 0) continue;
    // A literal, not a parameter: the select and the GROUP BY must be the same expression.
    const answer = sql<number>`answers[${sql.lit(position)}]`;
    const rows = await db
      .selectFrom('survey_respondent')
      .select(['year', 'school_unit', 'gender', answer.as('answer'), sql<number>`count(*)::int`.as('respondents'), sql<number>`sum(weight)`.as('weight'), sql<number>`sum(weight * weight)`.as('squared_weight')])
      .where('import_id', '=', i.id)
      .where('municipality', '=', municipality)
      .where(answer, 'is not', null)
      .groupBy(['year', 'school_unit', 'gender', answer])
      .execute();
    for (const r of rows) out.push({ year: r.year, area: r.school_unit, gender: r.gender, grade: 'all', answer: r.answer, respondents: r.respondents, weight: Number(r.weight), squaredWeight: Number(r.squared_weight) });
  }
  return out;
}

/**
 * Every municipality's name (from the organisations, else Kolada's list): a few hundred rows at
 * most, read beside the sums rather than after them.
 */
export async function municipalityNames(db: Db): Promise<Map<string, string>> {
  const rows = await municipalityNamesQuery(db, {});
  // An organisation's own name wins over Kolada's title.
  const names = new Map<string, string>();
  for (const r of [...rows].sort((x, y) => x.rank - y.rank)) names.set(r.code, r.name);
  return names;
}

// Built once, like the panel's other two statements.
const municipalityNamesQuery = reusableQuery([], (db) =>
  db
    .selectFrom('kolada_municipality')
    .select(['id as code', 'title as name', sql<number>`0`.as('rank')])
    .unionAll(db.selectFrom('organisation').select([sql<string>`municipality_code`.as('code'), 'name', sql<number>`1`.as('rank')]).where('kind', '=', 'municipality').where('municipality_code', 'is not', null)),
);
