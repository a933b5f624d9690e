import type { Kysely, Transaction } from 'kysely';
import { defaultNeedsConfig, type NeedsConfigContent, type NeedsProposal, type NeedsStatus, type NeedsStoredContent } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

// --- The configuration's versions -------------------------------------------------------------

/** Version 1 is the built-in default; written once, by whichever node or seed gets there first. */
export async function ensureDefaultNeedsConfig(db: Db, now: Date): Promise<void> {
  await db
    .insertInto('needs_assessment_config_version')
    .values({ version: 1, content: JSON.stringify(defaultNeedsConfig), note: '', created_by: null, created_at: now })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

const configColumns = (db: Db) =>
  db
    .selectFrom('needs_assessment_config_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.id', 'v.version', 'v.content', 'v.note', 'v.created_at', 'u.display_name as created_by_name']);

export type ConfigVersionRow = Awaited<ReturnType<ReturnType<typeof configColumns>['executeTakeFirstOrThrow']>>;

/** Every version, newest first. */
export function configVersions(db: Db): Promise<ConfigVersionRow[]> {
  return configColumns(db).orderBy('v.version', 'desc').execute();
}

export function currentConfigVersion(db: Db): Promise<ConfigVersionRow | undefined> {
  return configColumns(db).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
}

export function configVersionById(db: Db, id: string): Promise<ConfigVersionRow | undefined> {
  return configColumns(db).where('v.id', '=', id).executeTakeFirst();
}

export function configVersionsByIds(db: Db, ids: readonly string[]): Promise<ConfigVersionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return configColumns(db).where('v.id', 'in', [...ids]).orderBy('v.version', 'desc').execute();
}

/** The next version; the unique version number refuses a second edit made on the same base ('' then). */
export async function insertConfigVersion(trx: Transaction<DB>, version: number, content: NeedsConfigContent, note: string, userId: string, now: Date): Promise<string> {
  const row = await trx
    .insertInto('needs_assessment_config_version')
    .values({ version, content: JSON.stringify(content), note, created_by: userId, created_at: now })
    .onConflict((oc) => oc.column('version').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? '';
}

// --- A child's assessments and their revisions -----------------------------------------------

/** Every revision of the child's assessments (or of one), newest first, with what the views name and the gate weighs. */
export function revisionsOf(db: Db, childId: string, assessmentId?: string) {
  let query = db
    .selectFrom('needs_assessment_version as r')
    .innerJoin('needs_assessment as a', 'a.id', 'r.assessment_id')
    .innerJoin('needs_assessment_config_version as c', 'c.id', 'r.config_version_id')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .innerJoin('organisation as ao', 'ao.id', 'a.organisation_id')
    .innerJoin('secrecy_domain as d', 'd.id', 'a.secrecy_domain_id')
    .innerJoin('app_user as u', 'u.id', 'r.author_id')
    .select([
      'r.id',
      'r.assessment_id',
      'r.revision',
      'r.status',
      'r.config_version_id',
      'c.version as config_version',
      'r.occurred_on',
      'r.content',
      'r.summary',
      'r.proposal',
      'r.organisation_id',
      'r.unit_id',
      'r.secrecy_domain_id',
      'r.created_at',
      'o.name as organisation_name',
      'u.display_name as author_name',
      'a.created_at as assessment_created_at',
      'ao.name as assessment_organisation_name',
      'd.name as secrecy_domain_name',
    ])
    .where('r.child_id', '=', childId);
  if (assessmentId) query = query.where('r.assessment_id', '=', assessmentId);
  return query.orderBy('r.assessment_id').orderBy('r.revision', 'desc').execute();
}
export type RevisionRow = Awaited<ReturnType<typeof revisionsOf>>[number];

/** The assessment's domain and latest revision, locked against a second writer (the child's lock holds it too). */
export async function assessmentHead(trx: Transaction<DB>, childId: string, assessmentId: string) {
  const head = await trx.selectFrom('needs_assessment').select(['id', 'secrecy_domain_id']).where('id', '=', assessmentId).where('child_id', '=', childId).executeTakeFirst();
  if (!head) return undefined;
  const latest = await trx.selectFrom('needs_assessment_version').select((eb) => eb.fn.max('revision').as('revision')).where('assessment_id', '=', assessmentId).executeTakeFirstOrThrow();
  return { id: head.id, secrecyDomainId: head.secrecy_domain_id, latestRevision: Number(latest.revision ?? 0) };
}

export interface NewRevision {
  assessmentId: string;
  childId: string;
  revision: number;
  status: NeedsStatus;
  configVersionId: string;
  occurredOn: string;
  content: NeedsStoredContent;
  summary: string;
  proposal: NeedsProposal | null;
  organisationId: string;
  unitId: string | null;
  secrecyDomainId: string;
  authorId: string;
  at: Date;
}

export async function insertAssessment(trx: Transaction<DB>, a: { childId: string; organisationId: string; secrecyDomainId: string; createdBy: string; at: Date }): Promise<string> {
  const row = await trx
    .insertInto('needs_assessment')
    .values({ child_id: a.childId, organisation_id: a.organisationId, secrecy_domain_id: a.secrecyDomainId, created_by: a.createdBy, created_at: a.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRevision(trx: Transaction<DB>, r: NewRevision): Promise<string> {
  const row = await trx
    .insertInto('needs_assessment_version')
    .values({
      assessment_id: r.assessmentId,
      child_id: r.childId,
      revision: r.revision,
      status: r.status,
      config_version_id: r.configVersionId,
      occurred_on: r.occurredOn,
      content: JSON.stringify(r.content),
      summary: r.summary,
      proposal: r.proposal,
      organisation_id: r.organisationId,
      unit_id: r.unitId,
      secrecy_domain_id: r.secrecyDomainId,
      author_id: r.authorId,
      created_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// --- For the chronology ---------------------------------------------------------------------

/**
 * The child's needs assessments as chronology events: one per final revision (a draft is no
 * event), dated when it was made final, with where it was written so the chronology asks the
 * gate about each (category `wellbeing`, `EntryFacts` from organisation, domain, unit and
 * `occurred_at`) before it shows one. Oldest first. It reads no text and logs nothing.
 */
export function needsAssessmentEventsOf(db: Db, childId: string): Promise<NeedsAssessmentEvent[]> {
  return db
    .selectFrom('needs_assessment_version as r')
    .select(['r.id', 'r.assessment_id', 'r.revision', 'r.child_id', 'r.secrecy_domain_id', 'r.organisation_id', 'r.unit_id', 'r.author_id', 'r.created_at as occurred_at', 'r.proposal'])
    .where('r.child_id', '=', childId)
    .where('r.status', '=', 'final')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute() as Promise<NeedsAssessmentEvent[]>;
}

export interface NeedsAssessmentEvent {
  /** The final revision's id. */
  id: string;
  assessment_id: string;
  /** 1 for the first revision; a later final revision is the assessment revised. */
  revision: number;
  child_id: string;
  secrecy_domain_id: string;
  organisation_id: string;
  unit_id: string | null;
  author_id: string;
  /** When this revision was made final. */
  occurred_at: Date;
  /** Never null: a final revision has a proposal. */
  proposal: NeedsProposal;
}
