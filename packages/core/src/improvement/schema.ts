import { z } from 'zod';
import { IndicatorId, priorityAreas } from '../indicators/schema.ts';

/**
 * Improvement work (issue 17): learning networks, teams with their coach, learning sessions,
 * and each team's project with aim, driver diagram, measures, values and PDSA cycles. No child's
 * data: these schemas never name a child.
 */

export const ageGroups = ['0-5', '6-12', '13-18', '0-18'] as const;
export const measureRoles = ['outcome', 'process', 'balancing'] as const;
export const measureKinds = ['count', 'mean', 'proportion'] as const;
export const measureFrequencies = ['weekly', 'monthly'] as const;
export const pdsaActs = ['adopt', 'adapt', 'abandon'] as const;
export type MeasureKind = (typeof measureKinds)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().trim().max(4000);
const Day = z.iso.date();
const Id = z.object({ id: z.uuid() });

export const NetworkInput = z.object({ name: text(200), priorityArea: z.enum(priorityAreas), ageGroup: z.enum(ageGroups), description: longText.default('') }).strict();
export const TeamInput = z.object({ name: text(200), organisationId: z.uuid(), coachUserId: z.uuid().nullable().default(null), memberUserIds: z.array(z.uuid()).max(50).default([]) }).strict();
export const TeamUpdate = z.object({ coachUserId: z.uuid().nullable().optional(), memberUserIds: z.array(z.uuid()).max(50).optional() }).strict();
export const SessionInput = z.object({ heldOn: Day, title: text(200) }).strict();
export const AttendanceInput = z.object({ teamIds: z.array(z.uuid()).max(100) }).strict();
export const ProjectInput = z.object({ title: text(200), aimWhat: text(1000), aimHowMuch: text(300), aimBy: Day, indicatorId: IndicatorId.nullable().default(null) }).strict();
export const ProjectUpdate = z.object({ title: text(200), aimWhat: text(1000), aimHowMuch: text(300), aimBy: Day, indicatorId: IndicatorId.nullable() }).partial().strict();
export const DriverInput = z.object({ title: text(300), parentId: z.uuid().nullable().default(null) }).strict();
export const ChangeIdeaInput = z.object({ title: text(300), driverId: z.uuid() }).strict();
export const MeasureInput = z
  .object({ name: text(200), role: z.enum(measureRoles), definition: text(2000), kind: z.enum(measureKinds), frequency: z.enum(measureFrequencies), phaseStarts: z.array(Day).max(20).default([]) })
  .strict();
export const MeasureUpdate = z.object({ phaseStarts: z.array(Day).max(20) }).strict();
export const PdsaInput = z
  .object({ changeIdeaId: z.uuid(), title: text(200), plan: text(4000), prediction: text(2000), doNotes: longText.default(''), study: longText.default(''), act: z.enum(pdsaActs).nullable().default(null), startsOn: Day, endsOn: Day.nullable().default(null) })
  .strict()
  .refine((p) => !p.endsOn || p.startsOn <= p.endsOn, { message: 'ends_before_start', path: ['endsOn'] });
export const PdsaUpdate = z
  .object({ doNotes: longText, study: longText, act: z.enum(pdsaActs).nullable(), endsOn: Day.nullable(), prediction: text(2000), plan: text(4000) })
  .partial()
  .strict();

/** One entered value: a number for counts and means, numerator/denominator for proportions. */
export const ValueEntry = z.object({ period: Day, value: z.number().finite().nullable().default(null), numerator: z.number().int().min(0).nullable().default(null), denominator: z.number().int().min(1).nullable().default(null) }).strict();
export const ValuesInput = z.object({ values: z.array(ValueEntry).min(1).max(520) }).strict();
export const CsvImportInput = z.object({ csv: z.string().max(200_000), accept: z.boolean().default(false) }).strict();

export const NetworkParams = Id;
export const TeamParams = Id;
export const ProjectParams = Id;
export const MeasureParams = Id;
export const PdsaParams = z.object({ id: z.uuid(), pdsaId: z.uuid() });
export const SessionParams = z.object({ id: z.uuid(), sessionId: z.uuid() });

const Person = z.object({ id: z.uuid(), displayName: z.string() });
const Org = z.object({ id: z.uuid(), name: z.string() });

export const TeamSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: Org,
  coach: Person.nullable(),
  members: z.array(Person),
  projectId: z.uuid().nullable(),
  projectTitle: z.string().nullable(),
  /** The project's outcome measure's run-chart status in words: signal, no_signal, too_few. */
  status: z.enum(['signal', 'no_signal', 'too_few', 'no_measure']),
  canEdit: z.boolean(),
});
export type TeamSummary = z.infer<typeof TeamSummary>;

export const NetworkSummary = z.object({ id: z.uuid(), name: z.string(), priorityArea: z.enum(priorityAreas), ageGroup: z.enum(ageGroups), teams: z.number().int(), organisations: z.number().int(), nextSession: Day.nullable() });
export const NetworkList = z.object({ networks: z.array(NetworkSummary), canCreate: z.boolean() });
export const NetworkView = NetworkSummary.extend({
  description: z.string(),
  workspaceId: z.uuid().nullable(),
  teamList: z.array(TeamSummary),
  sessions: z.array(z.object({ id: z.uuid(), heldOn: Day, title: z.string(), attendingTeamIds: z.array(z.uuid()) })),
  canManage: z.boolean(),
});
export type NetworkView = z.infer<typeof NetworkView>;
export const CoachView = z.object({ teams: z.array(TeamSummary.extend({ network: z.object({ id: z.uuid(), name: z.string() }), pdsaOpen: z.number().int(), lastValue: Day.nullable() })) });

export const ChartPoint = z.object({
  period: Day,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  centre: z.number().nullable(),
  lcl: z.number().nullable(),
  ucl: z.number().nullable(),
  outside: z.boolean(),
  /** In the longest run on one side of the median, when that run is a signal. */
  inLongRun: z.boolean(),
  movingRange: z.number().nullable(),
  movingRangeUpper: z.number().nullable(),
});
export const RunAnalysis = z.object({ n: z.number(), median: z.number().nullable(), longestRun: z.number(), longestRunMax: z.number().nullable(), crossings: z.number(), crossingsMin: z.number().nullable(), runsSignal: z.boolean(), crossingsSignal: z.boolean(), signal: z.boolean() });
export const Annotation = z.object({ period: Day, pdsaId: z.uuid(), title: z.string(), changeIdea: z.string(), act: z.enum(pdsaActs).nullable() });
export const MeasureView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  name: z.string(),
  role: z.enum(measureRoles),
  definition: z.string(),
  kind: z.enum(measureKinds),
  frequency: z.enum(measureFrequencies),
  phaseStarts: z.array(Day),
  chart: z.enum(['i', 'p']),
  points: z.array(ChartPoint),
  run: RunAnalysis,
  /** The status in words: signal, no_signal or too_few (fewer than 10 useful points). */
  status: z.enum(['signal', 'no_signal', 'too_few']),
  annotations: z.array(Annotation),
  canEdit: z.boolean(),
});
export type MeasureView = z.infer<typeof MeasureView>;

const Driver = z.object({ id: z.uuid(), title: z.string(), parentId: z.uuid().nullable() });
const ChangeIdea = z.object({ id: z.uuid(), title: z.string(), driverId: z.uuid() });
export const PdsaView = z.object({ id: z.uuid(), changeIdeaId: z.uuid(), title: z.string(), plan: z.string(), prediction: z.string(), doNotes: z.string(), study: z.string(), act: z.enum(pdsaActs).nullable(), startsOn: Day, endsOn: Day.nullable() });
export const ProjectView = z.object({
  id: z.uuid(),
  team: z.object({ id: z.uuid(), name: z.string(), organisation: Org, coach: Person.nullable(), members: z.array(Person) }),
  network: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  aimWhat: z.string(),
  aimHowMuch: z.string(),
  aimBy: Day,
  indicator: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The indicator's yearly values for the team's municipality (Kolada indicators), beside the outcome measure's yearly mean. */
  indicatorTrend: z.array(z.object({ year: z.number().int(), indicator: z.number().nullable(), team: z.number().nullable() })),
  drivers: z.array(Driver),
  changeIdeas: z.array(ChangeIdea),
  measures: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(measureRoles), definition: z.string(), kind: z.enum(measureKinds), frequency: z.enum(measureFrequencies), values: z.number().int(), status: z.enum(['signal', 'no_signal', 'too_few']) })),
  pdsa: z.array(PdsaView),
  canEdit: z.boolean(),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const ImportPreview = z.object({
  rows: z.array(z.object({ line: z.number().int(), period: z.string(), value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable(), error: z.string().nullable(), replaces: z.boolean() })),
  valid: z.number().int(),
  invalid: z.number().int(),
  written: z.number().int(),
});
export const IndicatorProjects = z.object({ projects: z.array(z.object({ id: z.uuid(), title: z.string(), indicatorId: z.string(), team: z.string(), network: z.string(), organisation: z.string() })) });
