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
