import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoticeList, TeamChildList, WaitingItem } from '@samsyn/core';
import { api } from '../api/client.ts';
import { navCountsKey } from '../start/useNavCounts.ts';
import { startKey } from '../start/useStart.ts';

export const noticesKey = ['notices'] as const;

/** The caller's notices: a child is named where the gate allows (logged), so no refetch on focus. */
export function useNotices() {
  return useQuery({ queryKey: noticesKey, queryFn: () => api<NoticeList>('GET', '/api/notices'), refetchOnWindowFocus: false });
}

/**
 * Marks one notice read, or all (`notice: null`). The notices and the navigation's counts are
 * fetched again; "Mina barn" is only corrected in place, since fetching it again would log a
 * look at every child for a change that touched none of them.
 */
export function useMarkNoticesRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notice: { id: string; childId: string | null } | null) => api<{ unread: number }>('POST', notice ? `/api/notices/${notice.id}/read` : '/api/notices/read'),
    onSuccess: (_, notice) => {
      client.setQueryData<TeamChildList>([...startKey, 'children'], (list) => list && { children: list.children.map((c) => (notice === null || c.childId === notice.childId ? { ...c, waiting: fewerUnread(c.waiting, notice === null) } : c)) });
      return Promise.all([client.invalidateQueries({ queryKey: noticesKey }), client.invalidateQueries({ queryKey: navCountsKey })]);
    },
  });
}

function fewerUnread(waiting: readonly WaitingItem[], all: boolean): WaitingItem[] {
  return waiting.flatMap((w): WaitingItem[] => (w.kind !== 'unread_notices' ? [w] : all || w.count <= 1 ? [] : [{ ...w, count: w.count - 1 }]));
}
