import { z } from 'zod';
import { RoleAssignmentView } from '../users/schema.ts';

export const LoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const CsrfToken = z.object({ token: z.string() });

/** How the user proved who they are; OIDC providers (SITHS, BankID, Freja) come later. */
export const AuthMethod = z.enum(['local', 'oidc']);

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  authMethod: AuthMethod,
  kind: z.enum(['professional', 'citizen']),
  roles: z.array(RoleAssignmentView),
  sessionIdleMinutes: z.number().int(),
  /** The session started with a password an administrator reset: it may only change it. */
  mustChangePassword: z.boolean(),
  /** The services' clock as it answered: the web dates its forms and "today" from it, never the device's clock. */
  now: z.iso.datetime(),
});
export type Me = z.infer<typeof Me>;

/** A role in the account history, with the names it had when it changed. */
const HistoryRole = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  role: z.string(),
});

/** One change to your account made by someone: roles added or removed, a password reset. */
export const AccountEvent = z.object({
  at: z.iso.datetime(),
  kind: z.enum(['roles_changed', 'password_reset']),
  by: z.object({ username: z.string().nullable(), displayName: z.string().nullable() }),
  added: z.array(HistoryRole),
  removed: z.array(HistoryRole),
});
export type AccountEvent = z.infer<typeof AccountEvent>;
