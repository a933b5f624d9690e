import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { EmergencyAccessView, HandoverList, TeamChildList, WaitingKind } from '@samsyn/core';
import { api } from '../api/client.ts';
import { handoversKey } from '../care-team/useCareTeam.ts';

export const startKey = ['start'] as const;

/**
 * "Mina barn". Every fetch asks the gate for each child and logs it, so it is fetched when the
 * page opens, not again when the window regains focus (a look is a look).
 */
export function useTeamChildren(enabled: boolean) {
  return useQuery({
    queryKey: [...startKey, 'children'],
    queryFn: () => api<TeamChildList>('GET', '/api/start/children'),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/** The emergency accesses waiting for the caller's review (reviewers only; logged per child). */
export function useEmergencyReviewsWaiting(enabled: boolean) {
  return useQuery({
    queryKey: [...startKey, 'emergency-reviews'],
    queryFn: () => api<{ accesses: EmergencyAccessView[] }>('GET', '/api/start/emergency-reviews'),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/** The handovers waiting for the caller's answer (answering one invalidates these with the rest). */
export function usePendingHandovers(enabled: boolean) {
  return useQuery({
    queryKey: [...handoversKey, 'pending'],
    queryFn: () => api<HandoverList>('GET', '/api/handovers?status=pending'),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/**
 * The caller has just seen what an item of "Mina barn" pointed to (the child's wheel, their
 * reports' receipts): the list is corrected in place, about one child or all (`childId` null).
 * Fetching it again would log a look at every child for a change that touched one.
 */
export function clearWaiting(client: QueryClient, kind: WaitingKind, childId: string | null): void {
  client.setQueryData<TeamChildList>([...startKey, 'children'], (list) =>
    list && { children: list.children.map((c) => (childId === null || c.childId === childId ? { ...c, waiting: c.waiting.filter((w) => w.kind !== kind) } : c)) });
}
