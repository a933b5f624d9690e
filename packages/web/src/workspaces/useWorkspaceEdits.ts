import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceInput, WorkspaceView } from '@samsyn/core';
import { api } from '../api/client.ts';

/**
 * The owners' and members' changes that are not a POST of something new: settings (PATCH), a
 * member's role (PATCH), a meeting changed (PATCH). Each answers the whole workspace, which
 * replaces the cached one.
 */
export function useWorkspaceSend(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PATCH'; path: string; body: unknown }) => api<WorkspaceView>(method, `/api/workspaces/${encodeURIComponent(id)}${path}`, body),
    onSuccess: (view) => {
      client.setQueryData(['workspaces', id], view);
      void client.invalidateQueries({ queryKey: ['workspaces'], exact: true });
    },
  });
}

/** A new workspace; the caller becomes its owner. */
export function useCreateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkspaceInput) => api<WorkspaceView>('POST', '/api/workspaces', input),
    onSuccess: (view) => {
      client.setQueryData(['workspaces', view.id], view);
      void client.invalidateQueries({ queryKey: ['workspaces'], exact: true });
    },
  });
}
