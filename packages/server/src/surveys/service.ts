import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { canManageSurveys, countyArea, schoolEstimates, surveyEstimatesFromCells, type EstimateQuery, type EstimatesView, type SchoolEstimatesView, type SurveyDefinitionInput, type SurveyDefinitionView, type SurveyIndicatorLink } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { organisationExists } from '../organisations/queries.ts';
import { findIndicator } from '../indicators/queries.ts';
import { indicatorSums } from './indicator-cells.ts';
import { doneImports, insertSurvey, listSurveys, municipalityNames, schoolSums, surveyIndicator, updateSurvey, upsertIndicatorLink } from './queries.ts';

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });

export async function createSurvey(db: Kysely<DB>, request: FastifyRequest, actor: Actor, input: SurveyDefinitionInput & { ownerOrganisationId: string }): Promise<SurveyDefinitionView> {
  const at = request.server.services.clock.now();
  if (!(await organisationExists(db, input.ownerOrganisationId))) throw invalid('body.ownerOrganisationId', 'unknown_organisation');
  await db.transaction().execute(async (trx) => {
    if ((await listSurveys(trx, input.id)).length > 0) throw new AppError('conflict', { details: [{ path: 'body.id', message: 'survey_id_taken' }] });
    await insertSurvey(trx, input, actor.userId, at);
    await appendAudit(trx, [{ ...auditFrom(request), action: 'survey.create', subjectType: 'survey', subjectId: input.id, organisationId: input.ownerOrganisationId, outcome: 'success', details: { name: input.nameSv, questions: input.questions.length } }], at);
  });
  return (await listSurveys(db, input.id))[0]!;
}

export async function ownedSurvey(db: Kysely<DB>, actor: Actor, id: string): Promise<SurveyDefinitionView> {
  const survey = (await listSurveys(db, id))[0];
  if (!survey) throw new AppError('not_found');
  if (!canManageSurveys(actor, survey.owner.id)) throw new AppError('forbidden');
  return survey;
}

/** A changed definition; imports already made keep the question order they were read with. */
export async function changeSurvey(db: Kysely<DB>, request: FastifyRequest, actor: Actor, id: string, input: Omit<SurveyDefinitionInput, 'id' | 'ownerOrganisationId'>): Promise<SurveyDefinitionView> {
  const survey = await ownedSurvey(db, actor, id);
  const kept = new Set(input.questions.map((q) => q.id));
  const lost = survey.indicators.filter((l) => !kept.has(l.questionId));
  if (lost.length > 0) throw invalid('body.questions', 'question_measures_indicator');
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    await updateSurvey(trx, id, input, at);
    await appendAudit(trx, [{ ...auditFrom(request), action: 'survey.update', subjectType: 'survey', subjectId: id, organisationId: survey.owner.id, outcome: 'success', details: { name: input.nameSv, questions: input.questions.length } }], at);
  });
  return (await listSurveys(db, id))[0]!;
}

/** Links a catalogue indicator (source: survey) to a question and the answers that count. */
export async function linkIndicator(db: Kysely<DB>, request: FastifyRequest, actor: Actor, surveyId: string, link: SurveyIndicatorLink): Promise<SurveyDefinitionView> {
  const survey = await ownedSurvey(db, actor, surveyId);
  const indicator = await findIndicator(db, link.indicatorId);
  if (!indicator) throw invalid('body.indicatorId', 'unknown_indicator');
  if (indicator.source.kind !== 'survey') throw invalid('body.indicatorId', 'not_a_survey_indicator');
  const question = survey.questions.find((q) => q.id === link.questionId);
  if (!question) throw invalid('body.questionId', 'unknown_question');
  const codes = new Set(question.options.map((o) => o.code));
  if (!link.countingAnswers.every((c) => codes.has(c))) throw invalid('body.countingAnswers', 'unknown_answer');
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    await upsertIndicatorLink(trx, surveyId, link);
    await appendAudit(trx, [{ ...auditFrom(request), action: 'survey.indicator.link', subjectType: 'indicator', subjectId: link.indicatorId, organisationId: survey.owner.id, outcome: 'success', details: { surveyId, ...link } }], at);
  });
  return (await listSurveys(db, surveyId))[0]!;
}

interface EstimateSettings {
  threshold: number;
  level?: number;
}

async function indicatorOrNotFound(db: Kysely<DB>, id: string) {
  const indicator = await surveyIndicator(db, id);
  if (!indicator) throw new AppError('not_found');
  return indicator;
}

/**
 * The public breakdowns of a survey indicator: every wave's whole table is suppressed, then the
 * slice asked for is returned, so no two requests can be combined to work a hidden cell out.
 */
export async function estimates(db: Kysely<DB>, query: EstimateQuery, settings: EstimateSettings): Promise<EstimatesView> {
  // Three statements at once on the pool's connections: the panel waits for one round trip.
  const [indicator, sums, names] = await Promise.all([indicatorOrNotFound(db, query.indicator), indicatorSums(db, query.indicator), municipalityNames(db)]);
  const level = settings.level ?? 0.95;
  const include = (c: { year: number; area: string; gender: string; grade: string }) => (query.year === undefined || c.year === query.year) && (query.area === undefined || c.area === query.area) && (query.gender === undefined || c.gender === query.gender) && (query.grade === undefined || c.grade === query.grade);
  const cells = surveyEstimatesFromCells(sums, { grades: indicator.grades, threshold: settings.threshold, level, include });
  const codes = [...new Set(sums.map((c) => c.area))].sort();
  return {
    indicator: { id: indicator.id, nameSv: indicator.name_sv, nameEn: indicator.name_en, direction: indicator.direction, priorityArea: indicator.priority_area },
    survey: { id: indicator.survey_id, questionId: indicator.question_id, countingAnswers: indicator.counting_answers },
    threshold: settings.threshold,
    level,
    years: [...new Set(sums.map((c) => c.year))].sort((a, b) => a - b),
    areas: [{ code: countyArea, name: countyArea }, ...codes.map((code) => ({ code, name: names.get(code) ?? code }))],
    grades: indicator.grades,
    cells,
  };
}

/** School units of one municipality (finer than the public breakdowns: analysts only, checked by the route). */
export async function schoolUnitEstimates(db: Kysely<DB>, query: { indicator: string; municipality: string; year?: number | undefined }, settings: EstimateSettings): Promise<SchoolEstimatesView> {
  const indicator = await indicatorOrNotFound(db, query.indicator);
  const imports = await doneImports(db, indicator.survey_id);
  const options = { countingAnswers: indicator.counting_answers, threshold: settings.threshold, level: settings.level ?? 0.95 };
  const publicCells = surveyEstimatesFromCells(await indicatorSums(db, indicator.id), { ...options, grades: indicator.grades }).filter((c) => c.area === query.municipality);
  const cells = schoolEstimates(await schoolSums(db, imports, indicator.question_id, query.municipality), publicCells, options).filter((c) => query.year === undefined || c.year === query.year);
  return { indicatorId: indicator.id, municipality: query.municipality, threshold: settings.threshold, cells };
}

/** The survey indicators, for the open API's index. */
export async function surveyIndicatorIndex(db: Kysely<DB>) {
  const rows = await db.selectFrom('survey_indicator as l').innerJoin('indicator as i', 'i.id', 'l.indicator_id').select(['i.id', 'i.name_sv', 'i.name_en', 'i.priority_area', 'i.direction', 'l.survey_id']).orderBy('i.priority_area').orderBy('i.id').execute();
  return rows.map((r) => ({ id: r.id, nameSv: r.name_sv, nameEn: r.name_en, priorityArea: r.priority_area, direction: r.direction, surveyId: r.survey_id }));
}
