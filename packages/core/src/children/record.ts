import { z } from 'zod';
import { AccessBasis, CareTeamRole, InfoCategory, ProtectedIdentityLevel } from './schema.ts';
import { childActions } from '../access/grants.ts';

export const ChildActionSchema = z.enum(childActions);
export const AccessFieldsSchema = z.object({ protectedIdentity: z.boolean(), protectedGuardians: z.boolean() });

export const ChildParams = z.object({ id: z.uuid() });

export const PersonName = z.object({ givenName: z.string(), familyName: z.string() });

export const Address = z.object({ streetAddress: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable() });

export const GuardianView = z.object({
  id: z.uuid(),
  name: PersonName.nullable(),
  identityNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: Address.nullable(),
});

export const CareTeamMemberView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  title: z.string().nullable(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  unitName: z.string().nullable(),
  role: CareTeamRole,
  basis: z.enum(['own_organisation', 'consent', 'legal_duty']),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  /** A membership on a consent withdrawn or run out: the Stockholm date it has had no basis since ("grund saknas sedan …"). */
  basisLapsedOn: z.iso.date().nullable(),
});
export type CareTeamMemberView = z.infer<typeof CareTeamMemberView>;

export const RecordEntryView = z.object({
  id: z.uuid(),
  category: InfoCategory,
  organisationId: z.uuid(),
  organisationName: z.string(),
  /** The secrecy domain it was written in (Socialtjänst, Förskola och skola, …). */
  secrecyDomainName: z.string(),
  authorName: z.string(),
  occurredOn: z.iso.date(),
  title: z.string(),
  body: z.string(),
  basis: AccessBasis,
});

/** One information category as the caller sees it: the entries their basis allows. */
export const CategoryView = z.object({
  category: InfoCategory,
  /** Whether entries written in other secrecy domains can be shared with the caller (consent or emergency). */
  sharedFromOthers: z.boolean(),
  entries: z.array(RecordEntryView),
});

/**
 * The child's record as far as the caller's basis allows. With a protected identity the
 * name, address, school and contacts are null unless a team member opened the record on purpose.
 */
export const ChildView = z.object({
  id: z.uuid(),
  identityNumber: z.string(),
  name: PersonName.nullable(),
  birthDate: z.iso.date(),
  sex: z.enum(['female', 'male']).nullable(),
  address: Address.nullable(),
  school: z.object({ unitId: z.uuid(), name: z.string() }).nullable(),
  homeOrganisation: z.object({ id: z.uuid(), name: z.string() }),
  protectedIdentity: ProtectedIdentityLevel.nullable(),
  identityHidden: z.boolean(),
  guardians: z.array(GuardianView),
  careTeam: z.array(CareTeamMemberView),
  categories: z.array(CategoryView),
  /** The gate's answer: the basis, and the fields and actions the caller has, for the web app to follow. */
  access: z.object({ basis: AccessBasis, reason: z.string(), fields: AccessFieldsSchema, actions: z.array(ChildActionSchema) }),
});
export type ChildView = z.infer<typeof ChildView>;

export const ChildSearchInput = z.object({ identityNumber: z.string().trim().min(1).max(20) });

/** Search answers whether a record exists and whether the searcher may see it; never the name otherwise. */
export const ChildSearchResult = z.object({
  found: z.boolean(),
  access: z.enum(['allowed', 'denied', 'none']),
  /** How to get access when denied: `consent`, `emergency_access` or `contact_named_person`. */
  howToGetAccess: z.array(z.enum(['consent', 'emergency_access', 'contact_named_person'])).optional(),
  /**
   * When denied, the refusal's reason where it tells the searcher nothing new: only that the
   * consent their own place on the team rested on is no longer in force (`team_consent_not_in_force`).
   */
  reason: z.enum(['team_consent_not_in_force']).optional(),
  child: z.object({ id: z.uuid(), name: PersonName.nullable(), birthDate: z.iso.date(), identityNumber: z.string() }).optional(),
  /** The record's id is given when access could be asked for (emergency access needs it). */
  childId: z.uuid().optional(),
});
export type ChildSearchResult = z.infer<typeof ChildSearchResult>;
