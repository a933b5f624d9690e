import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactRow, ForumDetail, MeetingView, PublicPageSummary } from '@samsyn/core';
import { api } from '../api/client.ts';

type ForumSummary = Omit<ForumDetail, 'purpose' | 'memberList' | 'organisations' | 'meetingList' | 'referenceGroups' | 'views' | 'canEdit' | 'canPublish'>;

export function useForums() {
  return useQuery({ queryKey: ['forums'], queryFn: async () => (await api<{ forums: ForumSummary[] }>('GET', '/api/forums')).forums });
}

export function useForum(id: string) {
  return useQuery({ queryKey: ['forums', id], queryFn: () => api<ForumDetail>('GET', `/api/forums/${encodeURIComponent(id)}`) });
}

export function useMeeting(forumId: string, meetingId: string) {
  return useQuery({ queryKey: ['forums', forumId, 'meetings', meetingId], queryFn: () => api<MeetingView>('GET', `/api/forums/${encodeURIComponent(forumId)}/meetings/${encodeURIComponent(meetingId)}`) });
}

export function useContacts() {
  return useQuery({ queryKey: ['forums', 'contacts'], queryFn: async () => (await api<{ contacts: ContactRow[] }>('GET', '/api/forums/contacts')).contacts });
}

/** Marks a decision as taken; the server refuses it until its assessment is done or not needed. */
export function useTakeDecision(forumId: string, meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decisionId: string) => api('POST', `/api/forums/${forumId}/decisions/${decisionId}/take`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['forums', forumId, 'meetings', meetingId] }),
  });
}

export function usePublicPages() {
  return useQuery({ queryKey: ['public-pages'], queryFn: () => api<{ pages: PublicPageSummary[]; canPublish: boolean }>('GET', '/api/public-pages') });
}

export function usePublishing() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ['public-pages'] });
  return {
    publish: useMutation({ mutationFn: (input: unknown) => api<PublicPageSummary>('POST', '/api/public-pages', input), onSuccess: done }),
    republish: useMutation({ mutationFn: (id: string) => api<PublicPageSummary>('POST', `/api/public-pages/${id}/versions`, {}), onSuccess: done }),
    withdraw: useMutation({ mutationFn: (id: string) => api<PublicPageSummary>('POST', `/api/public-pages/${id}/withdraw`, {}), onSuccess: done }),
  };
}

/** A member's change of a meeting's minutes; the answer replaces the cached meeting. */
export function useSaveMinutes(forumId: string, meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (minutes: string) => api<MeetingView>('PATCH', `/api/forums/${forumId}/meetings/${meetingId}`, { minutes }),
    onSuccess: (meeting) => client.setQueryData(['forums', forumId, 'meetings', meetingId], meeting),
  });
}
