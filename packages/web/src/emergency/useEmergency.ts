import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmergencyAccessOpen, EmergencyAccessView, EmergencyReviewInput, LegalGround, LegalGroundView } from '@samsyn/core';
import { api } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';

/** The legal grounds an emergency access may name, in force today (titles in the UI language). */
export function useEmergencyLegalGrounds(enabled: boolean) {
  const language = currentLanguage();
  return useQuery({
    queryKey: ['legal-grounds', 'emergency', language],
    queryFn: async (): Promise<LegalGroundView[]> => {
      const grounds = await api<LegalGround[]>('GET', '/api/legal-grounds?kind=emergency');
      return grounds.map((g) => ({ code: g.code, title: language === 'en' ? g.titleEn : g.titleSv, reference: g.reference }));
    },
    enabled,
  });
}

export function useOpenEmergencyAccess(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EmergencyAccessOpen) => api<EmergencyAccessView>('POST', `/api/children/${childId}/emergency-access`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['children', childId] }),
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
