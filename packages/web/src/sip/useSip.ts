import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationInput, InvitationReplyInput, InvitationView, PlanMeetingInput, PlanMeetingList, PlanMeetingUpdateInput, SipRequestAnswerInput, SipRequestInput, SipRequestList } from '@samsyn/core';
import { api } from '../api/client.ts';

/**
 * The way to a SIP meeting in the browser (issue 14): the request, the meetings with their
 * summonses and invitations, the team's preparation notes, the family's preparation form and the
 * invitee's own invitation. Each look is one query, not refetched on focus (a look is logged);
 * a change answers with the list as it stands, which replaces the cached one.
 */
const child = (childId: string) => `/api/children/${childId}`;
const plan = (childId: string, planId: string) => `${child(childId)}/plans/${planId}`;

export const sipRequestsKey = (childId: string) => ['children', childId, 'sip-requests'] as const;
export const meetingsKey = (childId: string, planId: string) => ['children', childId, 'plans', planId, 'meetings'] as const;
export const notesKey = (childId: string, planId: string) => ['children', childId, 'plans', planId, 'preparation-notes'] as const;
export const preparationKey = (childId: string, planId: string) => ['children', childId, 'plans', planId, 'preparation'] as const;
export const invitationKey = (childId: string, invitationId: string) => ['children', childId, 'meeting-invitations', invitationId] as const;

function useSetting<T>(key: readonly unknown[]) {
  const client = useQueryClient();
  return (value: T) => client.setQueryData(key, value);
}

export function useSipRequests(childId: string) {
  return useQuery({ queryKey: sipRequestsKey(childId), queryFn: () => api<SipRequestList>('GET', `${child(childId)}/sip-requests`), refetchOnWindowFocus: false });
}
export function useRequestSip(childId: string) {
  const set = useSetting<SipRequestList>(sipRequestsKey(childId));
  return useMutation({ mutationFn: (input: SipRequestInput) => api<SipRequestList>('POST', `${child(childId)}/sip-requests`, input), onSuccess: set });
}
export function useAnswerSipRequest(childId: string) {
  const set = useSetting<SipRequestList>(sipRequestsKey(childId));
  return useMutation({ mutationFn: ({ requestId, input }: { requestId: string; input: SipRequestAnswerInput }) => api<SipRequestList>('POST', `${child(childId)}/sip-requests/${requestId}/answer`, input), onSuccess: set });
}

export function useMeetings(childId: string, planId: string) {
  return useQuery({ queryKey: meetingsKey(childId, planId), queryFn: () => api<PlanMeetingList>('GET', `${plan(childId, planId)}/meetings`), refetchOnWindowFocus: false });
}
export function useCreateMeeting(childId: string, planId: string) {
  const set = useSetting<PlanMeetingList>(meetingsKey(childId, planId));
  return useMutation({ mutationFn: (input: PlanMeetingInput) => api<PlanMeetingList>('POST', `${plan(childId, planId)}/meetings`, input), onSuccess: set });
}
export function useUpdateMeeting(childId: string, planId: string) {
  const set = useSetting<PlanMeetingList>(meetingsKey(childId, planId));
  return useMutation({ mutationFn: ({ meetingId, input }: { meetingId: string; input: PlanMeetingUpdateInput }) => api<PlanMeetingList>('PATCH', `${plan(childId, planId)}/meetings/${meetingId}`, input), onSuccess: set });
}
export function useInvite(childId: string, planId: string) {
  const set = useSetting<PlanMeetingList>(meetingsKey(childId, planId));
  return useMutation({ mutationFn: ({ meetingId, input }: { meetingId: string; input: InvitationInput }) => api<PlanMeetingList>('POST', `${plan(childId, planId)}/meetings/${meetingId}/invitations`, input), onSuccess: set });
}

export interface PreparationNotes {
  notes: { authorId: string; authorName: string; organisationName: string; brings: string; updatedAt: string; mine: boolean }[];
  actions: 'write'[];
}
export function usePreparationNotes(childId: string, planId: string) {
  return useQuery({ queryKey: notesKey(childId, planId), queryFn: () => api<PreparationNotes>('GET', `${plan(childId, planId)}/preparation-notes`), refetchOnWindowFocus: false });
}
export function useSavePreparationNote(childId: string, planId: string) {
  const set = useSetting<PreparationNotes>(notesKey(childId, planId));
  return useMutation({ mutationFn: (brings: string) => api<PreparationNotes>('POST', `${plan(childId, planId)}/preparation-notes`, { brings }), onSuccess: set });
}

export type GoalOutcome = 'reached' | 'partly_reached' | 'not_reached';
export interface PreparationAnswers {
  areas: Partial<Record<string, string>>;
  goingWell: string;
  wantToChange: string;
  whoAtMeeting: string;
  shouldKnow: string;
  goals: Record<string, { outcome: GoalOutcome | null; comment: string }>;
}
export interface PreparationView { voice: 'child' | 'guardian'; givenAs: 'child' | 'guardian'; mine: boolean; answers: PreparationAnswers; updatedAt: string; submittedAt: string | null }
export function usePreparation(childId: string, planId: string) {
  return useQuery({ queryKey: preparationKey(childId, planId), queryFn: () => api<{ preparations: PreparationView[] }>('GET', `${plan(childId, planId)}/preparation`), refetchOnWindowFocus: false });
}
export function useSavePreparation(childId: string, planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { voice: 'child' | 'guardian'; answers: PreparationAnswers; submit: boolean }) => api<PreparationView>('POST', `${plan(childId, planId)}/preparation`, input),
    onSuccess: (saved) => client.setQueryData<{ preparations: PreparationView[] }>(preparationKey(childId, planId), (old) => ({ preparations: [...(old?.preparations ?? []).filter((p) => !(p.mine && p.voice === saved.voice)), saved] })),
  });
}

export function useInvitation(childId: string, invitationId: string) {
  return useQuery({ queryKey: invitationKey(childId, invitationId), queryFn: () => api<InvitationView>('GET', `${child(childId)}/meeting-invitations/${invitationId}`), refetchOnWindowFocus: false });
}
export function useReply(childId: string, invitationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationReplyInput) => api<InvitationView>('POST', `${child(childId)}/meeting-invitations/${invitationId}/reply`, input),
    onSuccess: (view) => {
      client.setQueryData(invitationKey(childId, invitationId), view);
      void client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
