import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmergencyAccessOpen, EmergencyAccessView, EmergencyReviewInput } from '@samsyn/core';
import { api } from '../api/client.ts';
import { useLegalGrounds } from '../sharing/useLegalGrounds.ts';

const emergencyKinds = ['emergency'] as const;

/** The legal grounds an emergency access may name, in force today (titles in the UI language). */
export function useEmergencyLegalGrounds(enabled: boolean) {
  return useLegalGrounds(emergencyKinds, enabled);
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
