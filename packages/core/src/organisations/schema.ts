import { z } from 'zod';

/** Principals (huvudmän) are regions and municipalities; partners join the collaboration. */
export const organisationKinds = ['region', 'municipality', 'partner'] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const partnerTypes = ['police', 'non_profit', 'private_provider'] as const;
export const PartnerType = z.enum(partnerTypes);

/**
 * Sectors of a unit (verksamhet). Stable codes; labels are translations.
 * Municipalities run preschool, school, student health, social services and leisure;
 * regions run maternity and child health care, primary care, BUP and habilitation.
 */
export const sectors = [
  'preschool',
  'school',
  'student_health',
  'social_services',
  'youth_follow_up',
  'maternity_care',
  'child_health_care',
  'primary_care',
  'child_psychiatry',
  'habilitation',
  'leisure',
  'police',
  'non_profit',
  'administration',
] as const;
export const Sector = z.enum(sectors);
export type Sector = z.infer<typeof Sector>;

export const Id = z.uuid();

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  kind: OrganisationKind,
  partnerType: PartnerType.nullable(),
  organisationNumber: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  active: z.boolean(),
});
export type Organisation = z.infer<typeof Organisation>;

export const Unit = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  name: z.string(),
  sector: Sector,
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Unit = z.infer<typeof Unit>;

const unitName = z.string().trim().min(2).max(200);

export const UnitCreate = z.object({
  organisationId: Id,
  name: unitName,
  sector: Sector,
});
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitUpdate = z
  .object({ name: unitName, sector: Sector, active: z.boolean() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'empty_update' });
export type UnitUpdate = z.infer<typeof UnitUpdate>;
