import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndicatorInput, IndicatorList, IndicatorUpdate, IndicatorView, KoladaFileImport, KoladaImportView } from '@samsyn/core';
import { api } from '../api/client.ts';
import { useSubmitKey } from '../api/useSubmitKey.ts';

export const indicatorsKey = ['indicators'] as const;
const importsKey = ['kolada', 'imports'] as const;

/** A list row: indicators are never inactive, the list page's rows have an active flag. */
export type IndicatorRow = IndicatorView & { active: true };

export function useIndicators() {
  return useQuery({
    queryKey: indicatorsKey,
    queryFn: async () => (await api<IndicatorList>('GET', '/api/indicators')).indicators.map((i): IndicatorRow => ({ ...i, active: true })),
  });
}

export function useCreateIndicator() {
  const client = useQueryClient();
  const submission = useSubmitKey();
  return useMutation({
    mutationFn: (input: IndicatorInput) => api<IndicatorView>('POST', '/api/indicators', input, { idempotencyKey: submission.key }),
    onSuccess: () => {
      submission.renew();
      return client.invalidateQueries({ queryKey: indicatorsKey });
    },
  });
}

export function useUpdateIndicator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: IndicatorUpdate }) => api<IndicatorView>('PATCH', `/api/indicators/${encodeURIComponent(id)}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: indicatorsKey }),
  });
}

export function useConfirmKpiTitle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<IndicatorView>('POST', `/api/indicators/${encodeURIComponent(id)}/kpi-title-confirmation`),
    onSuccess: () => client.invalidateQueries({ queryKey: indicatorsKey }),
  });
}

export function useKoladaImports(enabled: boolean) {
  return useQuery({ queryKey: importsKey, queryFn: async () => (await api<{ imports: KoladaImportView[] }>('GET', '/api/kolada/imports')).imports, enabled });
}

export function useKoladaImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: KoladaFileImport) => api<KoladaImportView>('POST', '/api/kolada/imports', input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: importsKey });
      await client.invalidateQueries({ queryKey: indicatorsKey });
    },
  });
}
