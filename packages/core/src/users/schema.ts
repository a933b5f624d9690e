import { z } from 'zod';
import { Id } from '../organisations/schema.ts';

/** Roles a user holds in an organisation (optionally at one unit). */
export const roles = [
  'professional',
  'unit_manager',
  'collaboration_coordinator',
  'analyst',
  'org_admin',
  'system_admin',
  'fund_manager',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const RoleAssignment = z.object({
  organisationId: Id,
  unitId: Id.nullable(),
  role: Role,
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const RoleAssignmentView = RoleAssignment.extend({
  organisationName: z.string(),
  unitName: z.string().nullable(),
});
export type RoleAssignmentView = z.infer<typeof RoleAssignmentView>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, { message: 'username_format' });

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  roles: z.array(RoleAssignmentView),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type User = z.infer<typeof User>;

const displayName = z.string().trim().min(2).max(200);
const email = z.email().max(254).nullable();
const title = z.string().trim().max(200).nullable();

export const UserCreate = z.object({
  username: Username,
  displayName,
  email: email.optional(),
  title: title.optional(),
  password: z.string().max(128),
  roles: z.array(RoleAssignment).min(1).max(20),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z
  .object({
    displayName,
    email,
    title,
    active: z.boolean(),
    password: z.string().max(128),
    roles: z.array(RoleAssignment).min(1).max(20),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'empty_update' });
export type UserUpdate = z.infer<typeof UserUpdate>;
