import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ForumDetail, ForumInput, ForumMemberInput, ViewInput } from '@samsyn/core';
import { api } from '../api/client.ts';

/**
 * A forum's own changes (issue 16): create a forum, add or change a member, a reference group's
 * view and the forum's response. Each answer is the forum as the server now shows it.
 */

export function useCreateForum() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ForumInput) => api<ForumDetail>('POST', '/api/forums', input),
    onSuccess: (forum) => {
      client.setQueryData(['forums', forum.id], forum);
      void client.invalidateQueries({ queryKey: ['forums'], exact: true });
    },
  });
}

function useForumChange<I>(forumId: string, path: (input: I) => string, body: (input: I) => unknown = (input) => input) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api<ForumDetail>('POST', `/api/forums/${encodeURIComponent(forumId)}${path(input)}`, body(input)),
    onSuccess: (forum) => {
      client.setQueryData(['forums', forumId], forum);
      // The view also shows on the other forum's page, and the list counts members.
      void client.invalidateQueries({ queryKey: ['forums'], exact: true });
    },
  });
}

export const useSaveMember = (forumId: string) => useForumChange<ForumMemberInput>(forumId, () => '/members');
export const useRecordView = (forumId: string) => useForumChange<ViewInput>(forumId, () => '/views');
export const useRespondToView = (forumId: string) => useForumChange<{ viewId: string; response: string }>(forumId, (i) => `/views/${encodeURIComponent(i.viewId)}/response`, (i) => ({ response: i.response }));
