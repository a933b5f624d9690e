import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChildCreateInput, ChildCreateOptions, ChildIdentityView, IdentityCorrectionInput, IdentityHistory } from '@samsyn/core';
import { api } from '../api/client.ts';

export interface ChildCreatedAnswer {
  id: string;
  identityNumber: string;
  identityKind: 'personnummer' | 'samordningsnummer' | 'reservnummer';
}

export interface IdentityLookupAnswer {
  found: boolean;
  access: 'allowed' | 'denied' | 'none';
  child?: ChildIdentityView;
}

/** Where the professional works, the home municipalities and the schools the "new child" form offers. */
export function useChildCreateOptions() {
  return useQuery({ queryKey: ['child-registration', 'options'], queryFn: () => api<ChildCreateOptions>('GET', '/api/child-registration/options') });
}

export function useCreateChild() {
  return useMutation({ mutationFn: (input: ChildCreateInput) => api<ChildCreatedAnswer>('POST', '/api/children', input) });
}

/** The register's keeper finds a child by number (logged). */
export function useIdentityLookup() {
  return useMutation({ mutationFn: (identityNumber: string) => api<IdentityLookupAnswer>('POST', '/api/child-registration/lookup', { identityNumber }) });
}

const historyKey = (id: string) => ['children', id, 'identity-history'] as const;

export function useIdentityHistory(id: string | null) {
  return useQuery({ queryKey: historyKey(id ?? ''), queryFn: () => api<IdentityHistory>('GET', `/api/children/${id}/identity-history`), enabled: id !== null, refetchOnWindowFocus: false });
}

export function useCorrectIdentity(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IdentityCorrectionInput) => api<ChildIdentityView>('POST', `/api/children/${id}/identity-corrections`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKey(id) }),
  });
}
