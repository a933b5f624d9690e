import { z } from 'zod';
import { koladaGenders, koladaValueStatuses } from './kolada.ts';

// The shared indicator catalogue (Befolkning): one indicator, referred to by every action plan,
// target and improvement project of any organisation. A Kolada KPI is imported once.

export const indicatorUnits = ['percent', 'count', 'rate_per_1000', 'mean'] as const;
export const indicatorDirections = ['higher_is_better', 'lower_is_better'] as const;
/** The county's priorities (Bästa platsen att växa upp), and the rest. */
export const priorityAreas = ['completed_studies', 'mental_health', 'physical_activity', 'other'] as const;
/** `local`: figures a municipality or the county imports itself from CSV or Excel (local-statistics.ts). */
export const indicatorSourceKinds = ['kolada', 'survey', 'samsyn', 'local'] as const;
export const indicatorBreakdowns = ['year', 'municipality', 'gender', 'grade', 'school_unit'] as const;
/**
 * Which pupils a school indicator counts: those who live in the municipality (hemkommun) or those
 * in its own schools (kommunala skolor). They are different pupils; a target defaults to hemkommun.
 */
export const pupilBases = ['home_municipality', 'municipal_schools'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().trim().max(4000);

export const IndicatorId = z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,79}$/, 'indicator_id_format');

export const IndicatorInput = z.object({
  id: IndicatorId,
  nameSv: text(200),
  nameEn: text(200),
  descriptionSv: longText.default(''),
  descriptionEn: longText.default(''),
  unit: z.enum(indicatorUnits),
  direction: z.enum(indicatorDirections),
  priorityArea: z.enum(priorityAreas),
  source: z.object({
    kind: z.enum(indicatorSourceKinds),
    /** The Kolada KPI id (N15419), the survey question's id, Samsyn's own indicator code, or a local series' name. */
    ref: text(80),
  }),
  pupilBasis: z.enum(pupilBases).nullable().default(null),
  breakdowns: z.array(z.enum(indicatorBreakdowns)).min(1).max(indicatorBreakdowns.length).refine((b) => new Set(b).size === b.length, 'duplicate_breakdown'),
  /** The organisation that owns the definition; by default the caller's. */
  ownerOrganisationId: z.uuid().optional(),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const IndicatorUpdate = IndicatorInput.omit({ id: true, source: true, ownerOrganisationId: true }).partial();
export type IndicatorUpdate = z.infer<typeof IndicatorUpdate>;

export const IndicatorView = z.object({
  id: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
  unit: z.enum(indicatorUnits),
  direction: z.enum(indicatorDirections),
  priorityArea: z.enum(priorityAreas),
  source: z.object({ kind: z.enum(indicatorSourceKinds), ref: z.string() }),
  pupilBasis: z.enum(pupilBases).nullable(),
  breakdowns: z.array(z.enum(indicatorBreakdowns)),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  /** For a Kolada indicator: the KPI's title changed at the last import and no one has confirmed it. */
  koladaTitleChanged: z.object({ before: z.string(), after: z.string() }).nullable(),
  updatedAt: z.iso.datetime(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const IndicatorList = z.object({ indicators: z.array(IndicatorView) });
export type IndicatorList = z.infer<typeof IndicatorList>;

/** A Kolada import: files shaped as the API's pages (data, KPI or municipality metadata). */
export const KoladaFileImport = z.object({
  files: z.array(z.object({ name: text(200), content: z.unknown() })).min(1).max(500),
});
export type KoladaFileImport = z.infer<typeof KoladaFileImport>;

/** A Kolada import fetched from the configured base address, following its pages. */
export const KoladaFetchImport = z.object({
  kpis: z.array(z.string().regex(/^[A-Za-z0-9_]{1,40}$/)).min(1).max(50),
  years: z.array(z.number().int().min(1990).max(2100)).max(30).default([]),
});
export type KoladaFetchImport = z.infer<typeof KoladaFetchImport>;

const Rejection = z.object({ file: z.string(), path: z.string(), reason: z.string() });

export const KoladaImportView = z.object({
  id: z.uuid(),
  importedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  importedAt: z.iso.datetime(),
  /** `files: a.json, b.json` or the first address fetched. */
  source: z.string(),
  counts: z.object({ values: z.number().int(), added: z.number().int(), revised: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), kpis: z.number().int(), municipalities: z.number().int() }),
  rejected: z.array(Rejection),
  revised: z.array(z.object({ key: z.string(), before: z.number().nullable(), beforeStatus: z.enum(koladaValueStatuses), after: z.number().nullable(), afterStatus: z.enum(koladaValueStatuses) })),
  renamedKpis: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
});
export type KoladaImportView = z.infer<typeof KoladaImportView>;

export const KoladaImportList = z.object({ imports: z.array(KoladaImportView) });

export const KoladaValueView = z.object({
  kpi: z.string(),
  municipality: z.string().nullable(),
  municipalityName: z.string().nullable(),
  ou: z.string().nullable(),
  period: z.number().int(),
  gender: z.enum(koladaGenders),
  value: z.number().nullable(),
  status: z.enum(koladaValueStatuses),
  /** Earlier versions, newest first: Kolada revises published values. */
  history: z.array(z.object({ value: z.number().nullable(), status: z.enum(koladaValueStatuses), replacedAt: z.iso.datetime() })),
});
export const KoladaValueList = z.object({ values: z.array(KoladaValueView) });
export const KoladaValueQuery = z.object({ kpi: z.string().min(1).max(40), municipality: z.string().max(40).optional(), gender: z.enum(koladaGenders).optional() });
