import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Unit, UnitCreate, UnitUpdate } from '@samsyn/core';
import { api } from '../../api/client.ts';

export const unitsKey = ['units'] as const;

/** All units, active and inactive; the page filters them. */
export function useUnits() {
  return useQuery({ queryKey: unitsKey, queryFn: () => api<Unit[]>('GET', '/api/units') });
}

export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitCreate) => api<Unit>('POST', '/api/units', input),
    onSuccess: () => client.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UnitUpdate }) => api<Unit>('PATCH', `/api/units/${id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: unitsKey }),
  });
}
