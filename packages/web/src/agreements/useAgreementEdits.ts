import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/**
 * The agreements page's writes: an agreement and its versions, a joint placement and its amount
 * per year, a unit's training record. Each invalidates the page's lists (keyed by path).
 */
export function useAgreementWrite<T = unknown>(method: 'POST' | 'PUT', path: (input: T) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: T & { body: unknown }) => api(method, path(input), input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agreements'] }),
  });
}

/** The active people of several organisations, to name an agreement's owners among its parties. */
export function usePeopleOf(organisationIds: readonly string[]) {
  return useQueries({
    queries: organisationIds.map((id) => ({
      queryKey: ['action-plans', 'people', id],
      queryFn: async () => (await api<{ people: { id: string; displayName: string }[] }>('GET', `/api/action-plans/people?organisationId=${encodeURIComponent(id)}`)).people,
    })),
    combine: (results) => [...new Map(results.flatMap((r) => r.data ?? []).map((p) => [p.id, p])).values()],
  });
}
