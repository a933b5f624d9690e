import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserUpdate } from '@samsyn/core';
import { api } from '../../api/client.ts';

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: () => api<User[]>('GET', '/api/users') });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreate) => api<User>('POST', '/api/users', input),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserUpdate }) => api<User>('PATCH', `/api/users/${id}`, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}
