import { useQuery } from '@tanstack/react-query';
import type { Organisation } from '@samsyn/core';
import { api } from '../api/client.ts';

export type OrganisationItem = Organisation & { administrable: boolean };

export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<OrganisationItem[]>('GET', '/api/organisations'),
    staleTime: 5 * 60_000,
  });
}
