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
});
export type Me = z.infer<typeof Me>;
