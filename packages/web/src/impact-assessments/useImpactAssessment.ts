import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImpactAssessmentInput, ImpactAssessmentView } from '@samsyn/core';
import { api } from '../api/client.ts';

const key = (planId: string) => ['impact-assessment', 'action_plan', planId] as const;

export function usePlanAssessment(planId: string) {
  return useQuery({ queryKey: key(planId), queryFn: async () => (await api<{ assessment: ImpactAssessmentView | null }>('GET', `/api/action-plans/${planId}/impact-assessment`)).assessment });
}

export function useSavePlanAssessment(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: ImpactAssessmentInput) => (await api<{ assessment: ImpactAssessmentView }>('POST', `/api/action-plans/${planId}/impact-assessment`, input)).assessment,
    onSuccess: (assessment) => client.setQueryData(key(planId), assessment),
  });
}
