import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChildSearchResult, ChildView } from '@samsyn/core';
import { api } from '../api/client.ts';

export const childKey = (id: string) => ['children', id] as const;

/** Search by exact identity number; the server logs it and answers without a name when there is no basis. */
export function useChildSearch() {
  return useMutation({
    mutationFn: (identityNumber: string) => api<ChildSearchResult>('POST', '/api/children/search', { identityNumber }),
  });
}

/** The record as far as the caller's basis allows; consent changes take effect on the next request, so never cached long. */
export function useChildRecord(id: string) {
  return useQuery({ queryKey: childKey(id), queryFn: () => api<ChildView>('GET', `/api/children/${id}`), staleTime: 0 });
}
