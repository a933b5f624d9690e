import { z } from 'zod';
import { koladaGenders, koladaValueStatuses } from './kolada.ts';
import { indicatorDirections, indicatorSourceKinds, indicatorUnits, pupilBases } from './schema.ts';

/**
 * Stored targets (målvärden) for an indicator and an organisation (a municipality or the county's
 * region): a baseline year and value and either a yearly change or a fixed value by a year. The
 * dashboards judge each year against it with `targetYears` (targets.ts).
 */

const year = z.number().int().min(1990).max(2100);
/** In the indicator's unit: percent 0–100, a count, a rate per 1,000 or a mean. */
const value = z.number().finite().min(-1_000_000).max(1_000_000);

const YearlyChange = z.object({ kind: z.literal('yearly_change'), baselineYear: year, baselineValue: value, changePerYear: value });
const FixedValue = z.object({ kind: z.literal('fixed_value'), baselineYear: year, baselineValue: value, targetYear: year, targetValue: value });

export const TargetRuleInput = z.discriminatedUnion('kind', [YearlyChange, FixedValue]).refine((r) => r.kind !== 'fixed_value' || r.targetYear > r.baselineYear, { message: 'target_year_after_baseline', path: ['targetYear'] });
export type TargetRuleInput = z.infer<typeof TargetRuleInput>;

export const TargetInput = z.object({
  /** A municipality or the region (the county as a whole). */
  organisationId: z.uuid(),
  rule: TargetRuleInput,
});
export type TargetInput = z.infer<typeof TargetInput>;

export const TargetUpdate = z.object({ rule: TargetRuleInput });
export type TargetUpdate = z.infer<typeof TargetUpdate>;

export const targetAreaKinds = ['county', 'municipality'] as const;

export const TargetView = z.object({
  id: z.uuid(),
  indicatorId: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  /** Which figures it judges: the county as a whole (`county`) or one municipality (its kommunkod). */
  area: z.object({ kind: z.enum(targetAreaKinds), code: z.string() }),
  rule: TargetRuleInput,
  setBy: z.object({ id: z.uuid(), displayName: z.string() }),
  setAt: z.iso.datetime(),
});
export type TargetView = z.infer<typeof TargetView>;

export const TargetList = z.object({
  targets: z.array(TargetView),
  /** Whether the caller may add, change and remove this indicator's targets (the page offers only that). */
  canManage: z.boolean(),
  /**
   * For an indicator of the municipality's own schools: the hemkommun indicator of the same
   * priority area, which targets default to (the pupils who live in the municipality).
   */
  defaultTargetIndicatorId: z.string().nullable(),
});
export type TargetList = z.infer<typeof TargetList>;

export const TargetParams = z.object({ id: z.string().min(1).max(80), targetId: z.uuid() });

/** A yearly series of a Kolada or local indicator for one area, with its stored target judged. */
export const SeriesQuery = z.object({
  area: z.string().regex(/^(county|[0-9]{4})$/).default('county'),
  gender: z.enum(koladaGenders).default('T'),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const SeriesView = z.object({
  indicator: z.object({ id: z.string(), nameSv: z.string(), nameEn: z.string(), unit: z.enum(indicatorUnits), direction: z.enum(indicatorDirections), sourceKind: z.enum(indicatorSourceKinds), pupilBasis: z.enum(pupilBases).nullable() }),
  area: z.object({ code: z.string(), name: z.string() }),
  /** The areas that have figures: `county` first, then municipalities by code. */
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  gender: z.enum(koladaGenders),
  points: z.array(z.object({ year: z.number().int(), value: z.number().nullable(), status: z.enum(koladaValueStatuses) })),
  /** The area's stored target (its own, or its hemkommun indicator's); null when none is stored. */
  target: TargetView.nullable(),
  /**
   * What the years are judged by (`judgingRule` in core): the stored target, or without one the
   * county's shared rule, +2 points a year from the area's first figure; null without either.
   */
  judgedBy: z.object({ source: z.enum(['stored', 'shared']), rule: TargetRuleInput }).nullable(),
  /** Each year after the target's baseline: expected, actual, on_track / off_track / no_data, the gap. */
  judged: z.array(z.object({ year: z.number().int(), expected: z.number(), actual: z.number().nullable(), status: z.enum(['on_track', 'off_track', 'no_data']), gap: z.number().nullable() })),
  /**
   * Each year's change since the previous year with a figure, in the unit's points; with Newcombe's
   * interval (in points) when both years are shares whose denominators are known (a local figure's
   * count), else `interval: null` (Kolada gives no number of pupils).
   */
  changes: z.array(z.object({ year: z.number().int(), difference: z.number(), interval: z.object({ lower: z.number(), upper: z.number(), significant: z.boolean() }).nullable() })),
  /** Anhøj's run-chart rules over the yearly values (`runChartAnalysis`); they signal only from 10 useful points. */
  runChart: z.object({ n: z.number().int(), median: z.number().nullable(), longestRun: z.number().int(), longestRunMax: z.number().int().nullable(), crossings: z.number().int(), crossingsMin: z.number().int().nullable(), runsSignal: z.boolean(), crossingsSignal: z.boolean(), signal: z.boolean() }),
});
export type SeriesView = z.infer<typeof SeriesView>;
