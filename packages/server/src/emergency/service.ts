import type { FastifyRequest } from 'fastify';
import { emergencyAccessExpiry, groundFitsSector, holdsRole, inReviewScope, isReviewer, pickLanguage, reviewScope, stockholmDate, type AccessDecision, type EmergencyAccessOpen, type EmergencyAccessView, type EmergencyLegalGroundList, type EmergencyReviewInput, type PolicyActor, type ReviewScope } from '@samsyn/core';
import { maskIdentityNumber, parseIdentityNumber, type AuditAction } from '@samsyn/core';
import { findChildIdByIdentityNumber } from '../children/queries.ts';
import { decideEach, withChildAction } from '../access/gate.ts';
import { canonicalId, rowIdsByChild } from '../access/ids.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor, type Actor } from '../http/types.ts';
import { legalGroundsInForce } from '../legal-grounds/queries.ts';
import { addNotices } from '../notices/service.ts';
import { emergencyAccessesInScope, findEmergencyAccess, insertEmergencyAccess, recordReview, reviewersOf, sectorOfUnit, toEmergencyAccessView } from './queries.ts';

/**
 * Emergency access (nödåtkomst): a professional with no other basis opens a child's record
 * for a limited time, with a reason and a legal ground; the opening lands in the review queue
 * of the unit manager of the unit they work at. Whether the caller may open one is the policy's
 * answer (`open_emergency_access` among the decision's actions), asked through the gate inside
 * the transaction that opens it, under the child's lock. Reading then goes through the gate as
 * usual, which allows it (basis `emergency`, flagged) until the access expires, and shows what its
 * ground opens (the policy's table). The ground must fit the sector of the opener's unit. The
 * opener's unit managers are told in the same transaction (with none, the organisation's
 * collaboration coordinators). Every refusal, 403, 400, 404 or 409, leaves one entry.
 */
export async function openEmergencyAccess(request: FastifyRequest, childId: string, input: EmergencyAccessOpen): Promise<EmergencyAccessView> {
  const { config } = request.server.services;
  const id = await withChildAction(request, childId, 'open_emergency_access', { auditAction: 'child.emergency_access.open', details: { flagged: true }, refusal: openingRefusal }, async (trx, access) => {
    const place = professionalPlace(requireActor(request.actor), access.actor);
    if (!place) throw new AppError('access_denied', { details: { reason: 'emergency_needs_professional_role' } });
    const [ground] = await legalGroundsInForce(trx, stockholmDate(access.now), { kind: 'emergency', code: input.legalGroundCode });
    if (!ground) throw new AppError('validation_failed', { details: [{ path: 'body.legalGroundCode', message: 'not_an_emergency_legal_ground' }] });
    if (!groundFitsSector(ground, await sectorOfUnit(trx, place.unitId))) throw new AppError('validation_failed', { details: [{ path: 'body.legalGroundCode', message: 'legal_ground_not_for_sector' }] });
    const expiresAt = emergencyAccessExpiry(access.now, config.emergencyAccessHours);
    const inserted = await insertEmergencyAccess(trx, { childId, userId: access.actor.userId, organisationId: place.organisationId, unitId: place.unitId, reason: input.reason, legalGroundCode: ground.code, startsAt: access.now, expiresAt });
    await access.logDone(trx, { basis: 'emergency', legalGround: ground.code, reason: input.reason, emergencyAccessId: inserted, expiresAt: expiresAt.toISOString() }, place.organisationId);
    const reviewers = await reviewersOf(trx, place, access.actor.userId);
    await addNotices(trx, reviewers.map((recipientId) => ({ recipientId, kind: 'emergency_access_to_review', childId: access.childId, subjectId: inserted, actorId: access.actor.userId, details: { legalGround: ground.code } })), access.now);
    return inserted;
  });
  return view(request, id);
}

/**
 * The record an identity number names, for emergency access opened from a search; an unknown or
 * malformed number is refused, and the attempt logged, as a search for it would be.
 */
export async function childIdByNumber(request: FastifyRequest, identityNumber: string): Promise<string> {
  const { db, audit, clock } = request.server.services;
  const parsed = parseIdentityNumber(identityNumber, { referenceDate: clock.now() });
  if (!parsed.ok) throw new AppError('validation_failed', { details: [{ path: 'body.identityNumber', message: `identity_number_${parsed.code}` }] });
  const childId = await findChildIdByIdentityNumber(db, parsed.normalized);
  if (!childId) {
    await audit.append({ ...auditFrom(request), action: 'child.emergency_access.open', subjectType: 'child', outcome: 'failure', details: { reason: 'no_such_child', searched: maskIdentityNumber(parsed.normalized) } });
    throw new AppError('not_found');
  }
  return childId;
}

/**
 * The emergency grounds this professional is offered: in force today and fitting the sector of the
 * unit they would open it from (the same place the opening uses), each explained in one line. A
 * teacher is offered necessity, not LVU 6 §. Shows no child data.
 */
export async function groundsForOpener(request: FastifyRequest): Promise<EmergencyLegalGroundList> {
  const { db, clock } = request.server.services;
  const actor = requireActor(request.actor);
  const place = professionalPlace(actor, { userId: actor.userId, roles: actor.roles.map((r) => ({ organisationId: r.organisationId, role: r.role, grantedBy: r.grantedBy })) });
  const sector = place ? await sectorOfUnit(db, place.unitId) : null;
  const language = pickLanguage(request.headers['accept-language']);
  const grounds = place ? (await legalGroundsInForce(db, stockholmDate(clock.now()), { kind: 'emergency' })).filter((g) => groundFitsSector(g, sector)) : [];
  return {
    sector,
    grounds: grounds.map((g) => ({ code: g.code, title: language === 'en' ? g.title_en : g.title_sv, reference: g.reference, explanation: language === 'en' ? g.explanation_en : g.explanation_sv })),
  };
}

/**
 * A professional with a basis already gets 409 and the basis they have; anyone else the policy
 * does not offer it to (analysts, administrators, the family, who read as `own_record`) gets 403.
 */
function openingRefusal(decision: AccessDecision): AppError {
  if (decision.allow && decision.basis !== 'own_record') return new AppError('conflict', { details: { reason: decision.basis === 'emergency' ? 'emergency_access_active' : 'already_has_basis', basis: decision.basis } });
  return new AppError('access_denied', { details: { reason: decision.reason } });
}

/**
 * The reviewer's queue: pending or reviewed emergency accesses of their units or organisations.
 * Each row names a child and shows the opener's reason (free text about the child), so the gate
 * is asked per child (`review_log`), each child gets one entry of this request, and a row whose
 * child the reviewer may not review is left out: they could not review it either.
 */
export async function reviewQueue(request: FastifyRequest, status: 'pending' | 'reviewed'): Promise<EmergencyAccessView[]> {
  const { db, audit, clock } = request.server.services;
  const scope = await reviewerScope(request, 'emergency_access.review_queue.read');
  const rows = await emergencyAccessesInScope(db, scope, status);
  const idsOf = rowIdsByChild(rows);
  const answers = await decideEach(request, rows.map((r) => r.child_id), 'review_log', 'access_log', {
    auditAction: 'child.emergency_access.review_queue.read',
    detailsFor: (childId) => ({ status, emergencyAccessIds: idsOf(childId) }),
  });
  const shown = rows.filter((r) => answers.get(canonicalId(r.child_id))?.allow === true);
  await audit.append({ ...auditFrom(request), action: 'emergency_access.review_queue.read', outcome: 'success', details: { status, count: shown.length, withheld: rows.length - shown.length } });
  const language = pickLanguage(request.headers['accept-language']);
  const now = clock.now();
  return shown.map((r) => toEmergencyAccessView(r, language, now));
}

/**
 * The review of one emergency access: the gate decides (`review_log` on the child) inside the
 * transaction that records the review; then the area's rules: the access must be in the
 * reviewer's scope (the unit it was opened at, or the organisation), not their own, and not yet
 * reviewed. Each refusal leaves one entry.
 */
export async function reviewEmergencyAccess(request: FastifyRequest, id: string, input: EmergencyReviewInput): Promise<EmergencyAccessView> {
  const { db } = request.server.services;
  const actor = requireActor(request.actor);
  const scope = await reviewerScope(request, 'child.emergency_access.review');
  const row = await findEmergencyAccess(db, id);
  if (!row) throw new AppError('not_found');
  const options = { auditAction: 'child.emergency_access.review' as const, details: { emergencyAccessId: id }, decideAs: { action: 'review_log', category: 'access_log' } as const };
  await withChildAction(request, row.child_id, 'review_log', options, async (trx, access) => {
    if (!inReviewScope(scope, { organisationId: row.organisation_id, unitId: row.unit_id })) throw new AppError('forbidden', { details: { reason: 'not_in_review_scope' } });
    if (row.user_id === actor.userId) throw new AppError('forbidden', { details: { reason: 'own_emergency_access' } });
    if (!(await recordReview(trx, id, { reviewerId: actor.userId, outcome: input.outcome, comment: input.comment, at: access.now }))) {
      throw new AppError('conflict', { details: { reason: 'already_reviewed' } });
    }
    await access.logDone(trx, { basis: 'legal_duty', outcome: input.outcome }, row.organisation_id);
    await addNotices(trx, [{ recipientId: row.user_id, kind: 'emergency_access_reviewed', childId: row.child_id, subjectId: id, actorId: actor.userId, details: { outcome: input.outcome } }], access.now);
  });
  return view(request, id);
}

async function view(request: FastifyRequest, id: string): Promise<EmergencyAccessView> {
  const row = await findEmergencyAccess(request.server.services.db, id);
  if (!row) throw new AppError('not_found');
  return toEmergencyAccessView(row, pickLanguage(request.headers['accept-language']), request.server.services.clock.now());
}

/** Unit managers and collaboration coordinators review; anyone else is refused, and that is logged. */
async function reviewerScope(request: FastifyRequest, action: AuditAction): Promise<ReviewScope> {
  const scope = reviewScope(requireActor(request.actor).roles);
  if (!isReviewer(scope)) {
    await request.server.services.audit.append({ ...auditFrom(request), action, outcome: 'denied', details: { reason: 'not_log_reviewer' } });
    throw new AppError('forbidden');
  }
  return scope;
}

/**
 * Where a professional works: a professional role the policy counts (not one they granted
 * themselves), preferring one at a unit (the manager's queue).
 */
function professionalPlace(actor: Actor, policyActor: PolicyActor): { organisationId: string; unitId: string | null } | undefined {
  const roles = actor.roles.filter((r) => r.role === 'professional' && holdsRole(policyActor, r.organisationId, 'professional'));
  const role = roles.find((r) => r.unitId !== null) ?? roles[0];
  return role ? { organisationId: role.organisationId, unitId: role.unitId } : undefined;
}
