import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { answerProblems, domainAt, stockholmDate, type AssessmentInput, type AssessmentView, type WellbeingRespondent, type WellbeingVia, type WheelModelVersion, type WheelView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { invalid, refusal } from '../consent/refusals.ts';
import { currentDomainOfUnit } from '../secrecy-domains/queries.ts';
import { assessmentById, assessmentsOf, insertAssessment, modelVersionById, modelVersionsByIds, currentModelVersion, type AssessmentRow, type ModelVersionRow } from './queries.ts';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function toModelVersion(row: ModelVersionRow): WheelModelVersion {
  return { id: row.id, version: row.version, content: row.content, note: row.note, createdAt: iso(row.created_at), createdBy: row.created_by_name ?? null };
}

/** Where and when an assessment was written: what the gate weighs, as for a record entry. */
export function assessmentFacts(row: Pick<AssessmentRow, 'organisation_id' | 'secrecy_domain_id' | 'unit_id' | 'created_at'>) {
  return { organisationId: row.organisation_id, secrecyDomainId: row.secrecy_domain_id, unitId: row.unit_id, writtenAt: new Date(row.created_at) };
}

export function toAssessmentView(row: AssessmentRow): AssessmentView {
  return {
    id: row.id,
    respondent: row.respondent,
    via: row.via,
    occurredOn: row.occurred_on,
    modelVersionId: row.model_version_id,
    modelVersion: row.model_version,
    answers: row.answers,
    important: row.important,
    organisationName: row.organisation_name,
    secrecyDomainName: row.secrecy_domain_name,
    recordedBy: row.recorded_by_name,
    createdAt: iso(row.created_at),
  };
}

/**
 * The child's wheel as the caller may read it: each assessment is decided as an entry of the
 * `wellbeing` category by where and when it was written, on the gate's facts, like the record's
 * entries. The model versions travel with it, so an old assessment reads in its own words.
 */
export async function wheelView(request: FastifyRequest, access: ChildAccess): Promise<WheelView> {
  const { db } = request.server.services;
  const rows = await assessmentsOf(db, access.childId).execute();
  const visible = rows.filter((r) => access.decide('read', 'wellbeing', assessmentFacts(r)).allow);
  const current = await currentModelVersion(db);
  const ids = new Set(visible.map((r) => r.model_version_id));
  if (current) ids.add(current.id);
  const models = (await modelVersionsByIds(db, [...ids])).map((m) => ({ id: m.id, version: m.version, content: m.content }));
  return {
    assessments: visible.map(toAssessmentView),
    models: models.sort((a, b) => b.version - a.version),
    sharedFromOthers: access.sharedFromOtherDomains('wellbeing'),
    canRecord: access.actor.citizen === undefined && access.decide('write', 'wellbeing').allow,
  };
}

/** The unit and secrecy domain an entry is written in, with the organisation. */
export interface Place {
  organisationId: string;
  unitId: string | null;
  secrecyDomainId: string;
}

/** A professional writes in their own unit's domain, as the gate saw it; without one they write nothing. */
export function ownPlace(access: ChildAccess): Place {
  const member = access.membership;
  const domain = member ? domainAt(member.secrecyDomains, access.now) : null;
  if (!member || domain === null) throw new AppError('access_denied', { details: { reason: 'no_secrecy_domain' } });
  return { organisationId: member.organisationId, unitId: member.unitId, secrecyDomainId: domain };
}

/**
 * A view the family gives from its own pages is addressed to the child's named person: it is an
 * entry of the named person's unit's domain, read elsewhere only under consent, like theirs.
 */
async function namedPersonPlace(trx: Transaction<DB>, access: ChildAccess): Promise<Place> {
  const now = access.now;
  const named = access.child.careTeam.find((m) => m.role === 'named_person' && m.startsAt <= now && (m.endsAt === null || now < m.endsAt));
  const domain = named ? await currentDomainOfUnit(trx, named.unitId) : null;
  if (!named || domain === null) throw refusal('conflict', 'no_named_person');
  return { organisationId: named.organisationId, unitId: named.unitId, secrecyDomainId: domain };
}

export interface Recorded {
  respondent: WellbeingRespondent;
  via: WellbeingVia;
  place: Place;
}

/** Checks the answers against the model version they name; the version must exist. */
export async function checkAnswers(trx: Transaction<DB>, input: Pick<AssessmentInput, 'modelVersionId' | 'answers'>): Promise<void> {
  const model = await modelVersionById(trx, input.modelVersionId);
  if (!model) throw invalid('body.modelVersionId', 'unknown_model_version');
  const problems = answerProblems(model.content, input.answers);
  if (problems.length > 0) throw new AppError('validation_failed', { details: problems });
}

/**
 * Records an assessment through an allowed write of `wellbeing`. A professional records their own
 * view, or the child's or a guardian's given in a meeting on their device, in their own domain; a
 * guardian or the child records only their own view, dated today, addressed to the named person.
 */
export async function recordAssessment(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: AssessmentInput): Promise<AssessmentView> {
  const today = stockholmDate(access.now);
  let recorded: Recorded;
  if (access.actor.citizen) {
    const own: WellbeingRespondent = access.decision.reason === 'guardian' ? 'guardian' : 'child';
    if (input.respondent !== own) throw invalid('body.respondent', 'own_view_only');
    if (input.occurredOn !== today) throw invalid('body.occurredOn', 'today_only');
    recorded = { respondent: own, via: 'own_pages', place: await namedPersonPlace(trx, access) };
  } else {
    if (input.occurredOn > today) throw invalid('body.occurredOn', 'in_the_future');
    if (input.occurredOn < access.child.birthDate) throw invalid('body.occurredOn', 'before_birth');
    recorded = { respondent: input.respondent, via: input.respondent === 'professional' ? 'professional' : 'meeting', place: ownPlace(access) };
  }
  await checkAnswers(trx, input);
  const id = await insertAssessment(trx, {
    childId: access.childId,
    modelVersionId: input.modelVersionId,
    respondent: recorded.respondent,
    via: recorded.via,
    occurredOn: input.occurredOn,
    ...recorded.place,
    recordedBy: access.actor.userId,
    answers: input.answers,
    important: input.important,
    at: request.server.services.clock.now(),
  });
  await access.logWrite(trx, { category: 'wellbeing', assessmentId: id, respondent: recorded.respondent, via: recorded.via, secrecyDomainId: recorded.place.secrecyDomainId });
  return toAssessmentView(await assessmentById(trx, access.childId, id));
}
