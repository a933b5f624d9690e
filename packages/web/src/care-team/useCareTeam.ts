import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CareTeamEntry } from '@samsyn/core';
import { api } from '../api/client.ts';

/** Ends a membership; the team's history keeps it. */
export function useEndMembership(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api<CareTeamEntry>('POST', `/api/children/${childId}/care-team/${memberId}/end`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['children', childId] }),
  });
}
