import type { FastifyRequest } from 'fastify';
import { decideAccess, emergencyAccessExpiry, inReviewScope, isReviewer, pickLanguage, reviewScope, stockholmDate, type EmergencyAccessOpen, type EmergencyAccessView, type EmergencyReviewInput, type ReviewScope } from '@samsyn/core';
import type { AuditAction } from '@samsyn/core';
import { loadPolicyActor, loadPolicyChild } from '../access/facts.ts';
import { canonicalId } from '../access/gate.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { requireActor, type Actor } from '../http/types.ts';
import { legalGroundsInForce } from '../legal-grounds/queries.ts';
import { emergencyAccessesInScope, findEmergencyAccess, insertEmergencyAccess, recordReview, toEmergencyAccessView } from './queries.ts';

/**
 * Emergency access (nödåtkomst): a professional with no other basis opens a child's record
 * for a limited time, with a reason and a legal ground; the opening lands in the review queue
 * of the unit manager of the unit they work at. Reading then goes through the gate as usual,
 * which allows it (basis `emergency`, flagged) until the access expires.
 */
export async function openEmergencyAccess(request: FastifyRequest, childId: string, input: EmergencyAccessOpen): Promise<EmergencyAccessView> {
  const { db, audit, config, clock } = request.server.services;
  const now = clock.now();
  const actor = requireActor(request.actor);
  const base = { ...auditFrom(request), action: 'child.emergency_access.open' as const, subjectType: 'child', subjectId: canonicalId(childId) };
  const place = professionalPlace(actor);
  if (!place) {
    // Analysts, administrators and citizens never get emergency access; the attempt is logged.
    await audit.append({ ...base, outcome: 'denied', details: { reason: 'not_a_professional', flagged: true } });
    throw new AppError('forbidden');
  }
  const [ground] = await legalGroundsInForce(db, stockholmDate(now), { kind: 'emergency', code: input.legalGroundCode });
  if (!ground) throw new AppError('validation_failed', { details: [{ path: 'body.legalGroundCode', message: 'not_an_emergency_legal_ground' }] });
  const [policyActor, child] = await Promise.all([loadPolicyActor(db, actor), loadPolicyChild(db, childId, actor.userId)]);
  if (!child) {
    await audit.append({ ...base, outcome: 'failure', details: { reason: 'no_such_child' } });
    throw new AppError('not_found');
  }
  // Asked on the same facts as the gate, without logging a read: is there a basis already?
  const existing = decideAccess(policyActor, child, 'read', 'record', { now, rules: config.consentRules });
  if (existing.allow) {
    throw new AppError('conflict', { details: { reason: existing.basis === 'emergency' ? 'emergency_access_active' : 'already_has_basis', basis: existing.basis } });
  }
  const expiresAt = emergencyAccessExpiry(now, config.emergencyAccessHours);
  const id = await db.transaction().execute(async (trx) => {
    const inserted = await insertEmergencyAccess(trx, { childId, userId: actor.userId, organisationId: place.organisationId, unitId: place.unitId, reason: input.reason, legalGroundCode: ground.code, startsAt: now, expiresAt });
    await appendAudit(trx, [{
      ...base,
      organisationId: place.organisationId,
      outcome: 'success',
      details: { category: 'record', basis: 'emergency', legalGround: ground.code, reason: input.reason, flagged: true, emergencyAccessId: inserted, expiresAt: expiresAt.toISOString() },
    }], now);
    return inserted;
  });
  return view(request, id);
}

/** The reviewer's queue: pending or reviewed emergency accesses of their units or organisations. */
export async function reviewQueue(request: FastifyRequest, status: 'pending' | 'reviewed'): Promise<EmergencyAccessView[]> {
  const { db, audit } = request.server.services;
  const scope = await reviewerScope(request, 'emergency_access.review_queue.read');
  const rows = await emergencyAccessesInScope(db, scope, status);
  await audit.append({ ...auditFrom(request), action: 'emergency_access.review_queue.read', outcome: 'success', details: { status, count: rows.length } });
  const language = pickLanguage(request.headers['accept-language']);
  const now = request.server.services.clock.now();
  return rows.map((r) => toEmergencyAccessView(r, language, now));
}

export async function reviewEmergencyAccess(request: FastifyRequest, id: string, input: EmergencyReviewInput): Promise<EmergencyAccessView> {
  const { db, audit, clock } = request.server.services;
  const actor = requireActor(request.actor);
  const scope = await reviewerScope(request, 'child.emergency_access.review');
  const row = await findEmergencyAccess(db, id);
  if (!row) throw new AppError('not_found');
  const base = { ...auditFrom(request), action: 'child.emergency_access.review' as const, subjectType: 'child', subjectId: row.child_id };
  if (!inReviewScope(scope, { organisationId: row.organisation_id, unitId: row.unit_id }) || row.user_id === actor.userId) {
    await audit.append({ ...base, outcome: 'denied', details: { emergencyAccessId: id, reason: row.user_id === actor.userId ? 'own_emergency_access' : 'not_in_review_scope' } });
    throw new AppError('forbidden');
  }
  if (row.reviewed_at) throw new AppError('conflict', { details: { reason: 'already_reviewed' } });
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (!(await recordReview(trx, id, { reviewerId: actor.userId, outcome: input.outcome, comment: input.comment, at: now }))) {
      throw new AppError('conflict', { details: { reason: 'already_reviewed' } });
    }
    await appendAudit(trx, [{ ...base, organisationId: row.organisation_id, outcome: 'success', details: { basis: 'legal_duty', emergencyAccessId: id, outcome: input.outcome } }], now);
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

/** Where a professional works: their professional role, preferring one at a unit (the manager's queue). */
function professionalPlace(actor: Actor): { organisationId: string; unitId: string | null } | undefined {
  if (actor.kind !== 'professional') return undefined;
  const roles = actor.roles.filter((r) => r.role === 'professional');
  const role = roles.find((r) => r.unitId !== null) ?? roles[0];
  return role ? { organisationId: role.organisationId, unitId: role.unitId } : undefined;
}
