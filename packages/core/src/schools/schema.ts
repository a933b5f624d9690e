import { z } from 'zod';
import { suppressionReasons } from '../surveys/schema.ts';
import { koladaValueStatuses } from '../indicators/kolada.ts';

/** A school unit's profile (issue 15, item 8): its pupils' survey results beside the municipality and the county, its Kolada results, its trend. */

export const SchoolUnitParams = z.object({ unitId: z.uuid() });
export const SchoolProfileQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });

/** A share with its interval, or a hidden cell with only its reason ("för få svar"). */
export const ProfileShare = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), proportion: z.number(), lower: z.number(), upper: z.number(), respondents: z.number().int() }),
  z.object({ suppressed: z.literal(true), reason: z.enum(suppressionReasons) }),
]);
export type ProfileShare = z.infer<typeof ProfileShare>;

/** The school's, the municipality's and the county's cells of one gender in one wave. */
export const ProfileGenderRow = z.object({
  gender: z.enum(['K', 'M']),
  school: ProfileShare,
  municipality: ProfileShare,
  county: ProfileShare,
});
export type ProfileGenderRow = z.infer<typeof ProfileGenderRow>;

export const ProfileSurveyRow = z.object({
  year: z.number().int(),
  school: ProfileShare,
  municipality: ProfileShare,
  county: ProfileShare,
  /**
   * Girls and boys apart, each cell suppressed as the analysts' tables suppress it (the school's by
   * its municipality's schools table, whose complementary suppression covers the genders too).
   */
  genders: z.array(ProfileGenderRow),
  /** The school's own change since the previous wave, when both waves are shown (Newcombe). */
  change: z.object({ fromYear: z.number().int(), difference: z.number(), lower: z.number(), upper: z.number(), significant: z.boolean() }).nullable(),
});
export type ProfileSurveyRow = z.infer<typeof ProfileSurveyRow>;

export const ProfileSurveyIndicator = z.object({
  id: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  priorityArea: z.string(),
  /** One row per survey wave, oldest first: the school's own trend. */
  waves: z.array(ProfileSurveyRow),
});

export const ProfileKoladaValue = z.object({ value: z.number().nullable(), status: z.enum(koladaValueStatuses) });
export const ProfileKoladaKpi = z.object({
  kpi: z.string(),
  title: z.string(),
  years: z.array(z.object({ period: z.number().int(), school: ProfileKoladaValue, municipality: ProfileKoladaValue.nullable() })),
});

export const SchoolProfileView = z.object({
  school: z.object({ unitId: z.uuid(), name: z.string(), schoolUnitCode: z.string().nullable(), koladaOu: z.string().nullable(), organisation: z.string(), municipality: z.object({ code: z.string(), name: z.string() }).nullable() }),
  threshold: z.number().int(),
  survey: z.array(ProfileSurveyIndicator),
  kolada: z.array(ProfileKoladaKpi),
  generatedOn: z.string(),
});
export type SchoolProfileView = z.infer<typeof SchoolProfileView>;

export const SchoolListView = z.object({ schools: z.array(z.object({ unitId: z.uuid(), name: z.string(), organisation: z.string(), municipalityCode: z.string().nullable(), hasKolada: z.boolean() })) });
export type SchoolListView = z.infer<typeof SchoolListView>;

/**
 * Which Kolada unit (ou) a school unit is (issue 15, item 8): Kolada's ou list names no
 * skolenhetskod, so an administrator of the school's organisation says it once.
 */
export const KoladaOu = z.string().trim().regex(/^[A-Za-z0-9_]{1,40}$/, 'kolada_ou_format');
export const KoladaOuInput = z.object({ koladaOu: KoladaOu }).strict();
export type KoladaOuInput = z.infer<typeof KoladaOuInput>;

export const KoladaOuLink = z.object({
  unitId: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisation: z.string(),
  schoolUnitCode: z.string().nullable(),
  koladaOu: z.string().nullable(),
  /** How many of Kolada's values the imports hold for that ou: 0 says the id may be mistyped, or not imported yet. */
  koladaValues: z.number().int(),
});
export type KoladaOuLink = z.infer<typeof KoladaOuLink>;
export const KoladaOuList = z.object({ schools: z.array(KoladaOuLink) });
export type KoladaOuList = z.infer<typeof KoladaOuList>;
