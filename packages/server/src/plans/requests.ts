import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { sipRequestDeadline, sipRequestTiming, stockholmDate, type PlanPrincipal, type SipRequestAnswerInput, type SipRequestInput, type SipRequestList, type SipRequestView } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { invalid } from '../consent/refusals.ts';
import { plansOf } from './queries.ts';
import { answerRequestRow, insertRequest, principalOf, requestsOf, type PrincipalPlace, type SipRequestRow } from './requests-queries.ts';
import { decideRow } from './views.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The request for a SIP (SoL 2 kap. 7 §, HSL 16 kap. 4 §): either principal asks, the other
 * answers. The SIP must start without delay, at the latest by the local deadline
 * (`sipRequestDeadlineDays`), fixed when asked; Samsyn shows the days passed and whether the
 * deadline passed. A refusal to take part needs a written reason. Requests are the two
 * principals' business: the school and student health see none (their list is empty).
 */

const iso = (d: Date | string) => new Date(d).toISOString();
const other = (p: PlanPrincipal): PlanPrincipal => (p === 'municipality' ? 'region' : 'municipality');

function toView(row: SipRequestRow, today: string, deadlineDays: number, caller: PlanPrincipal | null): SipRequestView {
  const answeredOn = row.answered_at ? stockholmDate(new Date(row.answered_at)) : null;
  const requestedOn = stockholmDate(new Date(row.requested_at));
  const timing = sipRequestTiming({ requestedOn, deadlineOn: row.deadline_on, answeredOn }, today);
  return {
    id: row.id,
    fromPrincipal: row.from_principal,
    toPrincipal: other(row.from_principal),
    requestedByName: row.requested_by_name,
    organisationName: row.organisation_name,
    requestedAt: iso(row.requested_at),
    reason: row.reason,
    deadlineOn: row.deadline_on,
    deadlineDays,
    ...timing,
    status: row.answer ?? 'open',
    answeredByName: row.answered_by_name ?? null,
    answeredAt: row.answered_at ? iso(row.answered_at) : null,
    answerReason: row.answer_reason,
    planId: row.plan_id,
    mayAnswer: row.answer === null && caller !== null && caller !== row.from_principal,
  };
}

/** The child's open SIPs the caller may read: what an accepted request can be linked to. */
async function openSips(db: Db, request: FastifyRequest, access: ChildAccess): Promise<{ id: string; title: string }[]> {
  const rows = await plansOf(db, access.childId, access.actor.userId);
  return rows.filter((r) => r.kind === 'sip' && !r.closed_at && decideRow(request, access, r).read).map((r) => ({ id: r.id, title: (r.head_contents as { title: string }).title }));
}

async function listFor(db: Db, request: FastifyRequest, access: ChildAccess, place: PrincipalPlace | null): Promise<SipRequestList> {
  const deadlineDays = request.server.services.config.sipRequestDeadlineDays;
  if (!place) return { requests: [], callerPrincipal: null, mayRequest: false, deadlineDays, sipOptions: [] };
  const today = stockholmDate(access.now);
  const rows = await requestsOf(db, access.childId);
  const requests = rows.map((r) => toView(r, today, deadlineDays, place.principal));
  return { requests, callerPrincipal: place.principal, mayRequest: !requests.some((r) => r.status === 'open'), deadlineDays, sipOptions: await openSips(db, request, access) };
}

/** The requests as the caller may see them: a principal's team member sees them all, anyone else none. */
export async function listRequests(request: FastifyRequest, access: ChildAccess): Promise<SipRequestList> {
  const { db } = request.server.services;
  return listFor(db, request, access, await principalOf(db, access));
}

/** Asks the other principal for a SIP; one request is open at a time. */
export async function createRequest(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: SipRequestInput): Promise<SipRequestList> {
  const place = await principalOf(trx, access);
  if (!place) throw new AppError('access_denied', { details: { reason: 'not_a_principal' } });
  const open = (await requestsOf(trx, access.childId)).find((r) => r.answer === null);
  if (open) throw new AppError('sip_request_state', { details: { reason: 'request_open', requestId: open.id } });
  const deadlineOn = sipRequestDeadline(stockholmDate(access.now), request.server.services.config.sipRequestDeadlineDays);
  const requestId = await insertRequest(trx, { childId: access.childId, place, userId: access.actor.userId, at: access.now, reason: input.reason, deadlineOn });
  const list = await listFor(trx, request, access, place);
  // The reason is the request's, never the log's.
  await access.logWrite(trx, { requestId, fromPrincipal: place.principal, deadlineOn, secrecyDomainId: place.secrecyDomainId });
  return list;
}

/** The other principal answers: accepted (linked to the child's SIP when there is one) or refused with a reason. */
export async function answerRequest(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, requestId: string, input: SipRequestAnswerInput): Promise<SipRequestList> {
  const place = await principalOf(trx, access);
  const row = (await requestsOf(trx, access.childId, requestId))[0];
  // A request is the principals' business: to anyone else it is not there.
  if (!row || !place) throw new AppError('not_found');
  if (row.answer !== null) throw new AppError('sip_request_state', { details: { reason: 'already_answered' } });
  if (place.principal === row.from_principal) throw new AppError('access_denied', { details: { reason: 'not_the_other_principal' } });
  const planId = input.answer === 'accepted' ? input.planId : null;
  if (planId !== null && !(await openSips(trx, request, access)).some((p) => p.id === planId)) throw invalid('body.planId', 'not_an_open_sip');
  if (!(await answerRequestRow(trx, requestId, { by: access.actor.userId, at: access.now, answer: input.answer, reason: input.reason, planId }))) throw new AppError('sip_request_state', { details: { reason: 'already_answered' } });
  const list = await listFor(trx, request, access, place);
  const timing = list.requests.find((r) => r.id === requestId);
  await access.logWrite(trx, { requestId, answer: input.answer, planId, daysPassed: timing?.daysPassed ?? null, deadlinePassed: timing?.deadlinePassed ?? null, secrecyDomainId: place.secrecyDomainId });
  return list;
}
