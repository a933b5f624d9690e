import { z } from 'zod';
import { Id } from '../organisations/schema.ts';
import { SocioEconomicInput } from './socio-economic-schema.ts';

/**
 * The social-investment fund (sociala investeringsfonden), issue 17 point 4: a fund with a
 * budget per year, calls, applications, decisions, disbursements and the granted projects'
 * reports. No child's data: target groups are described, never named. Amounts are whole kronor.
 */

const Kronor = z.number().int().nonnegative().max(2_000_000_000);
const Year = z.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);
const Day = z.iso.date();

export const applicationStatuses = ['draft', 'submitted', 'granted', 'granted_with_conditions', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const decisionOutcomes = ['granted', 'granted_with_conditions', 'rejected'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export const YearAmount = z.object({ year: Year, amount: Kronor });
export type YearAmount = z.infer<typeof YearAmount>;

const uniqueYears = (rows: readonly YearAmount[]) => new Set(rows.map((r) => r.year)).size === rows.length;

export const FundParams = z.object({ id: Id });
export const ApplicationParams = z.object({ id: Id });

export const ApplicationInput = z
  .object({
    callId: Id,
    title: text(200),
    applicantOrganisationId: Id,
    targetGroup: text(2000),
    ageFrom: z.number().int().min(0).max(18),
    ageTo: z.number().int().min(0).max(18),
    intervention: text(8000),
    partnerOrganisationIds: z.array(Id).max(30).default([]),
    budget: z.array(YearAmount).min(1).max(10).refine(uniqueYears, { message: 'duplicate_year' }),
    expectedEffects: text(8000),
    indicatorIds: z.array(z.string().min(1).max(100)).max(20).default([]),
    projectStart: Day.nullable().default(null),
    projectEnd: Day.nullable().default(null),
  })
  .refine((a) => a.ageFrom <= a.ageTo, { message: 'age_order', path: ['ageTo'] });
export type ApplicationInput = z.input<typeof ApplicationInput>;

export const FundDecisionInput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('granted'), reason: text(4000) }),
  z.object({ outcome: z.literal('granted_with_conditions'), reason: text(4000), conditions: text(4000) }),
  z.object({ outcome: z.literal('rejected'), reason: text(4000) }),
]);
export type FundDecisionInput = z.infer<typeof FundDecisionInput>;

export const DisbursementInput = z.object({ year: Year, amount: Kronor.min(1), paidOn: Day, note: z.string().trim().max(1000).default('') });
export type DisbursementInput = z.input<typeof DisbursementInput>;

export const FundIndicatorValue = z.object({ indicatorId: z.string().min(1).max(100), period: z.string().trim().min(1).max(20), value: z.number().finite() });
export type FundIndicatorValue = z.infer<typeof FundIndicatorValue>;

export const FundReportInput = z.object({ reportedOn: Day, summary: text(8000), indicatorValues: z.array(FundIndicatorValue).max(200).default([]) });
export type FundReportInput = z.input<typeof FundReportInput>;

const Named = z.object({ id: z.string(), name: z.string() });

export const FundYearView = z.object({ year: z.number(), budget: z.number(), granted: z.number(), disbursed: z.number(), remaining: z.number() });
export type FundYearView = z.infer<typeof FundYearView>;

export const ApplicationSummary = z.object({
  id: z.string(),
  title: z.string(),
  callId: z.string(),
  applicant: Named,
  status: z.enum(applicationStatuses),
  ageFrom: z.number(),
  ageTo: z.number(),
  requested: z.number(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const FundView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  owner: Named,
  years: z.array(FundYearView),
  total: FundYearView.omit({ year: true }),
  calls: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), opensOn: z.string(), closesOn: z.string() })),
  applications: z.array(ApplicationSummary),
  /** What the caller may do here, as the server decides. */
  actions: z.object({ apply: z.boolean(), decide: z.boolean() }),
});
export type FundView = z.infer<typeof FundView>;

export const FundList = z.object({ funds: z.array(FundView.pick({ id: true, name: true, owner: true, total: true })) });
export type FundList = z.infer<typeof FundList>;

export const FundDecisionView = z.object({ outcome: z.enum(decisionOutcomes), reason: z.string(), conditions: z.string().nullable(), decidedBy: z.string(), decidedAt: z.string() });
export const DisbursementView = z.object({ id: z.string(), year: z.number(), amount: z.number(), paidOn: z.string(), note: z.string() });
export const FundReportView = z.object({ id: z.string(), reportedOn: z.string(), summary: z.string(), indicatorValues: z.array(FundIndicatorValue), reportedBy: z.string() });

export const ApplicationView = ApplicationSummary.extend({
  fundId: z.string(),
  targetGroup: z.string(),
  intervention: z.string(),
  expectedEffects: z.string(),
  partners: z.array(Named.extend({ kind: z.string() })),
  budget: z.array(YearAmount),
  indicators: z.array(z.object({ id: z.string(), nameSv: z.string(), nameEn: z.string() })),
  projectStart: z.string().nullable(),
  projectEnd: z.string().nullable(),
  decision: FundDecisionView.nullable(),
  disbursements: z.array(DisbursementView),
  reports: z.array(FundReportView),
  /** The child-rights impact assessment's state, or null when none is begun: a decision needs done or not_needed. */
  assessmentState: z.enum(['draft', 'done', 'not_needed']).nullable(),
  calculation: SocioEconomicInput.nullable(),
  actions: z.object({ edit: z.boolean(), submit: z.boolean(), assess: z.boolean(), decide: z.boolean(), disburse: z.boolean(), report: z.boolean(), calculate: z.boolean() }),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const CalculationAnswer = z.object({ input: SocioEconomicInput.nullable() });
