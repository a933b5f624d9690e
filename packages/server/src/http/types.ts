import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoleAssignmentView } from '@samsyn/core';
import { errorCodes } from '@samsyn/core';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Who is asking: the request context every route reads, never a header or a body field. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  authMethod: 'local' | 'oidc';
  roles: RoleAssignmentView[];
  sessionTokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, CSRF token). */
    public?: boolean;
  }
}

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(errorCodes as [string, ...string[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Documents the error answers a route can give, all of the one shape. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse])) as Record<number, typeof ErrorResponse>;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Error('route marked as needing a session ran without one');
  return actor;
}
