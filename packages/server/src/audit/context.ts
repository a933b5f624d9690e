import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from './writer.ts';

/** The who/where of an audit entry, from the request context. */
export function auditFrom(request: FastifyRequest): Pick<AuditEntry, 'actorId' | 'actorUsername' | 'requestId' | 'clientIp'> {
  return {
    actorId: request.actor?.userId ?? null,
    actorUsername: request.actor?.username ?? null,
    requestId: request.id,
    clientIp: request.ip,
  };
}

/**
 * The `denied` entry of a change the caller may not make, for `AppError`'s `refusal`: the error
 * hook writes it once the change's transaction has rolled back, so a refused attempt is on the log
 * under the action it tried.
 */
export function deniedEntry(request: FastifyRequest, action: AuditEntry['action'], subject: { type: string; id: string | null; organisationId?: string | null }, reason: string): AuditEntry {
  return { ...auditFrom(request), action, subjectType: subject.type, subjectId: subject.id, organisationId: subject.organisationId ?? null, outcome: 'denied', details: { reason } };
}
