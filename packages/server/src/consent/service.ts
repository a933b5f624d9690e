import type { FastifyRequest } from 'fastify';
import { ageOn, citizenMayWithdraw, consentGiverCounts, consentGiverProblems, consentStatus, stockholmDate, type ConsentInput, type ConsentActor, type ConsentRules, type ConsentView, type ConsentWithdrawInput } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<DB> | Transaction<DB>;
import type { DB } from '../db/schema.ts';
import { addNotices } from '../notices/service.ts';
import { consentOf, consentsOf, guardianIdOfUser, guardianIdsOf, insertConsent, membersRelyingOn, partyNames, withdrawConsent, type ConsentRow, type NewConsent, type PartyNames } from './queries.ts';
import { invalid, refusal } from './refusals.ts';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** Current consents first, then the history; each with its status and whether its giver counts. */
export async function listConsents(request: FastifyRequest, access: ChildAccess): Promise<ConsentView[]> {
  const { db } = request.server.services;
  const rows = await consentsOf(db, access.childId);
  const names = await partyNames(db, rows);
  const views = rows.map((r) => toConsentView(r, names, access, request.server.services.config.consentRules));
  const order = { in_force: 0, not_yet_valid: 1, withdrawn: 2, expired: 3 } as const;
  return views.sort((a, b) => order[a.status] - order[b.status]);
}

function toConsentView(r: ConsentRow, names: PartyNames, access: ChildAccess, rules: ConsentRules): ConsentView {
  const { now } = access;
  const age = ageOn(access.child.birthDate, stockholmDate(now));
  return {
    id: r.id,
    givenBy: r.given_by,
    guardianIds: r.guardian_ids,
    method: r.method,
    note: r.note,
    organisations: r.organisation_ids.map((id) => ({ id, name: names.organisations.get(id) ?? '' })),
    domains: r.domain_ids.map((id) => ({ id, name: names.domains.get(id)?.name ?? '', organisationName: names.domains.get(id)?.organisationName ?? '' })),
    categories: r.categories,
    exclusions: r.exclusions.map((x) => ({ ...x, name: names.of(x.scope, x.id) })),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: consentStatus({ validFrom: r.valid_from, validTo: r.valid_to, withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null }, now),
    giverCounts: consentGiverCounts(r.given_by, age, access.child.guardianCount, rules),
    recordedBy: consentActor(r.recorded_by, r.recorded_by_kind, r.recorded_by_name, r.child_user_id),
    recordedByProfessional: r.recorded_by_professional !== null,
    recordedAt: iso(r.recorded_at),
    withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
    withdrawnBy: r.withdrawn_by && r.withdrawn_by_kind ? consentActor(r.withdrawn_by, r.withdrawn_by_kind, r.withdrawn_by_name, r.child_user_id) : null,
    withdrawalNote: r.withdrawal_note,
    mayWithdraw: r.withdrawn_at === null && mayWithdraw(access, r.given_by, age, rules),
  };
}

/**
 * Whether the caller may withdraw a consent given by `givenBy`: a professional member records a
 * withdrawal said to them (the policy's `record_withdrawal`); a guardian or the child withdraws
 * only what is theirs (see `citizenMayWithdraw`).
 */
function mayWithdraw(access: ChildAccess, givenBy: ConsentRow['given_by'], age: number, rules: ConsentRules): boolean {
  if (access.decision.basis !== 'own_record') return access.decision.actions.includes('record_withdrawal');
  return citizenMayWithdraw(givenBy, access.decision.reason === 'guardian' ? 'guardian' : 'child', age, rules);
}

/**
 * Who recorded or withdrew a consent, as the view may tell it: a professional by name (they act in
 * office), a citizen only by relation, as in the access log, since a guardian or the child may
 * have protected identity. The child's own account is 'child'; any other citizen who could act on
 * the child's consents is a guardian.
 */
function consentActor(userId: string, kind: 'professional' | 'citizen', name: string | null, childUserId: string | null): ConsentActor {
  if (kind === 'citizen') return { kind: userId === childUserId ? 'child' : 'guardian' };
  return { kind: 'professional', name: name ?? '' };
}

/**
 * Who gave the consent. A guardian or the child gives their own in the e-service: it is theirs,
 * digital, and derived from the login. A professional records a written or verbal consent and
 * names who gave it.
 */
async function consentGiver(db: Db, request: FastifyRequest, access: ChildAccess, input: ConsentInput): Promise<Pick<NewConsent, 'givenBy' | 'guardianIds' | 'method'>> {
  const actor = requireActor(request.actor);
  if (actor.kind === 'citizen') {
    if (input.givenBy !== undefined || input.guardianIds !== undefined || (input.method !== undefined && input.method !== 'digital')) {
      throw invalid('body.givenBy', 'derived_from_login');
    }
    const guardianId = await guardianIdOfUser(db, access.childId, actor.userId);
    return guardianId ? { givenBy: 'guardian', guardianIds: [guardianId], method: 'digital' } : { givenBy: 'child', guardianIds: [], method: 'digital' };
  }
  if (!input.givenBy) throw invalid('body.givenBy', 'required');
  if (!input.method) throw invalid('body.method', 'required');
  if (input.method === 'digital') throw invalid('body.method', 'digital_consent_is_given_by_citizens');
  return { givenBy: input.givenBy, guardianIds: input.guardianIds ?? [], method: input.method };
}

/**
 * Records a consent. A professional records one on the family's behalf only as the named person
 * or the lead professional, and not from a place that itself rests on a consent (the policy's
 * `record_consent`): nobody grants themselves access. Such a consent names its recorder, is
 * flagged in log review and never widens the recorder's own access.
 */
export async function giveConsent(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: ConsentInput): Promise<ConsentView> {
  const { config } = request.server.services;
  const professional = access.decision.basis !== 'own_record';
  if (professional && !access.decision.actions.includes('record_consent')) throw refusal('forbidden', 'not_consent_recorder');
  const giver = await consentGiver(trx, request, access, input);
  const age = ageOn(access.child.birthDate, stockholmDate(access.now));
  const problems = consentGiverProblems(giver.givenBy, giver.guardianIds, { age, guardianIds: await guardianIdsOf(trx, access.childId) }, config.consentRules);
  if (problems.length > 0) throw new AppError('validation_failed', { details: problems.map((message) => ({ path: 'body.givenBy', message })) });
  await assertPartiesExist(trx, input);
  const consent: NewConsent = {
    childId: access.childId,
    ...giver,
    note: input.note ?? null,
    organisationIds: [...new Set(input.organisationIds)],
    domainIds: [...new Set(input.domainIds)],
    categories: [...new Set(input.categories)],
    exclusions: input.exclusions,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    recordedBy: access.actor.userId,
    recordedByProfessional: professional ? access.actor.userId : null,
    recordedAt: access.now,
  };
  const id = await insertConsent(trx, consent);
  const parties = { organisationIds: consent.organisationIds, domainIds: consent.domainIds, exclusions: consent.exclusions };
  // Flagged for log review when a professional recorded it for the family.
  const flag = professional ? { flagged: true, recordedByProfessional: access.actor.userId } : {};
  await access.logWrite(trx, { consentId: id, givenBy: consent.givenBy, method: consent.method, ...parties, categories: consent.categories, validFrom: consent.validFrom, validTo: consent.validTo, ...flag });
  const row = await consentOf(trx, access.childId, id);
  if (!row) throw new AppError('not_found');
  return toConsentView(row, await partyNames(trx, [row]), access, config.consentRules);
}

/** Every party and every excluded place must exist; a secrecy domain is named by id. */
async function assertPartiesExist(db: Db, input: ConsentInput): Promise<void> {
  const names = await partyNames(db, [{ organisation_ids: input.organisationIds, domain_ids: input.domainIds, exclusions: input.exclusions }]);
  if (input.organisationIds.some((id) => !names.organisations.has(id))) throw invalid('body.organisationIds', 'unknown_organisation');
  if (input.domainIds.some((id) => !names.domains.has(id))) throw invalid('body.domainIds', 'unknown_secrecy_domain');
  if (input.exclusions.some((x) => names.of(x.scope, x.id) === '')) throw invalid('body.exclusions', 'unknown_excluded_place');
}

/** Withdrawal stamps the consent once and keeps it; the gate reads it on the very next request. */
export async function withdraw(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, consentId: string, input: ConsentWithdrawInput): Promise<ConsentView> {
  const existing = await consentOf(trx, access.childId, consentId);
  if (!existing) throw new AppError('not_found');
  if (existing.withdrawn_at) throw refusal('conflict', 'already_withdrawn');
  await assertCitizenMayWithdraw(trx, request, access, existing.given_by);
  if (!(await withdrawConsent(trx, consentId, access.actor.userId, input.note ?? null, access.now))) throw refusal('conflict', 'already_withdrawn');
  await access.logWrite(trx, { consentId, withdrawn: true, organisationIds: existing.organisation_ids, domainIds: existing.domain_ids, categories: existing.categories });
  // The members whose place on the team rested on it are told: they have no basis from now on.
  const relying = await membersRelyingOn(trx, access.childId, consentId, access.now);
  await addNotices(trx, relying.map((recipientId) => ({ recipientId, kind: 'consent_withdrawn', childId: access.childId, subjectId: consentId, actorId: access.actor.userId })), access.now);
  const row = await consentOf(trx, access.childId, consentId);
  if (!row) throw new AppError('not_found');
  return toConsentView(row, await partyNames(trx, [row]), access, request.server.services.config.consentRules);
}

/** A guardian or the child withdraws only what is theirs to withdraw (see `citizenMayWithdraw`). */
async function assertCitizenMayWithdraw(db: Db, request: FastifyRequest, access: ChildAccess, givenBy: ConsentRow['given_by']): Promise<void> {
  const actor = requireActor(request.actor);
  if (actor.kind !== 'citizen') return;
  const { config } = request.server.services;
  const citizen = (await guardianIdOfUser(db, access.childId, actor.userId)) ? 'guardian' : 'child';
  const age = ageOn(access.child.birthDate, stockholmDate(access.now));
  if (!citizenMayWithdraw(givenBy, citizen, age, config.consentRules)) throw refusal('forbidden', 'not_theirs_to_withdraw');
}
