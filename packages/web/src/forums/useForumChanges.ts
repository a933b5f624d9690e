import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecisionInput, ForumDetail, ForumOrganisationInput, MeetingInput, MeetingUpdate, MeetingView } from '@samsyn/core';
import { api } from '../api/client.ts';

/** The members' changes of a forum and its meetings; each answer replaces what is cached. */

const meetingKey = (forumId: string, meetingId: string) => ['forums', forumId, 'meetings', meetingId];

/** A change of a meeting's date, title, agenda or attendance (the server refuses non-members, 403). */
export function useUpdateMeeting(forumId: string, meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: MeetingUpdate) => api<MeetingView>('PATCH', `/api/forums/${forumId}/meetings/${meetingId}`, change),
    onSuccess: (meeting) => {
      client.setQueryData(meetingKey(forumId, meetingId), meeting);
      void client.invalidateQueries({ queryKey: ['forums', forumId], exact: true });
    },
  });
}

export function useCreateMeeting(forumId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingInput) => api<MeetingView>('POST', `/api/forums/${forumId}/meetings`, input),
    onSuccess: (meeting) => {
      client.setQueryData(meetingKey(forumId, meeting.id), meeting);
      void client.invalidateQueries({ queryKey: ['forums'] });
    },
  });
}

export function useProposeDecision(forumId: string, meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput) => api<MeetingView>('POST', `/api/forums/${forumId}/meetings/${meetingId}/decisions`, input),
    onSuccess: (meeting) => client.setQueryData(meetingKey(forumId, meetingId), meeting),
  });
}

/** An organisation of the forum with its contact person, or a new contact for one already there. */
export function useSaveOrganisation(forumId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ForumOrganisationInput) => api<ForumDetail>('POST', `/api/forums/${forumId}/organisations`, input),
    onSuccess: (forum) => {
      client.setQueryData(['forums', forumId], forum);
      void client.invalidateQueries({ queryKey: ['forums', 'contacts'] });
    },
  });
}
