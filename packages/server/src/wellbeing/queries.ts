import type { Kysely, Transaction } from 'kysely';
import { defaultWheelModel, type AreaAnswer, type WellbeingRespondent, type WellbeingVia, type WheelModelContent } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Version 1 is the built-in default; written once, by whichever node or seed gets there first. */
export async function ensureDefaultModel(db: Db, now: Date): Promise<void> {
  await db
    .insertInto('wellbeing_model_version')
    .values({ version: 1, content: JSON.stringify(defaultWheelModel), note: '', created_by: null, created_at: now })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

const versionColumns = (db: Db) =>
  db
    .selectFrom('wellbeing_model_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.version', 'v.content', 'v.note', 'v.created_at', 'u.display_name as created_by_name']);

export type ModelVersionRow = Awaited<ReturnType<ReturnType<typeof versionColumns>['executeTakeFirstOrThrow']>>;

/** Every version, newest first. */
export function modelVersions(db: Db): Promise<ModelVersionRow[]> {
  return versionColumns(db).orderBy('v.version', 'desc').execute();
}

export function currentModelVersion(db: Db): Promise<ModelVersionRow | undefined> {
  return versionColumns(db).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
}

export function modelVersionById(db: Db, id: string): Promise<ModelVersionRow | undefined> {
  return versionColumns(db).where('v.id', '=', id).executeTakeFirst();
}

export function modelVersionsByIds(db: Db, ids: readonly string[]): Promise<ModelVersionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return versionColumns(db).where('v.id', 'in', [...ids]).execute();
}

/** The next version; the unique version number refuses a second edit made on the same base. */
export async function insertModelVersion(trx: Transaction<DB>, version: number, content: WheelModelContent, note: string, userId: string, now: Date): Promise<string> {
  const row = await trx
    .insertInto('wellbeing_model_version')
    .values({ version, content: JSON.stringify(content), note, created_by: userId, created_at: now })
    .onConflict((oc) => oc.column('version').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? '';
}

/** A child's assessments with what the view names: organisation, domain, who recorded, the model version. */
export function assessmentsOf(db: Db, childId: string) {
  return db
    .selectFrom('wellbeing_assessment as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .innerJoin('secrecy_domain as d', 'd.id', 'a.secrecy_domain_id')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .innerJoin('wellbeing_model_version as v', 'v.id', 'a.model_version_id')
    .select([
      'a.id',
      'a.respondent',
      'a.via',
      'a.occurred_on',
      'a.model_version_id',
      'v.version as model_version',
      'a.answers',
      'a.important',
      'a.organisation_id',
      'a.unit_id',
      'a.secrecy_domain_id',
      'a.created_at',
      'o.name as organisation_name',
      'd.name as secrecy_domain_name',
      'u.display_name as recorded_by_name',
      'u.kind as recorded_by_kind',
    ])
    .where('a.child_id', '=', childId)
    .orderBy('a.occurred_on', 'desc')
    .orderBy('a.created_at', 'desc');
}

export type AssessmentRow = Awaited<ReturnType<ReturnType<typeof assessmentsOf>['execute']>>[number];

export interface NewAssessment {
  childId: string;
  modelVersionId: string;
  respondent: WellbeingRespondent;
  via: WellbeingVia;
  occurredOn: string;
  organisationId: string;
  unitId: string | null;
  secrecyDomainId: string;
  recordedBy: string;
  answers: readonly AreaAnswer[];
  important: string;
  at: Date;
}

export async function insertAssessment(trx: Transaction<DB>, a: NewAssessment): Promise<string> {
  const row = await trx
    .insertInto('wellbeing_assessment')
    .values({
      child_id: a.childId,
      model_version_id: a.modelVersionId,
      respondent: a.respondent,
      via: a.via,
      occurred_on: a.occurredOn,
      organisation_id: a.organisationId,
      unit_id: a.unitId,
      secrecy_domain_id: a.secrecyDomainId,
      recorded_by: a.recordedBy,
      answers: JSON.stringify(a.answers),
      important: a.important,
      created_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function assessmentById(db: Db, childId: string, id: string): Promise<AssessmentRow> {
  return assessmentsOf(db, childId).where('a.id', '=', id).executeTakeFirstOrThrow();
}

/** The current wheel's area labels in one language (a county may have renamed the defaults). */
export async function wheelAreaLabels(db: Db, language: 'sv' | 'en'): Promise<Map<string, string>> {
  const current = await currentModelVersion(db);
  const content = (typeof current?.content === 'string' ? JSON.parse(current.content) : (current?.content ?? defaultWheelModel)) as WheelModelContent;
  return new Map(content.areas.map((a) => [a.code, a.label[language]]));
}
