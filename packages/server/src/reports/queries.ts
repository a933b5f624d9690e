import type { Kysely, Transaction } from 'kysely';
import type { WellbeingArea } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The intake (mottagning) of an organisation's social services, when it has one. */
export async function intakeOf(db: Db, organisationId: string) {
  return db
    .selectFrom('intake_unit as i')
    .innerJoin('unit as u', 'u.id', 'i.unit_id')
    .select(['i.unit_id', 'u.name'])
    .where('i.organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function homeOrganisationOf(db: Db, childId: string): Promise<string | undefined> {
  return (await db.selectFrom('child').select('home_organisation_id').where('id', '=', childId).executeTakeFirst())?.home_organisation_id;
}

function reportsSelect(db: Db) {
  return db
    .selectFrom('report_of_concern as r')
    .innerJoin('unit as iu', 'iu.id', 'r.intake_unit_id')
    .innerJoin('legal_ground as g', 'g.code', 'r.legal_ground_code')
    .innerJoin('app_user as ru', 'ru.id', 'r.reporter_id')
    .innerJoin('organisation as ro', 'ro.id', 'r.reporter_organisation_id')
    .innerJoin('child as c', 'c.id', 'r.child_id')
    .select([
      'r.id', 'r.child_id', 'r.intake_organisation_id', 'r.intake_unit_id', 'iu.name as intake_name', 'r.reporter_id', 'ru.display_name as reporter_name', 'ru.title as reporter_title', 'ro.name as reporter_organisation_name',
      'r.legal_ground_code', 'g.title_sv as ground_title_sv', 'g.title_en as ground_title_en', 'g.reference as ground_reference',
      'r.areas', 'r.description', 'r.immediate_danger', 'r.sent_at', 'r.received_at',
      'c.given_name', 'c.family_name', 'c.identity_number', 'c.protected_identity',
    ]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportsSelect>['execute']>>[number];

export async function reportById(db: Db, id: string): Promise<ReportRow | undefined> {
  return reportsSelect(db).where('r.id', '=', id).executeTakeFirst();
}

/** The reports a professional sent, newest first (optionally about one child). */
export async function reportsSentBy(db: Db, reporterId: string, childId?: string): Promise<ReportRow[]> {
  let query = reportsSelect(db).where('r.reporter_id', '=', reporterId);
  if (childId) query = query.where('r.child_id', '=', childId);
  return query.orderBy('r.sent_at', 'desc').limit(200).execute();
}

/** The reports received at these intake units, newest first. */
export async function reportsAtIntake(db: Db, unitIds: readonly string[], limit: number): Promise<ReportRow[]> {
  if (unitIds.length === 0) return [];
  return reportsSelect(db).where('r.intake_unit_id', 'in', unitIds).orderBy('r.received_at', 'desc').limit(limit).execute();
}

export async function stepsOf(db: Db, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_step as s')
    .innerJoin('app_user as u', 'u.id', 's.decided_by')
    .select(['s.report_id', 's.step', 's.outcome', 's.note', 's.decided_at', 'u.display_name as decided_by_name'])
    .where('s.report_id', 'in', reportIds)
    .orderBy('s.decided_at')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

/** The caller's roles with their units, as the intake rule weighs them, and the intakes they work at. */
export async function intakesOfUser(db: Db, userId: string) {
  return db
    .selectFrom('user_role as r')
    .innerJoin('intake_unit as i', 'i.unit_id', 'r.unit_id')
    .innerJoin('unit as u', 'u.id', 'i.unit_id')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['r.role', 'r.unit_id', 'r.granted_by', 'u.name', 'o.name as organisation_name'])
    .where('r.user_id', '=', userId)
    .execute();
}

export interface NewReport {
  childId: string;
  intakeOrganisationId: string;
  intakeUnitId: string;
  reporterId: string;
  reporterOrganisationId: string;
  reporterUnitId: string | null;
  legalGroundCode: string;
  areas: WellbeingArea[];
  description: string;
  immediateDanger: boolean;
  at: Date;
}

export async function insertReport(trx: Transaction<DB>, r: NewReport): Promise<string> {
  const row = await trx
    .insertInto('report_of_concern')
    .values({
      child_id: r.childId,
      intake_organisation_id: r.intakeOrganisationId,
      intake_unit_id: r.intakeUnitId,
      reporter_id: r.reporterId,
      reporter_organisation_id: r.reporterOrganisationId,
      reporter_unit_id: r.reporterUnitId,
      legal_ground_code: r.legalGroundCode,
      areas: r.areas,
      description: r.description,
      immediate_danger: r.immediateDanger,
      // Received the instant it is sent: the intake's queue is where it lands.
      sent_at: r.at,
      received_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertStep(trx: Transaction<DB>, s: { reportId: string; step: DB['report_step']['step']; outcome: DB['report_step']['outcome']; note: string | null; decidedBy: string; at: Date }): Promise<void> {
  await trx.insertInto('report_step').values({ report_id: s.reportId, step: s.step, outcome: s.outcome, note: s.note, decided_by: s.decidedBy, decided_at: s.at }).execute();
}
