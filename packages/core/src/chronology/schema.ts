import { z } from 'zod';
import { AccessBasis, CareTeamRole, ConsentGiver, InfoCategory } from '../children/schema.ts';
import { LifeStage } from '../care-team/schema.ts';
import { NeedsProposal } from '../needs-assessment/schema.ts';
import { ConcernLevel, ConcernSource } from '../concerns/schema.ts';
import { ReporterFeedback } from '../reports/schema.ts';
import { wellbeingAreaSchema } from '../wellbeing/areas.ts';
import { WellbeingRespondent } from '../wellbeing/assessment.ts';

/**
 * The chronology (kronologi): a timeline derived from the child's own dated events, never stored as
 * a copy. Each type of event has a source on the server (chronology/sources.ts); a new area adds
 * its type here and its source there.
 */
export const chronologyEventTypes = ['wellbeing', 'concern', 'record_entry', 'report_of_concern', 'care_team', 'consent', 'needs_assessment', 'plan'] as const;
export const ChronologyEventType = z.enum(chronologyEventTypes);
export type ChronologyEventType = z.infer<typeof ChronologyEventType>;

/** What happened: an entry recorded, a report sent, a member joining or leaving, a handover, a consent given, withdrawn or run out. */
export const chronologyChanges = ['recorded', 'sent', 'joined', 'left', 'handed_over', 'given', 'withdrawn', 'lapsed', 'revised', 'meeting'] as const;
export const ChronologyChange = z.enum(chronologyChanges);
export type ChronologyChange = z.infer<typeof ChronologyChange>;

const Named = z.object({ id: z.uuid(), name: z.string() });

/**
 * What the event says besides its type, as far as the type has it. Free text the area already
 * shows its readers (a concern's description, an entry's title) is shown here to the same readers;
 * nothing here names a reporter to anyone but the reporter and intake.
 */
export const ChronologyDetails = z.object({
  /** A record entry's information category and title. */
  recordCategory: InfoCategory.optional(),
  title: z.string().optional(),
  /**
   * An assessment on the wellbeing wheel: whose view, on which model version, and per area its
   * rating (`ratings[i]` is the rating of `areas[i]`; never a total). A concern's or a report's
   * `areas` are the areas it touches.
   */
  respondent: WellbeingRespondent.optional(),
  modelVersionId: z.uuid().optional(),
  areas: z.array(wellbeingAreaSchema).optional(),
  ratings: z.array(z.number().nullable()).optional(),
  /** A concern. */
  level: ConcernLevel.optional(),
  source: ConcernSource.optional(),
  description: z.string().optional(),
  /** A report of concern, shown only to its reporter and to intake: where it went, and what intake may say. */
  intakeName: z.string().optional(),
  immediateDanger: z.boolean().optional(),
  feedback: ReporterFeedback.optional(),
  /** A team change: who joined or left, in which role; a handover: from whom to whom, at which life stage. */
  memberName: z.string().optional(),
  role: CareTeamRole.optional(),
  fromName: z.string().nullable().optional(),
  toName: z.string().optional(),
  lifeStage: LifeStage.optional(),
  /** A consent change: who gave it, for which categories, valid when. */
  givenBy: ConsentGiver.optional(),
  categories: z.array(InfoCategory).optional(),
  validFrom: z.iso.date().optional(),
  validTo: z.iso.date().nullable().optional(),
  /** A needs assessment made final: its proposal, and which revision of the assessment it is. */
  proposal: NeedsProposal.optional(),
  revision: z.number().int().positive().optional(),
});
export type ChronologyDetails = z.infer<typeof ChronologyDetails>;

export const ChronologyEvent = z
  .object({
    /** Stable and unique in the chronology: the source row's id, with the change where one row makes several events. */
    id: z.string(),
    type: ChronologyEventType,
    change: ChronologyChange,
    /** The day it happened (Stockholm); the list is sorted by it, then by `at`. */
    occurredOn: z.iso.date(),
    /** When it was recorded or took effect. */
    at: z.iso.datetime(),
    /** The organisation and secrecy domain it was written in (a consent has neither: it is the family's). */
    organisation: Named.nullable(),
    secrecyDomain: Named.nullable(),
    /** Who recorded it or made the change, when a professional did. */
    by: z.string().nullable(),
    /** Why the caller may see it, as the gate answered for this entry. */
    basis: AccessBasis,
    details: ChronologyDetails,
  })
  .meta({ id: 'ChronologyEvent' });
export type ChronologyEvent = z.infer<typeof ChronologyEvent>;

/**
 * Why events exist that the caller is not shown, counted without saying what they are:
 * `no_consent` ("3 händelser från andra verksamheter visas inte – samtycke saknas"), or
 * `emergency_ground` (an emergency access whose legal ground does not open them).
 */
export const notShownReasons = ['no_consent', 'emergency_ground'] as const;
export const NotShownReason = z.enum(notShownReasons);
export type NotShownReason = z.infer<typeof NotShownReason>;

export const chronologyOrders = ['newest', 'oldest'] as const;
export const ChronologyOrder = z.enum(chronologyOrders);
export type ChronologyOrder = z.infer<typeof ChronologyOrder>;

const typeList = z
  .string()
  .transform((s) => s.split(',').map((t) => t.trim()).filter((t) => t.length > 0))
  .pipe(z.array(ChronologyEventType).min(1).max(chronologyEventTypes.length));

/** The filters and the page: `types` is comma-separated (`concern,wellbeing`); `from` and `to` are inclusive days. */
export const ChronologyQuery = z
  .object({
    organisation: z.uuid().optional(),
    secrecyDomain: z.uuid().optional(),
    types: typeList.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    order: ChronologyOrder.default('newest'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from_after_to', path: ['to'] });
export type ChronologyQuery = z.infer<typeof ChronologyQuery>;
export type ChronologyFilters = Pick<ChronologyQuery, 'organisation' | 'secrecyDomain' | 'types' | 'from' | 'to'>;

export const ChronologyView = z
  .object({
    /** The child's name where the gate lets the caller see it; null for a protected identity. */
    childName: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
    /** One page of the events the caller may see that match the filters. */
    events: z.array(ChronologyEvent),
    /** How many the caller may see that match the filters (all pages). */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    order: ChronologyOrder,
    /**
     * Events of the whole chronology the caller may not see, whatever the filters, by reason: a
     * count and nothing more. Reports of concern are never counted (see docs/chronology.md).
     */
    notShown: z.array(z.object({ reason: NotShownReason, count: z.number().int().positive() })),
    /** What the filters offer: the organisations, secrecy domains and types among the events the caller may see. */
    facets: z.object({ organisations: z.array(Named), secrecyDomains: z.array(Named), types: z.array(ChronologyEventType) }),
  })
  .meta({ id: 'Chronology' });
export type ChronologyView = z.infer<typeof ChronologyView>;

/** The latest assessment of one respondent, as the overview's wheel shows it: ratings per area, never a total. */
export const OverviewAssessment = z.object({
  id: z.string(),
  respondent: WellbeingRespondent,
  occurredOn: z.iso.date(),
  recordedAt: z.iso.datetime(),
  modelVersionId: z.uuid(),
  ratings: z.array(z.object({ area: wellbeingAreaSchema, rating: z.number().nullable() })),
  organisationName: z.string().nullable(),
  secrecyDomainName: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type OverviewAssessment = z.infer<typeof OverviewAssessment>;

/**
 * The child's overview in one look: the latest wheel from each respondent (professional, child,
 * guardian), the open concerns and the first page of the chronology, each as far as the caller may see.
 */
export const ChildOverview = z
  .object({
    wheel: z.object({ latest: z.array(OverviewAssessment), sharedFromOthers: z.boolean() }),
    /** Concerns have no closing event yet, so every concern is open: the newest, and how many there are. */
    concerns: z.object({ open: z.array(ChronologyEvent), total: z.number().int(), sharedFromOthers: z.boolean() }),
    chronology: ChronologyView,
  })
  .meta({ id: 'ChildOverview' });
export type ChildOverview = z.infer<typeof ChildOverview>;
