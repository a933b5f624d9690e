import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '@samsyn/core';
import type { AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import type { ChildAccess } from './gate.ts';
import { canonicalId } from './ids.ts';

/**
 * Logs a refusal by an area's own rule, after the gate allowed the call or where the gate cannot
 * speak (a handover's receiver is not yet on the team): every refused call leaves an entry.
 * A 403 is logged as denied, anything else (a conflict, bad input) as a failure.
 */
export async function logRefusal(
  request: FastifyRequest,
  childId: string,
  auditAction: AuditAction,
  reason: AppError,
  details: Record<string, unknown> = {},
  organisationId: string | null = null,
): Promise<void> {
  await request.server.services.audit.append(refusalEntry(request, childId, auditAction, reason, details, organisationId));
}

/** A refusal's entry, for a gate that writes it in its own transaction (`withChildAction`). */
export function refusalEntry(request: FastifyRequest, childId: string, auditAction: AuditAction, reason: AppError, details: Record<string, unknown>, organisationId: string | null): AuditEntry {
  return {
    ...auditFrom(request),
    action: auditAction,
    subjectType: 'child',
    subjectId: canonicalId(childId),
    organisationId,
    outcome: reason.status === 403 ? 'denied' : 'failure',
    details: { code: reason.code, refusal: reason.details ?? null, ...details },
  };
}

/** Runs a write's own rules after the gate allowed it, logging their refusal with `logRefusal`. */
export async function withRefusalsLogged<T>(request: FastifyRequest, access: ChildAccess, auditAction: AuditAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) await logRefusal(request, access.childId, auditAction, error, { basis: access.decision.basis }, access.membership?.organisationId ?? null);
    throw error;
  }
}
