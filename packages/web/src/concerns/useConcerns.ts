import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConcernInput, ConcernList, ConcernView } from '@samsyn/core';
import { api } from '../api/client.ts';

export const concernsKey = (childId: string) => ['children', childId, 'concerns'] as const;

/** The concerns the caller's basis allows, and whether they may record one (the gate's answer). */
export function useConcerns(childId: string) {
  return useQuery({ queryKey: concernsKey(childId), queryFn: () => api<ConcernList>('GET', `/api/children/${childId}/concerns`) });
}

export function useRecordConcern(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConcernInput) => api<ConcernView>('POST', `/api/children/${childId}/concerns`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: concernsKey(childId) }),
  });
}
