import { z } from 'zod';

/**
 * The newsletter (issue 17 point 6): a coordinator composes an issue from blocks, publishes it as
 * a public page (and a PDF) and mails it to confirmed subscribers. Every block reads aggregates
 * only (suppressed survey estimates, Kolada series, run charts, plan progress, a granted fund
 * project): an issue never holds a child's data.
 */

const Text = z.object({ type: z.literal('text'), heading: z.string().trim().max(200).default(''), text: z.string().trim().min(1).max(10000) });
/** A survey indicator's suppressed estimates over the waves, in one area (the county or a municipality). */
const Survey = z.object({ type: z.literal('survey'), indicatorId: z.string().min(1).max(100), area: z.string().regex(/^(county|[0-9]{4})$/).default('county'), gender: z.enum(['T', 'K', 'M']).default('T') });
/** A Kolada key figure's series in one municipality (its code, or 0000 for the country). */
const Kolada = z.object({ type: z.literal('kolada'), kpi: z.string().regex(/^[A-Z][0-9]{5}$/), municipality: z.string().regex(/^[0-9]{4}$/) });
const RunChart = z.object({ type: z.literal('run_chart'), measureId: z.uuid() });
const ActionPlan = z.object({ type: z.literal('action_plan'), planId: z.uuid() });
const FundStory = z.object({ type: z.literal('fund_story'), applicationId: z.uuid() });

export const NewsletterBlock = z.discriminatedUnion('type', [Text, Survey, Kolada, RunChart, ActionPlan, FundStory]);
export type NewsletterBlock = z.infer<typeof NewsletterBlock>;
export const newsletterBlockTypes = ['text', 'survey', 'kolada', 'run_chart', 'action_plan', 'fund_story'] as const;

const Slug = z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const NewsletterIssueInput = z.object({
  ownerOrganisationId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  slug: Slug,
  issueDate: IsoDate,
  blocks: z.array(NewsletterBlock).max(30).default([]),
});
export type NewsletterIssueInput = z.infer<typeof NewsletterIssueInput>;
export const NewsletterIssueUpdate = NewsletterIssueInput.omit({ ownerOrganisationId: true, slug: true }).partial();
export type NewsletterIssueUpdate = z.infer<typeof NewsletterIssueUpdate>;
export const NewsletterParams = z.object({ id: z.uuid() });

export const newsletterStates = ['draft', 'published', 'withdrawn'] as const;
export type NewsletterState = (typeof newsletterStates)[number];

export const NewsletterIssueSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  slug: z.string(),
  issueDate: z.string(),
  ownerOrganisation: z.object({ id: z.uuid(), name: z.string() }),
  state: z.enum(newsletterStates),
  blocks: z.array(NewsletterBlock),
  /** The public page's path once published. */
  path: z.string().nullable(),
  pdfPath: z.string().nullable(),
  publicPageId: z.uuid().nullable(),
  sentAt: z.string().nullable(),
  /** Mails delivered so far. */
  sentCount: z.number().int().nullable(),
  /** Addresses of a send not yet mailed (the mail server refused them, or the send stopped): a send again resumes them. */
  unsent: z.number().int(),
  updatedAt: z.string(),
});
export type NewsletterIssueSummary = z.infer<typeof NewsletterIssueSummary>;

export const NewsletterList = z.object({
  issues: z.array(NewsletterIssueSummary),
  /** The organisations the caller coordinates in: where they may compose. */
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  canCompose: z.boolean(),
  /** Confirmed subscribers of the caller's organisations (a count: no addresses leave the server). */
  subscribers: z.number().int(),
  mailEnabled: z.boolean(),
  /** The services' date (Stockholm): a new issue's date, whatever the browser's clock says. */
  today: z.string(),
});
export type NewsletterList = z.infer<typeof NewsletterList>;

export const NewsletterPreview = z.object({ html: z.string() });
export const NewsletterSent = z.object({ issue: NewsletterIssueSummary, recipients: z.number().int() });
