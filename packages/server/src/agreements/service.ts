import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import {
  belowTarget, canCreateAgreement, canEditAgreement, canEditPlacement, canEditTraining, canReadOperations, canReadPlacement, completionShare, isCoordinator, needsRevisionReminder, revisionStatus, splitAmount, stockholmDate,
  type AgreementActor, type AgreementInput, type AgreementOwnersInput, type AgreementVersionInput, type AgreementView, type AuditAction, type CostTotal, type PlacementInput, type PlacementView, type TrainingRecordView,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom, deniedEntry } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { agreementRows, organisationKinds, placementRows, trainingRows, type AgreementRow, type PlacementRow, type TrainingRow } from './queries.ts';

/** The rules of agreements, joint placements and training records (see core's policy). */

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });
const now = (request: FastifyRequest) => request.server.services.clock.now();
export const today = (request: FastifyRequest) => stockholmDate(now(request));

/** 403, its refusal logged under the change it tried. */
const refused = (request: FastifyRequest, action: AuditAction, subjectType: string, subjectId: string | null) => new AppError('forbidden', { refusal: deniedEntry(request, action, { type: subjectType, id: subjectId }, 'forbidden') });

export function reader(request: FastifyRequest): AgreementActor {
  const actor = requireActor(request.actor);
  const a = { userId: actor.userId, kind: actor.kind, roles: actor.roles };
  if (!canReadOperations(a)) throw new AppError('forbidden');
  return a;
}

export async function audit(trx: Transaction<DB>, request: FastifyRequest, subjectType: string, subjectId: string | null, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType, subjectId, outcome: 'success', details }], now(request));
}

const editParties = (a: AgreementRow) => ({ ownerUserIds: a.owners.map((o) => o.id), partyOrganisationIds: a.parties.map((p) => p.id) });

export function toAgreementView(a: AgreementRow, actor: AgreementActor, day: string): AgreementView {
  return {
    id: a.id, title: a.title, kind: a.kind, description: a.description, parties: a.parties, owners: a.owners,
    validFrom: a.valid_from, validUntil: a.valid_until, revisionDueOn: a.revision_due_on, remindDays: a.remind_days,
    status: revisionStatus({ revisionDueOn: a.revision_due_on, validUntil: a.valid_until, remindDays: a.remind_days }, day),
    currentVersion: a.versions[0]?.version ?? 0,
    versions: a.versions.map((v) => ({ version: v.version, summary: v.summary, content: v.content, decidedOn: v.decided_on, recordedBy: { id: v.recorded_by, name: v.display_name }, recordedAt: new Date(v.recorded_at).toISOString() })),
    canEdit: canEditAgreement(actor, editParties(a)),
  };
}

async function checkExisting(trx: Transaction<DB>, table: 'organisation' | 'app_user', ids: readonly string[], path: string): Promise<void> {
  const found = new Set((await trx.selectFrom(table).select('id').where('id', 'in', [...ids]).execute()).map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(`${path}.${missing}`, table === 'organisation' ? 'unknown_organisation' : 'unknown_user');
}

export async function createAgreement(db: Kysely<DB>, request: FastifyRequest, input: AgreementInput): Promise<string> {
  const actor = reader(request);
  if (!canCreateAgreement(actor, input.partyOrganisationIds)) throw refused(request, 'agreement.create', 'agreement', null);
  const at = now(request);
  return db.transaction().execute(async (trx) => {
    await checkExisting(trx, 'organisation', input.partyOrganisationIds, 'body.partyOrganisationIds');
    await checkExisting(trx, 'app_user', input.ownerUserIds, 'body.ownerUserIds');
    const { id } = await trx.insertInto('agreement').values({ title: input.title, kind: input.kind, description: input.description, valid_from: input.validFrom, valid_until: input.validUntil, revision_due_on: input.revisionDueOn, remind_days: input.remindDays, created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('agreement_party').values(input.partyOrganisationIds.map((o) => ({ agreement_id: id, organisation_id: o }))).execute();
    await trx.insertInto('agreement_owner').values(input.ownerUserIds.map((u) => ({ agreement_id: id, user_id: u }))).execute();
    await audit(trx, request, 'agreement', id, 'agreement.create', { after: input });
    return id;
  });
}

/** The agreement, locked for the change, when the caller may edit it (its owners and the parties' coordinators): 404 or 403 otherwise. */
async function editableAgreement(trx: Transaction<DB>, request: FastifyRequest, actor: ReturnType<typeof reader>, id: string, action: AuditAction) {
  await trx.selectFrom('agreement').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const [a] = await agreementRows(trx, id);
  if (!a) throw new AppError('not_found');
  if (!canEditAgreement(actor, editParties(a))) throw refused(request, action, 'agreement', id);
  return a;
}

/** A new version: its text, and the validity and revision date it sets (kept on the agreement as current). */
export async function addAgreementVersion(db: Kysely<DB>, request: FastifyRequest, id: string, input: AgreementVersionInput): Promise<void> {
  const actor = reader(request);
  await db.transaction().execute(async (trx) => {
    const a = await editableAgreement(trx, request, actor, id, 'agreement.version.add');
    const validFrom = input.validFrom ?? a.valid_from;
    const validUntil = input.validUntil === undefined ? a.valid_until : input.validUntil;
    if (validUntil !== null && validUntil < validFrom) throw invalid('body.validUntil', 'ends_before_start');
    const version = (a.versions[0]?.version ?? 0) + 1;
    await trx.insertInto('agreement_version').values({ agreement_id: id, version, summary: input.summary, content: input.content, decided_on: input.decidedOn, recorded_by: actor.userId, recorded_at: now(request) }).execute();
    await trx.updateTable('agreement').set({ valid_from: validFrom, valid_until: validUntil, revision_due_on: input.revisionDueOn ?? a.revision_due_on, updated_at: now(request) }).where('id', '=', id).execute();
    await audit(trx, request, 'agreement', id, 'agreement.version.add', { version, before: { validFrom: a.valid_from, validUntil: a.valid_until, revisionDueOn: a.revision_due_on }, after: input });
  });
}

/**
 * Replaces the agreement's owners (the same people who may add a version may do this). Owners are
 * active professionals: they answer for the agreement and get its revision reminder, so the set is
 * never empty (agreement_owner_required) and a citizen is never one (unknown_user).
 */
export async function setAgreementOwners(db: Kysely<DB>, request: FastifyRequest, id: string, input: AgreementOwnersInput): Promise<void> {
  const actor = reader(request);
  await db.transaction().execute(async (trx) => {
    const a = await editableAgreement(trx, request, actor, id, 'agreement.owners.set');
    if (input.ownerUserIds.length === 0) throw new AppError('agreement_owner_required', { details: [{ path: 'body.ownerUserIds', message: 'agreement_owner_required' }] });
    const ids = input.ownerUserIds;
    const found = new Set((await trx.selectFrom('app_user').select('id').where('id', 'in', ids).where('kind', '=', 'professional').where('active', '=', true).execute()).map((r) => r.id));
    const missing = ids.findIndex((u) => !found.has(u));
    if (missing >= 0) throw invalid(`body.ownerUserIds.${missing}`, 'unknown_user');
    await trx.deleteFrom('agreement_owner').where('agreement_id', '=', id).execute();
    await trx.insertInto('agreement_owner').values(ids.map((u) => ({ agreement_id: id, user_id: u }))).execute();
    await trx.updateTable('agreement').set({ updated_at: now(request) }).where('id', '=', id).execute();
    await audit(trx, request, 'agreement', id, 'agreement.owners.set', { before: a.owners.map((o) => o.id), after: ids });
  });
}

export async function listAgreements(db: Kysely<DB>, request: FastifyRequest) {
  const actor = reader(request);
  const day = today(request);
  return { agreements: (await agreementRows(db)).map((a) => toAgreementView(a, actor, day)), today: day, canCreate: isCoordinator(actor) };
}

const parties = (p: PlacementRow) => ({ regionId: p.region_id, municipalityId: p.municipality_id });

export function toPlacementView(p: PlacementRow, actor: AgreementActor): PlacementView {
  const share = Number(p.region_share_percent);
  return {
    id: p.id, caseReference: p.case_reference, region: { id: p.region_id, name: p.region_name }, municipality: { id: p.municipality_id, name: p.municipality_name },
    regionSharePercent: share, startsOn: p.starts_on, endsOn: p.ends_on, agreementId: p.agreement_id,
    costs: p.costs.map((c) => ({ year: c.year, amount: c.amount, ...splitAmount(c.amount, share) })),
    canEdit: canEditPlacement(actor, parties(p)),
  };
}

/** Totals per organisation and year over the placements shown: what each party pays. */
export function costTotals(placements: readonly PlacementView[]): CostTotal[] {
  const totals = new Map<string, CostTotal>();
  const add = (org: { id: string; name: string }, year: number, amount: number) => {
    const key = `${org.id}:${year}`;
    const t = totals.get(key) ?? { organisation: org, year, amount: 0, placements: 0 };
    t.amount = Math.round((t.amount + amount) * 100) / 100;
    t.placements += 1;
    totals.set(key, t);
  };
  for (const p of placements) for (const c of p.costs) {
    add(p.region, c.year, c.region);
    add(p.municipality, c.year, c.municipality);
  }
  return [...totals.values()].sort((a, b) => a.year - b.year || a.organisation.name.localeCompare(b.organisation.name, 'sv'));
}

/** The placements the caller may read (their organisation is a party, as coordinator or analyst). */
export async function listPlacements(db: Kysely<DB>, request: FastifyRequest) {
  const actor = reader(request);
  const placements = (await placementRows(db)).filter((p) => canReadPlacement(actor, parties(p))).map((p) => toPlacementView(p, actor));
  return { placements, totals: costTotals(placements), canCreate: isCoordinator(actor) };
}

export async function createPlacement(db: Kysely<DB>, request: FastifyRequest, input: PlacementInput): Promise<string> {
  const actor = reader(request);
  if (!canEditPlacement(actor, input)) throw refused(request, 'joint_placement.create', 'joint_placement', null);
  const at = now(request);
  return db.transaction().execute(async (trx) => {
    const kinds = await organisationKinds(trx, [input.regionId, input.municipalityId]);
    if (kinds.get(input.regionId) !== 'region') throw invalid('body.regionId', 'not_a_region');
    if (kinds.get(input.municipalityId) !== 'municipality') throw invalid('body.municipalityId', 'not_a_municipality');
    if (await trx.selectFrom('joint_placement').select('id').where('case_reference', '=', input.caseReference).executeTakeFirst()) throw new AppError('conflict', { details: [{ path: 'body.caseReference', message: 'case_reference_taken' }] });
    if (input.agreementId && !(await trx.selectFrom('agreement').select('id').where('id', '=', input.agreementId).executeTakeFirst())) throw invalid('body.agreementId', 'unknown_agreement');
    const { id } = await trx.insertInto('joint_placement').values({ case_reference: input.caseReference, region_id: input.regionId, municipality_id: input.municipalityId, region_share_percent: input.regionSharePercent, starts_on: input.startsOn, ends_on: input.endsOn, agreement_id: input.agreementId, created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    if (input.costs.length > 0) await trx.insertInto('joint_placement_cost').values(input.costs.map((c) => ({ placement_id: id, year: c.year, amount: c.amount }))).execute();
    await audit(trx, request, 'joint_placement', id, 'joint_placement.create', { after: input });
    return id;
  });
}

export async function setPlacementCost(db: Kysely<DB>, request: FastifyRequest, id: string, cost: { year: number; amount: number }): Promise<void> {
  const actor = reader(request);
  await db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('joint_placement').select(['region_id', 'municipality_id']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!p) throw new AppError('not_found');
    if (!canEditPlacement(actor, { regionId: p.region_id, municipalityId: p.municipality_id })) throw refused(request, 'joint_placement.cost.set', 'joint_placement', id);
    const before = await trx.selectFrom('joint_placement_cost').select('amount').where('placement_id', '=', id).where('year', '=', cost.year).executeTakeFirst();
    await trx.insertInto('joint_placement_cost').values({ placement_id: id, year: cost.year, amount: cost.amount }).onConflict((oc) => oc.columns(['placement_id', 'year']).doUpdateSet({ amount: cost.amount })).execute();
    await trx.updateTable('joint_placement').set({ updated_at: now(request) }).where('id', '=', id).execute();
    await audit(trx, request, 'joint_placement', id, 'joint_placement.cost.set', { year: cost.year, before: before ? Number(before.amount) : null, after: cost.amount });
  });
}

export function toTrainingView(t: TrainingRow, actor: AgreementActor, language: 'sv' | 'en'): TrainingRecordView {
  const counts = { staffCount: t.staff_count, completedCount: t.completed_count };
  return {
    unit: { id: t.unit_id, name: t.unit_name }, organisation: { id: t.organisation_id, name: t.org_name },
    course: { id: t.course_id, name: language === 'sv' ? t.name_sv : t.name_en, targetPercent: t.target_percent },
    ...counts, share: completionShare(counts), belowTarget: belowTarget(counts, t.target_percent), recordedOn: t.recorded_on,
    canEdit: canEditTraining(actor, { id: t.unit_id, organisationId: t.organisation_id }),
  };
}

export async function listTraining(db: Kysely<DB>, request: FastifyRequest, language: 'sv' | 'en') {
  const actor = reader(request);
  const records = (await trainingRows(db)).map((t) => toTrainingView(t, actor, language));
  const shares = new Map<string, { organisation: { id: string; name: string }; course: TrainingRecordView['course']; staffCount: number; completedCount: number; unitsBelowTarget: number }>();
  for (const r of records) {
    const key = `${r.organisation.id}:${r.course.id}`;
    const s = shares.get(key) ?? { organisation: r.organisation, course: r.course, staffCount: 0, completedCount: 0, unitsBelowTarget: 0 };
    s.staffCount += r.staffCount;
    s.completedCount += r.completedCount;
    if (r.belowTarget) s.unitsBelowTarget += 1;
    shares.set(key, s);
  }
  const courseList = [...new Map(records.map((r) => [r.course.id, r.course])).values()];
  return { records, courses: courseList, shares: [...shares.values()].map((s) => ({ ...s, share: completionShare(s) })) };
}

export async function saveTraining(db: Kysely<DB>, request: FastifyRequest, input: { unitId: string; courseId: string; staffCount: number; completedCount: number }): Promise<void> {
  const actor = reader(request);
  await db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('unit').select(['id', 'organisation_id']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw invalid('body.unitId', 'unknown_unit');
    if (!(await trx.selectFrom('training_course').select('id').where('id', '=', input.courseId).executeTakeFirst())) throw invalid('body.courseId', 'unknown_course');
    if (!canEditTraining(actor, { id: unit.id, organisationId: unit.organisation_id })) throw refused(request, 'training.record.save', 'training_record', unit.id);
    const before = await trx.selectFrom('training_record').select(['staff_count', 'completed_count']).where('unit_id', '=', input.unitId).where('course_id', '=', input.courseId).executeTakeFirst();
    const values = { staff_count: input.staffCount, completed_count: input.completedCount, recorded_on: today(request), recorded_by: actor.userId };
    await trx.insertInto('training_record').values({ unit_id: input.unitId, course_id: input.courseId, ...values }).onConflict((oc) => oc.columns(['unit_id', 'course_id']).doUpdateSet(values)).execute();
    await audit(trx, request, 'training_record', input.unitId, 'training.record.save', { courseId: input.courseId, before: before ?? null, after: { staffCount: input.staffCount, completedCount: input.completedCount } });
  });
}

/**
 * The caller's reminders for today (the one clock): agreements they own that are due for revision,
 * and, for a unit manager, coordinator or organisation administrator, units they answer for below a training target.
 */
export async function remindersOf(db: Kysely<DB>, request: FastifyRequest) {
  const actor = reader(request);
  const day = today(request);
  const agreements = (await agreementRows(db)).filter((a) => a.owners.some((o) => o.id === actor.userId)).map((a) => toAgreementView(a, actor, day)).filter((a) => needsRevisionReminder(a.status));
  const training = (await listTraining(db, request, 'sv')).records.filter((r) => r.belowTarget && r.canEdit);
  return {
    today: day,
    reminders: [
      ...agreements.map((a) => ({ kind: 'agreement_revision' as const, subjectId: a.id, title: a.title, dueOn: a.revisionDueOn, status: a.status })),
      ...training.map((r) => ({ kind: 'training_below_target' as const, subjectId: r.unit.id, title: `${r.unit.name}: ${r.course.name}`, dueOn: null, status: `${Math.round((r.share ?? 0) * 100)}/${r.course.targetPercent}` })),
    ],
  };
}
