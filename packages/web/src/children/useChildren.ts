import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChildRecordView, ChildSearchResult } from '@samsyn/core';
import { api } from '../api/client.ts';
import { consentsKey } from '../consent/useConsents.ts';
import { disclosuresKey } from '../sharing/useDisclosures.ts';

export const childKey = (id: string) => ['children', id] as const;

/** Search by exact identity number; the server logs it and answers without a name when there is no basis. */
export function useChildSearch() {
  return useMutation({
    mutationFn: (identityNumber: string) => api<ChildSearchResult>('POST', '/api/children/search', { identityNumber }),
  });
}

/**
 * The record as far as the caller's basis allows; consent changes take effect on the next request,
 * so never cached long. Its consents and sharing ledger come in the same response (one audited
 * look) and fill their own queries, so the page's sections read nothing more.
 */
export function useChildRecord(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: childKey(id),
    queryFn: async () => {
      const record = await api<ChildRecordView>('GET', `/api/children/${id}`);
      if (record.consents) client.setQueryData(consentsKey(id), { consents: record.consents });
      client.setQueryData(disclosuresKey(id), { disclosures: record.disclosures });
      return record;
    },
    staleTime: 0,
  });
}
