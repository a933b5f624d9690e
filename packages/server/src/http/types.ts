import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { RoleAssignmentView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { AuditBatcher } from '../audit/batcher.ts';
import type { GateFactsCache } from '../access/facts-cache.ts';
import type { DatabaseKind } from '../audit/logged-transaction.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Mailer } from '../mail/mailer.ts';
import { errorCodes } from '@samsyn/core';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A role of the asking account, with who granted it (null for roles from before that was kept). */
export type ActorRole = RoleAssignmentView & { grantedBy: string | null };

/** Who is asking: the request context every route reads, never a header or a body field. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  authMethod: 'local' | 'oidc';
  /** Professionals hold roles; citizens (guardians, children) reach only their own records. */
  kind: 'professional' | 'citizen';
  roles: ActorRole[];
  sessionTokenHash: string;
  /**
   * The administrator who reset the password this session started with, or null. A session
   * started with a reset password is marked for its whole life, also after the owner changed it:
   * the administrator knew the password it was opened with.
   */
  passwordResetBy: { userId: string; username: string } | null;
  /** A reset password not yet changed: the session may only change it (or log out). */
  mustChangePassword: boolean;
}

/** What every area reaches through `request.server.services`. */
export interface Services {
  db: Kysely<DB>;
  audit: AuditBatcher;
  config: Config;
  /** The one clock: every time-dependent rule reads it (see clock.ts). */
  clock: Clock;
  /** Notice e-mails after commit; disabled without SMTP settings (mail/mailer.ts). */
  mailer: Mailer;
  /** The gate's facts as last loaded, per child and version (access/facts-cache.ts). */
  gateFacts: GateFactsCache;
  /** PostgreSQL lets a change send its audit append with its COMMIT (audit/logged-transaction.ts); PGlite does not. */
  databaseKind?: DatabaseKind;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    services: Services;
    /** Every API route as registered, `GET /api/children/{id}`, hidden ones too: for the gate's route test. */
    apiRoutes: string[];
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
