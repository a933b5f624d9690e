import { useQuery } from '@tanstack/react-query';
import type { Me, NavCounts } from '@samsyn/core';
import { api } from '../api/client.ts';
import { useMyChildren } from '../citizens/useMyChildren.ts';
import { startKey } from './useStart.ts';

export const navCountsKey = [...startKey, 'counts'] as const;

const none: NavCounts = { handoversToAnswer: 0, emergencyAccessesToReview: 0, unreadNotices: 0, inboxUnread: 0 };

/**
 * The navigation's counts: handovers to answer, emergency accesses to review, unread notices,
 * unread inbox items. Numbers only (no child is named, nothing is logged), so they may follow the
 * window's focus and refresh every minute. Citizens have only the inbox's (a change to approve).
 */
export function useNavCounts(): NavCounts & { start: number } {
  const counts = useQuery({
    queryKey: navCountsKey,
    queryFn: () => api<NavCounts>('GET', '/api/start/counts'),
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
  const data = counts.data ?? none;
  // What the start page itself asks of the user: notices to read and accesses to review.
  return { ...data, start: data.unreadNotices + data.emergencyAccessesToReview };
}

/** Whether the citizen is the child herself (she sees only herself): her start page is "Mina uppgifter". */
export function useIsChildCitizen(me: Me): boolean {
  const mine = useMyChildren(me.kind === 'citizen');
  return me.kind === 'citizen' && (mine.data ?? []).length > 0 && (mine.data ?? []).every((c) => c.relation === 'self');
}
