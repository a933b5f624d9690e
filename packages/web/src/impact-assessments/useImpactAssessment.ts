import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImpactAssessmentInput, ImpactAssessmentView } from '@samsyn/core';
import { api } from '../api/client.ts';

/** An assessment lives under its subject: an action plan or a forum's decision (one save for both). */
export const planAssessmentPath = (planId: string) => `/api/action-plans/${planId}/impact-assessment`;
export const decisionAssessmentPath = (forumId: string, decisionId: string) => `/api/forums/${forumId}/decisions/${decisionId}/impact-assessment`;
const key = (path: string) => ['impact-assessment', path] as const;

export function useAssessment(path: string) {
  return useQuery({ queryKey: key(path), queryFn: async () => (await api<{ assessment: ImpactAssessmentView | null }>('GET', path)).assessment });
}

export function useSaveAssessment(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: ImpactAssessmentInput) => (await api<{ assessment: ImpactAssessmentView }>('POST', path, input)).assessment,
    onSuccess: (assessment) => client.setQueryData(key(path), assessment),
  });
}

export const usePlanAssessment = (planId: string) => useAssessment(planAssessmentPath(planId));
