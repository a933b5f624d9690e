import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KoladaOuInput, KoladaOuLink, KoladaOuList } from '@samsyn/core';
import { api } from '../../api/client.ts';

const koladaOusKey = ['schools', 'kolada-ous'] as const;

/** The school units the administrator may link to Kolada, by unit id. */
export function useKoladaOus() {
  return useQuery({ queryKey: koladaOusKey, queryFn: async () => new Map((await api<KoladaOuList>('GET', '/api/schools/kolada-ous')).schools.map((s) => [s.unitId, s])) });
}

export function useSetKoladaOu() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, input }: { unitId: string; input: KoladaOuInput }) => api<KoladaOuLink>('PUT', `/api/schools/${unitId}/kolada-ou`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: koladaOusKey }),
  });
}

export function useRemoveKoladaOu() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (unitId: string) => api<void>('DELETE', `/api/schools/${unitId}/kolada-ou`),
    onSuccess: () => client.invalidateQueries({ queryKey: koladaOusKey }),
  });
}
