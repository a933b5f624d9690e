import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RetentionPlan, RetentionRule, RetentionTombstoneList } from '@samsyn/core';
import { api } from '../../api/client.ts';

const rulesKey = ['admin', 'retention', 'rules'] as const;
const tombstonesKey = ['admin', 'retention', 'tombstones'] as const;

export function useRetentionRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => api<RetentionRule[]>('GET', '/api/admin/retention/rules') });
}

export function useSetRetentionYears() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, years }: { id: string; years: number | null }) => api<RetentionRule>('PATCH', `/api/admin/retention/rules/${encodeURIComponent(id)}`, { years }),
    onSuccess: () => client.invalidateQueries({ queryKey: rulesKey }),
  });
}

/** The dry run is asked for, not fetched on its own: each one is logged. */
export function useDryRun() {
  return useMutation({ mutationFn: () => api<RetentionPlan>('GET', '/api/admin/retention/dry-run') });
}

export function useEraseNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<RetentionPlan>('POST', '/api/admin/retention/runs'),
    onSuccess: () => client.invalidateQueries({ queryKey: tombstonesKey }),
  });
}

export function useTombstones() {
  return useQuery({ queryKey: tombstonesKey, queryFn: () => api<RetentionTombstoneList>('GET', '/api/admin/retention/tombstones?pageSize=500') });
}
