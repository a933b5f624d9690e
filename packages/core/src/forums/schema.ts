import { z } from 'zod';

/**
 * Forums and reference groups (issue 16 point 3): steering and theme groups at political and
 * officer level, reference groups of user organisations, their meetings, decisions and the views
 * reference groups bring. No child's data: forums speak of groups of children.
 */

export const forumKinds = ['steering_group', 'theme_group', 'reference_group', 'working_group'] as const;
export const forumLevels = ['political', 'officer', 'user'] as const;
export const forumMemberRoles = ['chair', 'secretary', 'member'] as const;
const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const ForumInput = z.object({
  name: text(200).min(1),
  kind: z.enum(forumKinds),
  level: z.enum(forumLevels),
  purpose: text(4000).default(''),
  organisationId: z.uuid(),
  parentForumId: z.uuid().nullable().default(null),
});
export type ForumInput = z.infer<typeof ForumInput>;

export const ForumMemberInput = z.object({ userId: z.uuid(), organisationId: z.uuid(), role: z.enum(forumMemberRoles).default('member') });
export type ForumMemberInput = z.infer<typeof ForumMemberInput>;

export const ForumOrganisationInput = z.object({
  organisationId: z.uuid(),
  contactName: text(200).min(1),
  contactEmail: text(200).default(''),
  contactPhone: text(50).default(''),
  contactFor: text(1000).default(''),
});
export type ForumOrganisationInput = z.infer<typeof ForumOrganisationInput>;

/** An agenda item; a standing item recurs at every meeting, such as this meeting's article of the Convention. */
export const AgendaItem = z.object({ title: text(300).min(1), standing: z.boolean().default(false), crcArticle: z.number().int().min(1).max(54).nullable().default(null) });
export const AttendanceRow = z.object({ name: text(200).min(1), organisationId: z.uuid().nullable().default(null), present: z.boolean() });

export const MeetingInput = z.object({
  heldOn: day,
  title: text(200).min(1),
  agenda: z.array(AgendaItem).max(50).default([]),
  minutes: text(20000).default(''),
  attendance: z.array(AttendanceRow).max(100).default([]),
});
export type MeetingInput = z.infer<typeof MeetingInput>;
// Written out, not MeetingInput.partial(): the input's defaults would blank what a change leaves out.
export const MeetingUpdate = z
  .object({ heldOn: day, title: text(200).min(1), agenda: z.array(AgendaItem).max(50), minutes: text(20000), attendance: z.array(AttendanceRow).max(100) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'empty_change');
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

export const DecisionInput = z.object({
  text: text(4000).min(1),
  actionPlanId: z.uuid().nullable().default(null),
  subGoalId: z.uuid().nullable().default(null),
  activityId: z.uuid().nullable().default(null),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

export const ViewInput = z.object({
  forumId: z.uuid(),
  meetingId: z.uuid().nullable().default(null),
  subject: text(300).min(1),
  view: text(8000).min(1),
  childrenViewsHow: text(4000).default(''),
});
export type ViewInput = z.infer<typeof ViewInput>;
export const ViewResponseInput = z.object({ response: text(8000).min(1) });

export const ForumParams = z.object({ id: z.uuid() });
export const MeetingParams = z.object({ id: z.uuid(), meetingId: z.uuid() });
export const DecisionParams = z.object({ id: z.uuid(), decisionId: z.uuid() });
export const ViewParams = z.object({ id: z.uuid(), viewId: z.uuid() });

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const DecisionView = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  heldOn: day,
  text: z.string(),
  actionPlan: Ref.nullable(),
  subGoal: Ref.nullable(),
  activity: Ref.nullable(),
  state: z.enum(['proposed', 'taken']),
  takenAt: z.iso.datetime().nullable(),
  assessmentState: z.enum(['none', 'draft', 'done', 'not_needed']),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const MeetingView = z.object({
  id: z.uuid(),
  forumId: z.uuid(),
  heldOn: day,
  title: z.string(),
  agenda: z.array(AgendaItem),
  minutes: z.string(),
  attendance: z.array(AttendanceRow),
  decisions: z.array(DecisionView),
  canEdit: z.boolean(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const ForumViewEntry = z.object({
  id: z.uuid(),
  referenceGroup: Ref,
  forum: Ref,
  subject: z.string(),
  view: z.string(),
  childrenViewsHow: z.string(),
  response: z.string().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const ForumSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(forumKinds),
  level: z.enum(forumLevels),
  organisation: Ref,
  parentForum: Ref.nullable(),
  members: z.number().int(),
  meetings: z.number().int(),
  nextMeeting: day.nullable(),
  isMember: z.boolean(),
});
export const ForumList = z.object({ forums: z.array(ForumSummary) });

export const ForumDetail = ForumSummary.extend({
  purpose: z.string(),
  memberList: z.array(z.object({ userId: z.uuid(), displayName: z.string(), organisation: Ref, role: z.enum(forumMemberRoles) })),
  organisations: z.array(z.object({ organisation: Ref, contactName: z.string(), contactEmail: z.string(), contactPhone: z.string(), contactFor: z.string() })),
  meetingList: z.array(z.object({ id: z.uuid(), heldOn: day, title: z.string(), decisions: z.number().int() })),
  referenceGroups: z.array(Ref),
  views: z.array(ForumViewEntry),
  canEdit: z.boolean(),
  canPublish: z.boolean(),
});
export type ForumDetail = z.infer<typeof ForumDetail>;

export const ContactRow = z.object({
  organisation: Ref,
  organisationKind: z.string(),
  forum: Ref,
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  contactFor: z.string(),
});
export type ContactRow = z.infer<typeof ContactRow>;
export const ContactQuery = z.object({
  q: z.string().trim().max(200).optional(),
  forumId: z.uuid().optional(),
  sort: z.enum(['organisation', 'forum', 'contact']).default('organisation'),
});
export const ContactList = z.object({ contacts: z.array(ContactRow) });

/** Whether the caller edits the forum: its members do, nobody else (403). */
export function canEditForum(actor: { kind: string; userId: string }, memberIds: readonly string[]): boolean {
  return actor.kind === 'professional' && memberIds.includes(actor.userId);
}
