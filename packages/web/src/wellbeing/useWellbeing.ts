import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentInput, AssessmentView, SelfRatingAnswers, SelfRatingCodeView, SelfRatingOpened, WheelModelContent, WheelModelList, WheelModelVersion, WheelView } from '@samsyn/core';
import { api } from '../api/client.ts';
import { clearWaiting } from '../start/useStart.ts';

export const wheelKey = (childId: string) => ['children', childId, 'wellbeing'] as const;
const modelsKey = ['wellbeing', 'models'] as const;

/** The wheel's model versions: configuration, the same for every child. */
export function useWheelModels() {
  return useQuery({ queryKey: modelsKey, queryFn: () => api<WheelModelList>('GET', '/api/wellbeing/models'), staleTime: 5 * 60_000 });
}

/** The child's wheel as the caller may read it; one look is one entry in the log. */
export function useWheel(childId: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: wheelKey(childId),
    queryFn: async () => {
      const wheel = await api<WheelView>('GET', `/api/children/${childId}/wellbeing`);
      // Seen now: the child's new self-ratings are no longer news in "Mina barn".
      clearWaiting(client, 'new_self_rating', childId);
      return wheel;
    },
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export function useRecordAssessment(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentInput) => api<AssessmentView>('POST', `/api/children/${childId}/wellbeing`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: wheelKey(childId) }),
  });
}

export function useIssueCode(childId: string) {
  return useMutation({ mutationFn: (respondent: 'child' | 'guardian') => api<SelfRatingCodeView>('POST', `/api/children/${childId}/wellbeing/codes`, { respondent }) });
}

export function useSaveModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { basedOn: number; note: string; content: WheelModelContent }) => api<WheelModelVersion>('POST', '/api/wellbeing/models', input),
    onSuccess: () => client.invalidateQueries({ queryKey: modelsKey }),
  });
}

export function useOpenCode() {
  return useMutation({ mutationFn: (code: string) => api<SelfRatingOpened>('POST', '/api/self-rating/open', { code }) });
}

export function useSubmitForm() {
  return useMutation({ mutationFn: (input: SelfRatingAnswers & { formToken: string }) => api<{ respondent: string }>('POST', '/api/self-rating/submit', input) });
}

/**
 * Keeps the session alive while the child is thinking on the professional's device: any request
 * moves the session's idle time, so one look at who is logged in every few minutes is enough.
 */
export function useKeepSessionAlive(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => void api('GET', '/api/auth/me').catch(() => undefined), 4 * 60_000);
    return () => window.clearInterval(timer);
  }, [active]);
}
