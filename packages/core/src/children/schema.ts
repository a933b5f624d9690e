import { z } from 'zod';

/** Categories of information a consent can name (stable codes; labels are translations). */
export const infoCategories = ['wellbeing', 'plan', 'concern', 'school', 'health', 'social_services'] as const;
export const InfoCategory = z.enum(infoCategories);
export type InfoCategory = z.infer<typeof InfoCategory>;

/**
 * What the policy gate is asked about: an information category, or the parts of the record
 * that follow care-team membership (`record`: identity and contact details; `care_team`),
 * the record's `consent`s and its `access_log`.
 */
export const accessCategories = [...infoCategories, 'record', 'care_team', 'consent', 'access_log'] as const;
export const AccessCategory = z.enum(accessCategories);
export type AccessCategory = z.infer<typeof AccessCategory>;

/** Skyddade personuppgifter, from the mildest to the strongest. */
export const protectedIdentityLevels = ['sekretessmarkering', 'skyddad_folkbokforing', 'fingerade_personuppgifter'] as const;
export const ProtectedIdentityLevel = z.enum(protectedIdentityLevels);
export type ProtectedIdentityLevel = z.infer<typeof ProtectedIdentityLevel>;

export const careTeamRoles = ['named_person', 'lead_professional', 'member'] as const;
export const CareTeamRole = z.enum(careTeamRoles);
export type CareTeamRole = z.infer<typeof CareTeamRole>;

/**
 * Why an access was allowed; written to the audit log with every look. `handover`: the receiver of
 * a pending handover sees what they are asked to take on (the child's name, the life stage, the note).
 */
export const accessBases = ['own_organisation', 'consent', 'emergency', 'legal_duty', 'own_record', 'handover'] as const;
export const AccessBasis = z.enum(accessBases);
export type AccessBasis = z.infer<typeof AccessBasis>;

/** Who gave a consent. */
export const consentGivers = ['guardian', 'both_guardians', 'child'] as const;
export const ConsentGiver = z.enum(consentGivers);
export type ConsentGiver = z.infer<typeof ConsentGiver>;
