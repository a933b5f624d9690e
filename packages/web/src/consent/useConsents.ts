import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentInput, ConsentList, ConsentView } from '@samsyn/core';
import { api } from '../api/client.ts';
import { useSubmitKey } from '../api/useSubmitKey.ts';

export const consentsKey = (childId: string) => ['children', childId, 'consents'] as const;

/** Filled by the record's own response on the record page; a save invalidates it with the record. */
export function useConsents(childId: string, enabled = true) {
  return useQuery({ queryKey: consentsKey(childId), queryFn: () => api<ConsentList>('GET', `/api/children/${childId}/consents`), enabled });
}

/**
 * A consent changes who may see what: everything about the child is fetched again. One key per
 * submission: a double submit records one consent, not two.
 */
export function useGiveConsent(childId: string) {
  const client = useQueryClient();
  const submission = useSubmitKey();
  return useMutation({
    mutationFn: (input: ConsentInput) => api<ConsentView>('POST', `/api/children/${childId}/consents`, input, { idempotencyKey: submission.key }),
    onSuccess: () => {
      submission.renew();
      return client.invalidateQueries({ queryKey: ['children', childId] });
    },
  });
}

export function useWithdrawConsent(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, note }: { consentId: string; note?: string }) =>
      api<ConsentView>('POST', `/api/children/${childId}/consents/${consentId}/withdraw`, note ? { note } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['children', childId] }),
  });
}
