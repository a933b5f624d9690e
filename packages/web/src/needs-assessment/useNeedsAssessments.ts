import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NeedsAssessmentInput, NeedsAssessmentList, NeedsAssessmentView, NeedsConfigContent, NeedsConfigList, NeedsConfigVersion, NeedsRevisionInput } from '@samsyn/core';
import { api } from '../api/client.ts';

const configsKey = ['needs-assessment', 'configs'] as const;
export const needsListKey = (childId: string) => ['children', childId, 'needs-assessments'] as const;
const needsKey = (childId: string, id: string) => ['children', childId, 'needs-assessments', id] as const;

/** The sub-areas' configuration versions: the same for every child. */
export function useNeedsConfigs() {
  return useQuery({ queryKey: configsKey, queryFn: () => api<NeedsConfigList>('GET', '/api/needs-assessment/configs'), staleTime: 5 * 60_000 });
}

/** The child's assessments the caller may read; one look is one entry in the log. */
export function useNeedsAssessments(childId: string) {
  return useQuery({ queryKey: needsListKey(childId), queryFn: () => api<NeedsAssessmentList>('GET', `/api/children/${childId}/needs-assessments`), refetchOnWindowFocus: false, retry: false });
}

export function useNeedsAssessment(childId: string, id: string) {
  return useQuery({ queryKey: needsKey(childId, id), queryFn: () => api<NeedsAssessmentView>('GET', `/api/children/${childId}/needs-assessments/${id}`), refetchOnWindowFocus: false, retry: false });
}

/** Saves a new assessment, or the next revision of one; the saved assessment comes back, so nothing is fetched again but the list. */
export function useSaveNeedsAssessment(childId: string, id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NeedsAssessmentInput | NeedsRevisionInput) =>
      id === null ? api<NeedsAssessmentView>('POST', `/api/children/${childId}/needs-assessments`, input) : api<NeedsAssessmentView>('POST', `/api/children/${childId}/needs-assessments/${id}/revisions`, input),
    onSuccess: (saved) => {
      client.setQueryData(needsKey(childId, saved.id), saved);
      void client.invalidateQueries({ queryKey: needsListKey(childId), exact: true, refetchType: 'none' });
    },
  });
}

export function useSaveNeedsConfig() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { basedOn: number; note: string; content: NeedsConfigContent }) => api<NeedsConfigVersion>('POST', '/api/needs-assessment/configs', input),
    onSuccess: () => client.invalidateQueries({ queryKey: configsKey }),
  });
}
