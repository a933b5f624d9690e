import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecrecyDomainCreate, SecrecyDomainUpdate, SecrecyDomainView } from '@samsyn/core';
import { api } from '../../api/client.ts';

export const secrecyDomainsKey = ['secrecy-domains'] as const;

/** A list row: domains are never inactive, the list page's rows have an active flag. */
export type DomainRow = SecrecyDomainView & { active: true };

/** The domains of every organisation the user administers, with their units now. */
export function useSecrecyDomains() {
  return useQuery({
    queryKey: secrecyDomainsKey,
    queryFn: async () => (await api<{ domains: SecrecyDomainView[] }>('GET', '/api/secrecy-domains')).domains.map((d): DomainRow => ({ ...d, active: true })),
  });
}

export function useCreateDomain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SecrecyDomainCreate) => api<SecrecyDomainView>('POST', '/api/secrecy-domains', input),
    onSuccess: () => client.invalidateQueries({ queryKey: secrecyDomainsKey }),
  });
}

export function useUpdateDomain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: SecrecyDomainUpdate }) => api<SecrecyDomainView>('PATCH', `/api/secrecy-domains/${id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: secrecyDomainsKey }),
  });
}

/** Moves a unit into another domain from now on; answers with the domain it is in now. */
export function useMoveUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, secrecyDomainId }: { unitId: string; secrecyDomainId: string }) => api<SecrecyDomainView>('POST', `/api/units/${unitId}/secrecy-domain`, { secrecyDomainId }),
    onSuccess: () => client.invalidateQueries({ queryKey: secrecyDomainsKey }),
  });
}
