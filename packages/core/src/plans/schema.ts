import { z } from 'zod';
import { wellbeingAreaSchema } from '../wellbeing/areas.ts';
import { sipRequiredContents } from './sip-contents.ts';

/**
 * Planning together: one model, two kinds of plan. The child's plan is voluntary, for one or more
 * agencies; the SIP (samordnad individuell plan) is statutory, with contents fixed by SoL and HSL
 * 16 kap. 4 § (see sip-contents.ts). Both are made only with consent, and their participants are
 * the parties of that consent. Codes are stable; labels are translations.
 */
export const planKinds = ['child_plan', 'sip'] as const;
export const PlanKind = z.enum(planKinds);
export type PlanKind = z.infer<typeof PlanKind>;

/** A plan is prepared (draft), then established (in force), and finally closed with a reason. */
export const planStatuses = ['draft', 'established', 'closed'] as const;
export const PlanStatus = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** The principal that holds a SIP's overall responsibility (huvudansvar). */
export const planPrincipals = ['municipality', 'region'] as const;
export const PlanPrincipal = z.enum(planPrincipals);
export type PlanPrincipal = z.infer<typeof PlanPrincipal>;

/** Whose part of the plan an action is: the municipality's, the region's, or someone else's (school, police, Försäkringskassan…). */
export const planParts = ['municipality', 'region', 'others'] as const;
export const PlanPart = z.enum(planParts);
export type PlanPart = z.infer<typeof PlanPart>;

/** A goal's evaluation at follow-up, by the team, the child and the guardians, each in their own right. */
export const goalOutcomes = ['reached', 'partly_reached', 'not_reached'] as const;
export const GoalOutcome = z.enum(goalOutcomes);
export type GoalOutcome = z.infer<typeof GoalOutcome>;

/** Why a plan was closed. */
export const planCloseReasons = ['goals_reached', 'no_longer_needed', 'family_declined', 'moved', 'other'] as const;
export const PlanCloseReason = z.enum(planCloseReasons);
export type PlanCloseReason = z.infer<typeof PlanCloseReason>;

/** An item's id inside the plan's contents, made by the form, so a diff can follow one goal across revisions. */
export const PlanItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'invalid_item_id');

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const uniqueAreas = z.array(wellbeingAreaSchema).min(1).max(8).refine((a) => new Set(a).size === a.length, { message: 'duplicate_area' });

/** A need, linked to the wheel's areas: together the needs say which interventions are needed. */
export const PlanNeed = z.object({ id: PlanItemId, description: required(2000), areas: uniqueAreas });
export type PlanNeed = z.infer<typeof PlanNeed>;

export const GoalEvaluation = z.object({
  team: GoalOutcome.nullable(),
  child: GoalOutcome.nullable(),
  guardians: GoalOutcome.nullable(),
  note: text(2000),
});
export type GoalEvaluation = z.infer<typeof GoalEvaluation>;

/** A goal: a measurable wording, a target date, the wheel area it serves, in the child's own words where possible. */
export const PlanGoal = z.object({
  id: PlanItemId,
  needId: PlanItemId.nullable(),
  wording: required(1000),
  childWords: text(1000),
  area: wellbeingAreaSchema,
  targetDate: z.iso.date(),
  evaluation: GoalEvaluation.nullable(),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

/**
 * An action: what, whose part, which organisation and person, start and end. Its status follows
 * the dates (core's activityStatus) unless it is on hold or closed.
 */
export const PlanActionItem = z
  .object({
    id: PlanItemId,
    goalId: PlanItemId.nullable(),
    what: required(1000),
    part: PlanPart,
    organisationName: required(200),
    responsible: required(200),
    /** The responsible person as a Samsyn user, when they are one: the action then waits in their inbox (issue 14, point 5). */
    responsibleUserId: z.uuid().nullable().optional(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    onHoldSince: z.iso.date().nullable(),
    closedOn: z.iso.date().nullable(),
  })
  .refine((a) => a.endsOn >= a.startsOn, { message: 'ends_before_start', path: ['endsOn'] });
export type PlanActionItem = z.infer<typeof PlanActionItem>;

/** Who coordinates: the principal with the overall responsibility, and the planning lead (a team member). */
export const PlanCoordination = z.object({
  overallResponsibility: PlanPrincipal.nullable(),
  planningLeadUserId: z.uuid().nullable(),
});
export type PlanCoordination = z.infer<typeof PlanCoordination>;

/** One revision's contents: the whole plan as it was saved. */
export const PlanContents = z
  .object({
    title: required(200),
    childViews: text(4000),
    guardianViews: text(4000),
    needs: z.array(PlanNeed).max(50),
    goals: z.array(PlanGoal).max(50),
    actions: z.array(PlanActionItem).max(100),
    /** The plan says outright that no one but the two principals takes part (a SIP's "what others do"). */
    noOthersTakePart: z.boolean(),
    coordination: PlanCoordination,
    nextFollowUpOn: z.iso.date().nullable(),
  })
  .superRefine((c, ctx) => {
    const ids = [...c.needs, ...c.goals, ...c.actions].map((i) => i.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'duplicate_item_id', path: ['needs'] });
    const needs = new Set(c.needs.map((n) => n.id));
    c.goals.forEach((g, i) => {
      if (g.needId !== null && !needs.has(g.needId)) ctx.addIssue({ code: 'custom', message: 'unknown_need', path: ['goals', i, 'needId'] });
    });
    const goals = new Set(c.goals.map((g) => g.id));
    c.actions.forEach((a, i) => {
      if (a.goalId !== null && !goals.has(a.goalId)) ctx.addIssue({ code: 'custom', message: 'unknown_goal', path: ['actions', i, 'goalId'] });
    });
  });
export type PlanContents = z.infer<typeof PlanContents>;

export const PlanCreateInput = z.object({
  kind: PlanKind,
  /** The consent the plan is made on: its parties are the plan's participants. */
  consentId: z.uuid(),
  contents: PlanContents,
});
export type PlanCreateInput = z.infer<typeof PlanCreateInput>;

/** A new revision, saved on the revision the editor started from: a stale base is a conflict (409). */
export const PlanRevisionInput = z.object({
  baseRevision: z.number().int().min(1),
  contents: PlanContents,
  /** What changed, in the editor's words (optional; the diff says it exactly). */
  note: text(1000).optional(),
});
export type PlanRevisionInput = z.infer<typeof PlanRevisionInput>;

/** Establishing names the revision the lead has seen, so nothing unseen is put in force. */
export const PlanEstablishInput = z.object({ revision: z.number().int().min(1) });
export type PlanEstablishInput = z.infer<typeof PlanEstablishInput>;

export const PlanCloseInput = z
  .object({ reason: PlanCloseReason, note: text(2000) })
  .refine((c) => c.reason !== 'other' || c.note.length > 0, { message: 'note_required_for_other', path: ['note'] });
export type PlanCloseInput = z.infer<typeof PlanCloseInput>;

/** The family's answer to a proposed change: approve it, or comment without approving. */
export const planApprovalDecisions = ['approved', 'commented'] as const;
export const PlanApprovalInput = z
  .object({ revision: z.number().int().min(1), decision: z.enum(planApprovalDecisions), comment: text(2000) })
  .refine((a) => a.decision !== 'commented' || a.comment.length > 0, { message: 'comment_required', path: ['comment'] });
export type PlanApprovalInput = z.infer<typeof PlanApprovalInput>;

export const PlanParams = z.object({ id: z.uuid(), planId: z.uuid() });
export const PlanRevisionParams = PlanParams.extend({ number: z.coerce.number().int().min(1).max(2_147_483_647) });

/**
 * Where a revision stands: the draft being prepared, the one in force, a change proposed to the
 * family, or one that a later save or the one in force replaced.
 */
export const revisionStates = ['draft', 'in_force', 'proposed', 'superseded'] as const;
export const RevisionState = z.enum(revisionStates);
export type RevisionState = z.infer<typeof RevisionState>;

/**
 * The actions the plan's policy offers the caller; the web app offers exactly these. `prepare`:
 * the family fills in its own "Vad är viktigt för dig?" form (a guardian, or the child from the consent age).
 */
export const planActions = ['save_revision', 'establish', 'close', 'approve', 'prepare'] as const;
export const PlanAction = z.enum(planActions);
export type PlanAction = z.infer<typeof PlanAction>;

/**
 * What of a plan the policy shows the caller. `contents`: the revisions' contents (title, needs,
 * goals, actions, views, the follow-up date), with their diff, the approvals and the family's PDF;
 * `meeting_records`: the meetings' notes, decisions and every invitee, and the team's preparation
 * notes. The family of a plan being prepared sees neither: that a plan is coming, its kind, its
 * planning lead, the principals taking part and the meetings' time, place and link with its own invitation.
 */
export const planFields = ['contents', 'planning_lead', 'principals', 'meetings', 'meeting_records'] as const;
export const PlanField = z.enum(planFields);
export type PlanField = z.infer<typeof PlanField>;

export const PlanRevisionView = z.object({
  number: z.number().int(),
  basedOn: z.number().int().nullable(),
  state: RevisionState,
  savedAt: z.iso.datetime(),
  authorName: z.string(),
  organisationName: z.string(),
  /** The secrecy domain the revision was written in. */
  secrecyDomainName: z.string(),
  note: z.string(),
  /**
   * The head's, the one in force's (and so the proposal's), or where the caller may read neither,
   * the newest readable one's; null for any other, which is read on its own
   * (GET …/plans/{planId}/revisions/{number}): a plan's view does not grow with its history.
   */
  contents: PlanContents.nullable(),
});
export type PlanRevisionView = z.infer<typeof PlanRevisionView>;

/** A page of a plan's older revisions, newest first, without their contents; `next` is the `before` of the page after it, if any. */
export const PlanRevisionPage = z.object({ revisions: z.array(PlanRevisionView), next: z.number().int().nullable() });
export type PlanRevisionPage = z.infer<typeof PlanRevisionPage>;
export const PlanRevisionPageQuery = z.object({ before: z.coerce.number().int().min(2).max(2_147_483_647) });

/** One revision read on its own, with its contents. */
export const PlanRevisionRead = PlanRevisionView.extend({ contents: PlanContents });
export type PlanRevisionRead = z.infer<typeof PlanRevisionRead>;

export const PlanApprovalView = z.object({
  revision: z.number().int(),
  by: z.enum(['guardian', 'child']),
  decision: z.enum(planApprovalDecisions),
  comment: z.string(),
  at: z.iso.datetime(),
});
export type PlanApprovalView = z.infer<typeof PlanApprovalView>;

export const PlanSummary = z.object({
  id: z.uuid(),
  kind: PlanKind,
  status: PlanStatus,
  title: z.string(),
  consentId: z.uuid(),
  /** Where the plan was started: its organisation and secrecy domain. */
  organisationName: z.string(),
  secrecyDomainName: z.string(),
  createdAt: z.iso.datetime(),
  establishedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  closeReason: PlanCloseReason.nullable(),
  closeNote: z.string(),
  headRevision: z.number().int(),
  inForceRevision: z.number().int().nullable(),
  /** The change waiting for the family's approval: the head, when it is newer than the one in force. */
  proposedRevision: z.number().int().nullable(),
  nextFollowUpOn: z.iso.date().nullable(),
  /** A SIP's legal contents still missing in the head revision; empty for a child's plan. */
  missingSipContents: z.array(z.enum(sipRequiredContents)),
  actions: z.array(PlanAction),
  /** What of the plan the caller sees (the policy's answer); the web shows exactly these. */
  fields: z.array(PlanField),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** A consent a plan can be started on: in force, covering the plan, naming the caller's party. */
export const PlanConsentOption = z.object({ id: z.uuid(), validFrom: z.iso.date(), validTo: z.iso.date().nullable(), parties: z.array(z.string()) });
export type PlanConsentOption = z.infer<typeof PlanConsentOption>;

export const PlanList = z.object({
  plans: z.array(PlanSummary),
  /** The consents the caller may start a plan on; empty when they may not start one. */
  consentOptions: z.array(PlanConsentOption),
  /** The team members who may be named planning lead. */
  leadOptions: z.array(z.object({ userId: z.uuid(), name: z.string(), organisationName: z.string() })),
});
export type PlanList = z.infer<typeof PlanList>;

export const PlanView = PlanSummary.extend({
  /** The revisions the caller may read, newest first (the family: the one in force and the proposal). */
  revisions: z.array(PlanRevisionView),
  /**
   * Where the team's reading of older revisions starts (GET …/revisions?before=this), page by page:
   * the oldest number the newest revisions listed span; null when there are none older to read.
   */
  olderRevisionsBefore: z.number().int().nullable(),
  approvals: z.array(PlanApprovalView),
  /** Who must still approve the proposal before it is in force. */
  waitingFor: z.array(z.enum(['guardian', 'child'])),
  /** The planning lead's name, when the plan names one. */
  planningLeadName: z.string().nullable(),
  /** The principals (organisations) taking part, the parties of the plan's consent: for the family (`principals`), else empty. */
  principals: z.array(z.string()),
});
export type PlanView = z.infer<typeof PlanView>;
