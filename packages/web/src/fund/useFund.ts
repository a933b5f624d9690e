import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationView, FundDecisionInput, FundList, FundView } from '@samsyn/core';
import { api } from '../api/client.ts';

/** The fund's queries: the server answers every view with the actions the caller may take. */

export function useFunds() {
  return useQuery({ queryKey: ['fund'], queryFn: () => api<FundList>('GET', '/api/fund') });
}

export function useFund(id: string | undefined) {
  return useQuery({ queryKey: ['fund', id], queryFn: () => api<FundView>('GET', `/api/fund/${encodeURIComponent(id!)}`), enabled: id !== undefined });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: ['fund', 'application', id], queryFn: () => api<ApplicationView>('GET', `/api/fund/applications/${encodeURIComponent(id)}`) });
}

/** A step on an application: the answer replaces the view, and the fund's budget is read anew. */
export function useApplicationStep(id: string) {
  const client = useQueryClient();
  const done = async (view: ApplicationView) => {
    client.setQueryData(['fund', 'application', id], view);
    await client.invalidateQueries({ queryKey: ['fund'] });
  };
  const assess = useMutation({
    mutationFn: (reason: string) => api('POST', `/api/fund/applications/${id}/impact-assessment`, { state: 'not_needed', reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['fund', 'application', id] }),
  });
  const decide = useMutation({ mutationFn: (input: FundDecisionInput) => api<ApplicationView>('POST', `/api/fund/applications/${id}/decision`, input), onSuccess: done });
  return { assess, decide };
}

/** A step on an application that answers the application: its view is replaced and the fund's budget read anew. */
export function useStep(id: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<ApplicationView>('POST', `/api/fund/applications/${id}/${path}`, body),
    onSuccess: async (view) => {
      client.setQueryData(['fund', 'application', id], view);
      await client.invalidateQueries({ queryKey: ['fund'] });
    },
  });
}
