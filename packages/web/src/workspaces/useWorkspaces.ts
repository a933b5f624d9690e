import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceList, WorkspaceView } from '@samsyn/core';
import { api } from '../api/client.ts';

const listKey = ['workspaces'] as const;
const oneKey = (id: string) => ['workspaces', id] as const;

export const useWorkspaces = () => useQuery({ queryKey: listKey, queryFn: () => api<WorkspaceList>('GET', '/api/workspaces') });
export const useWorkspace = (id: string) => useQuery({ queryKey: oneKey(id), queryFn: () => api<WorkspaceView>('GET', `/api/workspaces/${encodeURIComponent(id)}`), retry: false });

/** A change that answers the whole workspace: the answer replaces the cached one (no refetch, no extra look). */
export function useWorkspaceChange(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => api<WorkspaceView>('POST', `/api/workspaces/${encodeURIComponent(id)}${path}`, body),
    onSuccess: (view) => {
      client.setQueryData(oneKey(id), view);
      void client.invalidateQueries({ queryKey: listKey, exact: true });
    },
  });
}

export function useJoinRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ requestPending: true }>('POST', `/api/workspaces/${encodeURIComponent(id)}/join-requests`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey, exact: true }),
  });
}

/** A file as base64, for the JSON body of a document version. */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
