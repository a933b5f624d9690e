import { useQuery } from '@tanstack/react-query';
import type { EmergencyAccessView, HandoverList, TeamChildList } from '@samsyn/core';
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
