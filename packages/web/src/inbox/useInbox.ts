import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxList, InboxMarkInput } from '@samsyn/core';
import { api } from '../api/client.ts';
import { navCountsKey } from '../start/useNavCounts.ts';

export const inboxKey = ['inbox'] as const;

/** The caller's inbox: the children it names are a gated, logged look, so no refetch on focus. */
export function useInbox() {
  return useQuery({ queryKey: inboxKey, queryFn: () => api<InboxList>('GET', '/api/inbox'), refetchOnWindowFocus: false });
}

/**
 * Marks the caller's own items read, unread, done or not done. The list is corrected in place
 * (fetching it again would log a look at every child for a change that touched none of them);
 * the navigation's count, a number only, is fetched again.
 */
export function useMarkInbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InboxMarkInput) => api<{ marked: number }>('POST', '/api/inbox/mark', input),
    onSuccess: (_, { keys, state }) => {
      const marked = new Set(keys);
      client.setQueryData<InboxList>(inboxKey, (list) => list && {
        items: list.items.map((i) => (!marked.has(i.key) ? i : state === 'read' || state === 'unread' ? { ...i, read: state === 'read' } : { ...i, done: state === 'done' })),
      });
      return client.invalidateQueries({ queryKey: navCountsKey });
    },
  });
}
