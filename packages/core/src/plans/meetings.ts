import { z } from 'zod';
import { addDaysTo } from '../agreements/dates.ts';
import { PlanPrincipal as Principal } from './schema.ts';

/**
 * The way to a SIP meeting (issue 14, point 2 and 3): the request for a SIP from one principal to
 * the other with its local deadline, the plan's meetings, and the summonses (kallelse) to the
 * obliged principals and invitations (inbjudan) to others, each with its receipt and reply.
 */

/** Days from a to b, both calendar dates (YYYY-MM-DD). */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The deadline of a request made on `requestedOn`: the SIP must start within the local number of days. */
export function sipRequestDeadline(requestedOn: string, deadlineDays: number): string {
  return addDaysTo(requestedOn, deadlineDays);
}

/**
 * How a request stands on `today`: the days passed since it was made (until it was answered),
 * the days left to the deadline, and whether the deadline passed before an answer.
 */
export function sipRequestTiming(r: { requestedOn: string; deadlineOn: string; answeredOn: string | null }, today: string): { daysPassed: number; daysLeft: number; deadlinePassed: boolean } {
  const until = r.answeredOn ?? today;
  return { daysPassed: daysFrom(r.requestedOn, until), daysLeft: daysFrom(until, r.deadlineOn), deadlinePassed: until > r.deadlineOn };
}

const Text = (max: number) => z.string().trim().max(max);

export const SipRequestParams = z.object({ id: z.uuid(), requestId: z.uuid() });
export const SipRequestInput = z.object({ reason: Text(2000).default('') });
export type SipRequestInput = z.infer<typeof SipRequestInput>;

/** The other principal's answer: accepted (optionally linked to the child's SIP) or refused, with a written reason. */
export const SipRequestAnswerInput = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('accepted'), planId: z.uuid().nullable().default(null), reason: Text(2000).default('') }),
  z.object({ answer: z.literal('refused'), reason: Text(2000).min(1) }),
]);
export type SipRequestAnswerInput = z.infer<typeof SipRequestAnswerInput>;

export const SipRequestView = z.object({
  id: z.uuid(),
  fromPrincipal: Principal,
  toPrincipal: Principal,
  requestedByName: z.string(),
  organisationName: z.string(),
  requestedAt: z.string(),
  reason: z.string(),
  deadlineOn: z.iso.date(),
  deadlineDays: z.number().int(),
  daysPassed: z.number().int(),
  daysLeft: z.number().int(),
  deadlinePassed: z.boolean(),
  status: z.enum(['open', 'accepted', 'refused']),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerReason: z.string(),
  planId: z.uuid().nullable(),
  /** Whether this caller may answer it (a member of the other principal, while it is open). */
  mayAnswer: z.boolean(),
});
export type SipRequestView = z.infer<typeof SipRequestView>;

export const SipRequestList = z.object({
  requests: z.array(SipRequestView),
  /** The caller's principal (null: neither; they see no requests and may not ask). */
  callerPrincipal: Principal.nullable(),
  mayRequest: z.boolean(),
  deadlineDays: z.number().int(),
  /** The child's open SIPs the caller may link an accepted request to. */
  sipOptions: z.array(z.object({ id: z.uuid(), title: z.string() })),
});
export type SipRequestList = z.infer<typeof SipRequestList>;

export const invitationKinds = ['summons', 'invitation', 'family'] as const;
export const InvitationKind = z.enum(invitationKinds);
export type InvitationKind = z.infer<typeof InvitationKind>;
export const InvitationReply = z.enum(['coming', 'not_coming']);
export const Attendance = z.enum(['present', 'absent']);

export const PlanMeetingParams = z.object({ id: z.uuid(), planId: z.uuid(), meetingId: z.uuid() });
export const InvitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });

const Link = z.union([z.literal(''), z.url({ protocol: /^https$/ }).max(500)]);

export const PlanMeetingInput = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  place: Text(300).default(''),
  digitalLink: Link.default(''),
});
export type PlanMeetingInput = z.infer<typeof PlanMeetingInput>;

export const PlanMeetingUpdateInput = z.object({
  startsAt: z.iso.datetime({ offset: true }).optional(),
  place: Text(300).optional(),
  digitalLink: Link.optional(),
  notes: Text(10000).optional(),
  decisions: Text(10000).optional(),
  held: z.boolean().optional(),
  attendance: z.array(z.object({ invitationId: z.uuid(), attendance: Attendance.nullable() })).max(100).optional(),
});
export type PlanMeetingUpdateInput = z.infer<typeof PlanMeetingUpdateInput>;

/** A summons or invitation to send: to a user of Samsyn, or to someone outside it by name and e-mail. */
export const InvitationInput = z.union([
  z.object({ kind: InvitationKind, userId: z.uuid() }),
  z.object({ kind: z.literal('invitation'), externalName: Text(200).min(1), externalEmail: z.email().max(320) }),
]);
export type InvitationInput = z.infer<typeof InvitationInput>;

export const InvitationReplyInput = z.object({ reply: InvitationReply, comment: Text(2000).default('') });
export type InvitationReplyInput = z.infer<typeof InvitationReplyInput>;

export const InviteeView = z.object({
  id: z.uuid(),
  kind: InvitationKind,
  name: z.string(),
  organisationName: z.string().nullable(),
  external: z.boolean(),
  sentAt: z.string(),
  deliveredAt: z.string(),
  readAt: z.string().nullable(),
  reply: InvitationReply.nullable(),
  replyComment: z.string(),
  repliedAt: z.string().nullable(),
  attendance: Attendance.nullable(),
});
export type InviteeView = z.infer<typeof InviteeView>;

export const PlanMeetingView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  startsAt: z.string(),
  place: z.string(),
  digitalLink: z.string(),
  heldAt: z.string().nullable(),
  /** The team's part: empty for the family, who read only the time, the place and their own invitation. */
  notes: z.string(),
  decisions: z.string(),
  invitees: z.array(InviteeView),
});
export type PlanMeetingView = z.infer<typeof PlanMeetingView>;

export const PlanMeetingList = z.object({
  meetings: z.array(PlanMeetingView),
  nextMeetingId: z.uuid().nullable(),
  /** What the caller may do: `write` (a participant of the open plan), `invite` (its planning lead). */
  actions: z.array(z.enum(['write', 'invite'])),
  /** Whom the lead may summon or invite: the child's team, and the family. */
  inviteOptions: z.array(z.object({ userId: z.uuid(), name: z.string(), organisationName: z.string().nullable(), suggestedKind: InvitationKind })),
  /** The family's own invitations (for a guardian or the child). */
  own: z.array(z.uuid()),
});
export type PlanMeetingList = z.infer<typeof PlanMeetingList>;

/** An invitation as its invitee opens it: the meeting's time and place, and their reply. */
export const InvitationView = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  planId: z.uuid(),
  meetingId: z.uuid(),
  kind: InvitationKind,
  planKind: z.enum(['child_plan', 'sip']),
  startsAt: z.string(),
  place: z.string(),
  digitalLink: z.string(),
  sentByName: z.string(),
  sentAt: z.string(),
  readAt: z.string().nullable(),
  reply: InvitationReply.nullable(),
  replyComment: z.string(),
  repliedAt: z.string().nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const OpenInvitation = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  planId: z.uuid(),
  meetingId: z.uuid(),
  kind: z.enum(['summons', 'invitation']),
  sentAt: z.string(),
  readAt: z.string().nullable(),
  meetingAt: z.string(),
});
export type OpenInvitation = z.infer<typeof OpenInvitation>;
export const OpenInvitationList = z.object({ invitations: z.array(OpenInvitation) });
