import type { FastifyRequest } from 'fastify';
import { ageOn, citizenMayWithdraw, consentGiverCounts, consentGiverProblems, consentStatus, stockholmDate, type ConsentInput, type ConsentActor, type ConsentRules, type ConsentView, type ConsentWithdrawInput } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { consentOf, consentsOf, guardianIdOfUser, guardianIdsOf, insertConsent, organisationNames, withdrawConsent, type ConsentRow, type NewConsent } from './queries.ts';
import { invalid, refusal } from './refusals.ts';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** Current consents first, then the history; each with its status and whether its giver counts. */
export async function listConsents(request: FastifyRequest, access: ChildAccess): Promise<ConsentView[]> {
  const { db } = request.server.services;
  const rows = await consentsOf(db, access.childId);
  const names = await organisationNames(db, rows.flatMap((r) => r.organisation_ids));
  const now = request.server.services.clock.now();
  const views = rows.map((r) => toConsentView(r, names, access, request.server.services.config.consentRules, now));
  const order = { in_force: 0, not_yet_valid: 1, withdrawn: 2, expired: 3 } as const;
  return views.sort((a, b) => order[a.status] - order[b.status]);
}

function toConsentView(r: ConsentRow, names: Map<string, string>, access: ChildAccess, rules: ConsentRules, now: Date): ConsentView {
  const age = ageOn(access.child.birthDate, stockholmDate(now));
  return {
    id: r.id,
    givenBy: r.given_by,
    guardianIds: r.guardian_ids,
    method: r.method,
    note: r.note,
    organisations: r.organisation_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    categories: r.categories,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: consentStatus({ validFrom: r.valid_from, validTo: r.valid_to, withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null }, now),
    giverCounts: consentGiverCounts(r.given_by, age, access.child.guardianCount, rules),
    recordedBy: consentActor(r.recorded_by, r.recorded_by_kind, r.recorded_by_name, r.child_user_id),
    recordedAt: iso(r.recorded_at),
    withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
    withdrawnBy: r.withdrawn_by && r.withdrawn_by_kind ? consentActor(r.withdrawn_by, r.withdrawn_by_kind, r.withdrawn_by_name, r.child_user_id) : null,
    withdrawalNote: r.withdrawal_note,
  };
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
async function consentGiver(request: FastifyRequest, access: ChildAccess, input: ConsentInput): Promise<Pick<NewConsent, 'givenBy' | 'guardianIds' | 'method'>> {
  const actor = requireActor(request.actor);
  if (actor.kind === 'citizen') {
    if (input.givenBy !== undefined || input.guardianIds !== undefined || (input.method !== undefined && input.method !== 'digital')) {
      throw invalid('body.givenBy', 'derived_from_login');
    }
    const guardianId = await guardianIdOfUser(request.server.services.db, access.childId, actor.userId);
    return guardianId ? { givenBy: 'guardian', guardianIds: [guardianId], method: 'digital' } : { givenBy: 'child', guardianIds: [], method: 'digital' };
  }
  if (!input.givenBy) throw invalid('body.givenBy', 'required');
  if (!input.method) throw invalid('body.method', 'required');
  if (input.method === 'digital') throw invalid('body.method', 'digital_consent_is_given_by_citizens');
  return { givenBy: input.givenBy, guardianIds: input.guardianIds ?? [], method: input.method };
}

export async function giveConsent(request: FastifyRequest, access: ChildAccess, input: ConsentInput): Promise<ConsentView> {
  const { db, config, clock } = request.server.services;
  const giver = await consentGiver(request, access, input);
  const now = clock.now();
  const age = ageOn(access.child.birthDate, stockholmDate(now));
  const problems = consentGiverProblems(giver.givenBy, giver.guardianIds, { age, guardianIds: await guardianIdsOf(db, access.childId) }, config.consentRules);
  if (problems.length > 0) throw new AppError('validation_failed', { details: problems.map((message) => ({ path: 'body.givenBy', message })) });
  const names = await organisationNames(db, input.organisationIds);
  const missing = input.organisationIds.filter((id) => !names.has(id));
  if (missing.length > 0) throw invalid('body.organisationIds', 'unknown_organisation');
  const consent: NewConsent = {
    childId: access.childId,
    ...giver,
    note: input.note ?? null,
    organisationIds: [...new Set(input.organisationIds)],
    categories: [...new Set(input.categories)],
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    recordedBy: access.actor.userId,
    recordedAt: now,
  };
  const id = await db.transaction().execute(async (trx) => {
    const consentId = await insertConsent(trx, consent);
    await access.logWrite(trx, { consentId, givenBy: consent.givenBy, method: consent.method, organisationIds: consent.organisationIds, categories: consent.categories, validFrom: consent.validFrom, validTo: consent.validTo });
    return consentId;
  });
  const row = await consentOf(db, access.childId, id);
  if (!row) throw new AppError('not_found');
  return toConsentView(row, names, access, config.consentRules, clock.now());
}

/** Withdrawal stamps the consent once and keeps it; the gate reads it on the very next request. */
export async function withdraw(request: FastifyRequest, access: ChildAccess, consentId: string, input: ConsentWithdrawInput): Promise<ConsentView> {
  const { db, clock } = request.server.services;
  const existing = await consentOf(db, access.childId, consentId);
  if (!existing) throw new AppError('not_found');
  if (existing.withdrawn_at) throw refusal('conflict', 'already_withdrawn');
  await assertCitizenMayWithdraw(request, access, existing.given_by);
  const done = await db.transaction().execute(async (trx) => {
    if (!(await withdrawConsent(trx, consentId, access.actor.userId, input.note ?? null, clock.now()))) return false;
    await access.logWrite(trx, { consentId, withdrawn: true, organisationIds: existing.organisation_ids, categories: existing.categories });
    return true;
  });
  if (!done) throw refusal('conflict', 'already_withdrawn');
  const row = await consentOf(db, access.childId, consentId);
  if (!row) throw new AppError('not_found');
  return toConsentView(row, await organisationNames(db, row.organisation_ids), access, request.server.services.config.consentRules, clock.now());
}

/** A guardian or the child withdraws only what is theirs to withdraw (see `citizenMayWithdraw`). */
async function assertCitizenMayWithdraw(request: FastifyRequest, access: ChildAccess, givenBy: ConsentRow['given_by']): Promise<void> {
  const actor = requireActor(request.actor);
  if (actor.kind !== 'citizen') return;
  const { db, config } = request.server.services;
  const citizen = (await guardianIdOfUser(db, access.childId, actor.userId)) ? 'guardian' : 'child';
  const age = ageOn(access.child.birthDate, stockholmDate(request.server.services.clock.now()));
  if (!citizenMayWithdraw(givenBy, citizen, age, config.consentRules)) throw refusal('forbidden', 'not_theirs_to_withdraw');
}
