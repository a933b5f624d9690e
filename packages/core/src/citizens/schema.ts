import { z } from 'zod';
import { Id } from '../organisations/schema.ts';
import { AccessBasis } from '../children/schema.ts';
import { ChildActionSchema, PersonName } from '../children/record.ts';

// Schemas of the citizens area (child and guardian accounts), shared by server and web.
export * from './access-log.ts';

/** A child the logged-in citizen may see: as guardian, or themselves from the configured age. */
export const MyChild = z.object({
  id: Id,
  relation: z.enum(['guardian', 'self']),
  name: PersonName,
  birthDate: z.iso.date(),
  identityNumber: z.string(),
  protectedIdentity: z.boolean(),
  /** What the policy lets this citizen do for the child (`give_consent`): the web app offers exactly this. */
  actions: z.array(ChildActionSchema),
});
export type MyChild = z.infer<typeof MyChild>;

/** One look at the record in plain language; other citizens appear by relation, never by id or name. */
export const AccessLogEntry = z.object({
  at: z.iso.datetime(),
  time: z.string(),
  who: z.object({
    kind: z.enum(['professional', 'guardian', 'child', 'system', 'unknown']),
    name: z.string(),
    title: z.string().nullable(),
    organisation: z.string().nullable(),
  }),
  action: z.string(),
  what: z.string(),
  basis: AccessBasis.nullable(),
  basisLabel: z.string(),
  basisText: z.string(),
  legalGround: z.string().nullable(),
  text: z.string(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLogQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const AccessLog = z.object({
  childId: Id,
  entries: z.array(AccessLogEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccessLog = z.infer<typeof AccessLog>;

/** The log extract (registerutdrag) is CSV by default, JSON on request. */
export const AccessLogExtractQuery = z.object({ format: z.enum(['csv', 'json']).default('csv'), lang: z.enum(['sv', 'en']).optional() });
export * from './register-extract.ts';
