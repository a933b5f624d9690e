import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { diffPlanContents, mayReadPlanEntry, mayStartPlanOn, partyOf, planConsentOptions, sipContentsMissing, type PlanContents, type PlanCreateInput, type PlanEstablishInput, type PlanList, type PlanCloseInput, type PlanRevisionInput, type PlanRevisionRead, type PlanView } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { invalid } from '../consent/refusals.ts';
import { consentsOf, partyNames } from '../consent/queries.ts';
import { closePlan, insertPlan, insertRevision, moveHead, planFacts, planOf, plansOf, putInForce, revisionEntry, revisionOf, userNames, type PlanRow, type Writer } from './queries.ts';
import { decideRow, planAccessFacts, revisionView, toPlanView, toSummary, type ReadableDecision } from './views.ts';

/**
 * A second save on the same base revision: refused, with what the caller needs to see both
 * versions. Only the small `details` reach the audit log; the route adds both versions to the
 * answer (see routes.ts), so no plan text is ever written into the log.
 */
export class PlanConflict extends AppError {
  constructor(details: { reason: string; baseRevision: number; headRevision: number }, readonly theirs: PlanRevisionRead | null) {
    super('plan_revision_conflict', { details });
  }
}

/** The plans the caller may read (the others are left out without a trace), and what they may start. */
export async function listPlans(request: FastifyRequest, access: ChildAccess): Promise<PlanList> {
  const { db } = request.server.services;
  const rows = await plansOf(db, access.childId, access.actor.userId);
  const plans = rows.flatMap((row) => {
    const d = decideRow(request, access, row);
    return d.read ? [toSummary(row, d)] : [];
  });
  if (access.decision.basis === 'own_record' || access.decision.basis === 'emergency') return { plans, consentOptions: [], leadOptions: [] };
  const f = planAccessFacts(request, access);
  const usable = new Set(planConsentOptions(f).map((c) => c.id));
  const consents = (await consentsOf(db, access.childId)).filter((c) => usable.has(c.id));
  const names = await partyNames(db, consents);
  const consentOptions = consents.map((c) => ({
    id: c.id,
    validFrom: c.valid_from,
    validTo: c.valid_to,
    parties: [...c.organisation_ids.map((id) => names.organisations.get(id) ?? ''), ...c.domain_ids.map((id) => names.domains.get(id)?.name ?? '')],
  }));
  return { plans, consentOptions, leadOptions: await leadOptions(request, access) };
}

/** The current team: those who may be named planning lead. */
async function leadOptions(request: FastifyRequest, access: ChildAccess): Promise<PlanList['leadOptions']> {
  const { db } = request.server.services;
  const current = access.child.careTeam.filter((m) => m.startsAt <= access.now && (m.endsAt === null || access.now < m.endsAt));
  if (current.length === 0) return [];
  const [names, orgs] = await Promise.all([userNames(db, current.map((m) => m.userId)), db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', [...new Set(current.map((m) => m.organisationId))]).execute()]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return [...new Map(current.map((m) => [m.userId, { userId: m.userId, name: names.get(m.userId) ?? '', organisationName: orgName.get(m.organisationId) ?? '' }])).values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** One plan, or 404 when there is none the caller may read: a plan they may not read is not there for them. */
export async function readPlan(request: FastifyRequest, access: ChildAccess, planId: string): Promise<PlanView> {
  const { db } = request.server.services;
  const row = await planOf(db, access.childId, access.actor.userId, planId);
  const d = row ? decideRow(request, access, row) : null;
  if (!row || !d?.read) throw new AppError('not_found');
  return toPlanView(db, request, access, row, d);
}

/** Where a change is written: the writer's organisation, unit and current secrecy domain. */
function writerOf(access: ChildAccess): Writer {
  const member = access.membership;
  const domainId = member ? partyOf(member, access.now).domainId : null;
  if (!member || domainId === null) throw new AppError('access_denied', { details: { reason: 'no_secrecy_domain' } });
  return { organisationId: member.organisationId, unitId: member.unitId, secrecyDomainId: domainId, userId: access.actor.userId, at: access.now };
}

/** The planning lead must be on the child's team now. */
function assertLeadOnTeam(access: ChildAccess, contents: PlanContents): void {
  const lead = contents.coordination.planningLeadUserId;
  if (lead === null) return;
  const onTeam = access.child.careTeam.some((m) => m.userId === lead && m.startsAt <= access.now && (m.endsAt === null || access.now < m.endsAt));
  if (!onTeam) throw invalid('body.contents.coordination.planningLeadUserId', 'not_on_team');
}

/** Starts a plan on a consent that makes the starter a participant; its first revision is the draft. */
export async function createPlan(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: PlanCreateInput): Promise<PlanView> {
  const writer = writerOf(access);
  if (!mayStartPlanOn(planAccessFacts(request, access), input.consentId)) throw new AppError('access_denied', { details: { reason: 'no_plan_consent' } });
  assertLeadOnTeam(access, input.contents);
  const planId = await insertPlan(trx, { childId: access.childId, kind: input.kind, consentId: input.consentId, contents: input.contents, writer });
  const view = await viewAfterWrite(trx, request, access, planId);
  await access.logWrite(trx, { planId, kind: input.kind, consentId: input.consentId, revision: 1, secrecyDomainId: writer.secrecyDomainId });
  return view;
}

/**
 * The plan as it stands inside the change's transaction, for the change's answer. Read before
 * the change's audit entry: the entry takes the chain's lock, held until the commit, so it comes last.
 */
async function viewAfterWrite(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string): Promise<PlanView> {
  const row = await planOf(trx, access.childId, access.actor.userId, planId);
  const d = row ? decideRow(request, access, row) : null;
  if (!row || !d?.read) throw new AppError('not_found');
  return toPlanView(trx, request, access, row, d);
}

/** A plan the caller may read, and the policy's answer on it; 404 otherwise. */
async function readableForChange(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string): Promise<{ row: PlanRow; decision: ReadableDecision }> {
  const row = await planOf(trx, access.childId, access.actor.userId, planId);
  const decision = row ? decideRow(request, access, row) : null;
  if (!row || !decision?.read) throw new AppError('not_found');
  return { row, decision };
}

/** The refusal of an action the policy does not offer: the plan's state, or the caller's standing. */
function notOffered(row: PlanRow, reason: string): AppError {
  if (row.closed_at) return new AppError('plan_state', { details: { reason: 'plan_closed' } });
  return new AppError('access_denied', { details: { reason } });
}

/**
 * Saves a new revision on the revision the editor started from. A stale base is a conflict: the
 * second of two saves on the same base is told, with the version saved meanwhile. On an
 * established plan the new revision is a change proposed to the family, not yet in force.
 */
export async function saveRevision(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string, input: PlanRevisionInput): Promise<PlanView> {
  const { row, decision } = await readableForChange(trx, request, access, planId);
  if (!decision.actions.includes('save_revision')) throw notOffered(row, 'not_plan_participant');
  const writer = writerOf(access);
  if (input.baseRevision !== row.head_revision) throw await conflict(trx, request, access, row, input.baseRevision);
  assertLeadOnTeam(access, input.contents);
  const changed = diffPlanContents(row.head_contents as PlanContents, input.contents).map((c) => c.path);
  if (changed.length === 0) throw new AppError('plan_state', { details: { reason: 'no_change' } });
  const number = row.head_revision + 1;
  await insertRevision(trx, { planId, number, basedOn: input.baseRevision, contents: input.contents, note: input.note ?? '', writer });
  if (!(await moveHead(trx, planId, input.baseRevision, number))) throw await conflict(trx, request, access, row, input.baseRevision);
  // The plan after the save is the row read under the child's lock with its new head: not read again.
  // Nobody has answered a revision just saved, so the caller has not approved it.
  const saved: PlanRow = { ...row, head_revision: number, head_contents: input.contents, approved_by_caller: false };
  const view = await toPlanView(trx, request, access, saved, readableAfterSave(request, access, saved));
  // Who changed what, and when: the paths that changed, never their text.
  await access.logWrite(trx, { planId, revision: number, basedOn: input.baseRevision, proposed: row.in_force_revision !== null, changed, secrecyDomainId: writer.secrecyDomainId });
  return view;
}

/** The policy's answer on the plan after a save: the caller could read it before, and the save does not change who may. */
function readableAfterSave(request: FastifyRequest, access: ChildAccess, saved: PlanRow): ReadableDecision {
  const d = decideRow(request, access, saved);
  if (!d.read) throw new AppError('not_found');
  return d;
}

async function conflict(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, row: PlanRow, base: number): Promise<PlanConflict> {
  const head = await revisionOf(trx, row.id, row.head_revision);
  const readable = head && mayReadPlanEntry(planAccessFacts(request, access), planFacts(row), revisionEntry(head));
  const theirs = head && readable ? { ...revisionView(head, 'draft'), contents: head.contents as PlanContents } : null;
  return new PlanConflict({ reason: 'stale_base_revision', baseRevision: base, headRevision: row.head_revision }, theirs);
}

/** Establishes the plan on the revision the lead has seen; a SIP only with all its legal contents. */
export async function establishPlan(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string, input: PlanEstablishInput): Promise<PlanView> {
  const { row, decision } = await readableForChange(trx, request, access, planId);
  if (!decision.actions.includes('establish')) throw row.in_force_revision !== null || row.closed_at ? new AppError('plan_state', { details: { reason: row.closed_at ? 'plan_closed' : 'already_established' } }) : new AppError('access_denied', { details: { reason: 'not_planning_lead' } });
  if (input.revision !== row.head_revision) throw await conflict(trx, request, access, row, input.revision);
  const missing = sipContentsMissing(row.kind, row.head_contents as PlanContents);
  if (missing.length > 0) throw new AppError('sip_contents_missing', { details: { reason: 'sip_contents_missing', missing } });
  await putInForce(trx, planId, row.head_revision, { by: access.actor.userId, at: access.now });
  const view = await viewAfterWrite(trx, request, access, planId);
  await access.logWrite(trx, { planId, revision: row.head_revision, kind: row.kind });
  return view;
}

/** Closes the plan with a reason; the note is the plan's, not the log's. */
export async function closePlanWithReason(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string, input: PlanCloseInput): Promise<PlanView> {
  const { row, decision } = await readableForChange(trx, request, access, planId);
  if (!decision.actions.includes('close')) throw notOffered(row, 'not_planning_lead');
  await closePlan(trx, planId, { by: access.actor.userId, at: access.now, reason: input.reason, note: input.note });
  const view = await viewAfterWrite(trx, request, access, planId);
  await access.logWrite(trx, { planId, reason: input.reason });
  return view;
}
