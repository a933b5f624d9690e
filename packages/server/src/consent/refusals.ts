import type { FastifyRequest } from 'fastify';
import type { ChildAccess } from '../access/gate.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';

/**
 * Runs a write's own rules after the gate allowed it. The gate logs its refusals; a refusal by
 * the area's rules (no basis for this member, a role already taken) is logged here, so every
 * refused call leaves an entry. Meant to move into the gate as `access.logRefusal`.
 */
export async function withRefusalsLogged<T>(request: FastifyRequest, access: ChildAccess, auditAction: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) {
      const now = new Date();
      const member = access.child.careTeam.find((m) => m.userId === access.actor.userId && m.startsAt <= now && (m.endsAt === null || now < m.endsAt));
      await request.server.services.audit.append({
        ...auditFrom(request),
        action: auditAction,
        subjectType: 'child',
        subjectId: access.childId,
        organisationId: member?.organisationId ?? null,
        outcome: error.status === 403 ? 'denied' : 'failure',
        details: { code: error.code, refusal: error.details ?? null, basis: access.decision.basis },
      });
    }
    throw error;
  }
}

/** A rule's refusal as the API's error: the reason as a stable detail. */
export function refusal(code: 'forbidden' | 'conflict', reason: string): AppError {
  return new AppError(code, { details: { reason } });
}

/** Bad input found past the schema: the same shape as the schema's own validation errors. */
export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', { details: [{ path, message }] });
}
