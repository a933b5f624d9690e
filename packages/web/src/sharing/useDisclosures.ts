import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DisclosureInput, DisclosureList, DisclosureView } from '@samsyn/core';
import { api } from '../api/client.ts';

export const disclosuresKey = (childId: string) => ['children', childId, 'disclosures'] as const;

/** The child's sharing ledger: what was shared with whom and why, and what was not. */
export function useDisclosures(childId: string, enabled = true) {
  return useQuery({ queryKey: disclosuresKey(childId), queryFn: () => api<DisclosureList>('GET', `/api/children/${childId}/disclosures`), enabled });
}

export function useRecordDisclosure(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DisclosureInput) => api<DisclosureView>('POST', `/api/children/${childId}/disclosures`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['children', childId] }),
  });
}
