import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmergencyAccessOpen, EmergencyAccessView, EmergencyLegalGroundList, EmergencyReviewInput } from '@samsyn/core';
import { api } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';

/** The emergency grounds the caller is offered: in force today, fitting their unit's sector, explained in the UI language. */
export function useEmergencyLegalGrounds(enabled: boolean) {
  const language = currentLanguage();
  return useQuery({
    queryKey: ['emergency-access', 'legal-grounds', language],
    queryFn: () => api<EmergencyLegalGroundList>('GET', '/api/emergency-access/legal-grounds'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The record to open: by id from a refused record page, by the number searched for from a refused search (which gives no id). */
export type EmergencyTarget = { childId: string } | { identityNumber: string };

export function useOpenEmergencyAccess(target: EmergencyTarget) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EmergencyAccessOpen) =>
      'childId' in target
        ? api<EmergencyAccessView>('POST', `/api/children/${target.childId}/emergency-access`, input)
        : api<EmergencyAccessView>('POST', '/api/emergency-access', { ...input, identityNumber: target.identityNumber }),
    onSuccess: (access) => client.invalidateQueries({ queryKey: ['children', access.child.id] }),
  });
}

export const reviewQueueKey = ['emergency-access', 'review'] as const;

export function useEmergencyReviewQueue(status: 'pending' | 'reviewed') {
  return useQuery({
    queryKey: [...reviewQueueKey, status],
    queryFn: () => api<EmergencyAccessView[]>('GET', `/api/emergency-access/review?status=${status}`),
  });
}

export function useReviewEmergencyAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: EmergencyReviewInput }) => api<EmergencyAccessView>('POST', `/api/emergency-access/${id}/review`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewQueueKey }),
  });
}
