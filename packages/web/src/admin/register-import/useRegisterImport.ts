import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterImportList, RegisterImportPreview, RegisterImportSummary } from '@samsyn/core';
import { api } from '../../api/client.ts';

const historyKey = ['register-imports'] as const;

export function useImportHistory() {
  return useQuery({ queryKey: historyKey, queryFn: () => api<RegisterImportList>('GET', '/api/register-imports') });
}

/** Uploads the file's text for a preview; nothing is written to any child. */
export function usePreviewImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upload: { fileName: string; content: string; organisationId?: string }) => api<RegisterImportPreview>('POST', '/api/register-imports', upload),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKey }),
  });
}

export function useImportDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'accept' | 'discard' }) => api<RegisterImportSummary>('POST', `/api/register-imports/${id}/${decision}`),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKey }),
  });
}

const ended = new Set<RegisterImportSummary['status']>(['done', 'discarded', 'failed']);

/** A running import's progress, polled until it has ended. */
export function useImportProgress(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: [...historyKey, id],
    queryFn: async () => {
      const summary = await api<RegisterImportSummary>('GET', `/api/register-imports/${id}`);
      if (summary.status !== 'running') void client.invalidateQueries({ queryKey: historyKey, exact: true });
      return summary;
    },
    enabled: id !== null,
    // Polled until the import ends. A summary cached before the accept ('previewed', fresh for the
    // client's stale time) must not stop the polling: only an ended import does.
    refetchInterval: (query) => (query.state.data && ended.has(query.state.data.status) ? false : 500),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}
