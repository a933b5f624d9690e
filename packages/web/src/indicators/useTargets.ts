import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalImportUpload, LocalImportView, LocalPreviewView, SeriesView, TargetInput, TargetList, TargetRuleInput, TargetView } from '@samsyn/core';
import { api } from '../api/client.ts';

/** Stored targets, yearly series and local imports of one indicator (Befolkning). */

const enc = encodeURIComponent;
export const targetsKey = (id: string) => ['indicators', id, 'targets'] as const;

export function useTargets(indicatorId: string) {
  return useQuery({ queryKey: targetsKey(indicatorId), queryFn: () => api<TargetList>('GET', `/api/indicators/${enc(indicatorId)}/targets`) });
}

export function useSeries(indicatorId: string, area: string, gender: string, enabled = true) {
  return useQuery({ queryKey: ['indicators', indicatorId, 'series', area, gender], queryFn: () => api<SeriesView>('GET', `/api/indicators/${enc(indicatorId)}/series?area=${enc(area)}&gender=${enc(gender)}`), enabled });
}

/** A save changes the targets and the judged series; both are fetched again. */
function useTargetMutation<V>(indicatorId: string, run: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: targetsKey(indicatorId) });
      await client.invalidateQueries({ queryKey: ['indicators', indicatorId, 'series'] });
    },
  });
}

export function useCreateTarget(indicatorId: string) {
  return useTargetMutation(indicatorId, (input: TargetInput) => api<TargetView>('POST', `/api/indicators/${enc(indicatorId)}/targets`, input));
}

export function useChangeTarget(indicatorId: string) {
  return useTargetMutation(indicatorId, ({ targetId, rule }: { targetId: string; rule: TargetRuleInput }) => api<TargetView>('PATCH', `/api/indicators/${enc(indicatorId)}/targets/${targetId}`, { rule }));
}

export function useRemoveTarget(indicatorId: string) {
  return useTargetMutation(indicatorId, (targetId: string) => api<null>('DELETE', `/api/indicators/${enc(indicatorId)}/targets/${targetId}`));
}

export function useLocalPreview(indicatorId: string) {
  return useMutation({ mutationFn: (upload: LocalImportUpload) => api<LocalPreviewView>('POST', `/api/indicators/${enc(indicatorId)}/local-imports/preview`, upload) });
}

export function useStartLocalImport(indicatorId: string) {
  return useMutation({ mutationFn: (upload: LocalImportUpload) => api<LocalImportView>('POST', `/api/indicators/${enc(indicatorId)}/local-imports`, upload) });
}

const localImportsKey = (id: string) => ['indicators', id, 'local-imports'] as const;

export function useLocalImports(indicatorId: string, enabled: boolean) {
  return useQuery({ queryKey: localImportsKey(indicatorId), queryFn: async () => (await api<{ imports: LocalImportView[] }>('GET', `/api/indicators/${enc(indicatorId)}/local-imports`)).imports, enabled });
}

const running = (v: LocalImportView | undefined) => v !== undefined && (v.status === 'reading' || v.status === 'saving');

/** An import's progress, polled until it ends; then the history and the series are fetched again. */
export function useLocalImportProgress(indicatorId: string, id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['local-imports', id],
    queryFn: async () => {
      const view = await api<LocalImportView>('GET', `/api/local-imports/${id}`);
      if (!running(view)) {
        void client.invalidateQueries({ queryKey: localImportsKey(indicatorId) });
        void client.invalidateQueries({ queryKey: ['indicators', indicatorId, 'series'] });
      }
      return view;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !running(query.state.data) ? false : 400),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}
