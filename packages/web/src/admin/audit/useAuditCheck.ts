import { useMutation, useQuery } from '@tanstack/react-query';
import type { AuditVerification, AuditVerifyFrom } from '@samsyn/core';
import { api } from '../../api/client.ts';

/** Starts a check of the audit log; the server runs it as a job (or returns the one already running). */
export function useStartAuditCheck() {
  return useMutation({ mutationFn: (from: AuditVerifyFrom) => api<AuditVerification>('POST', '/api/admin/audit/verifications', { from }) });
}

/** A running check, polled twice a second until it is done: no request is held open for the whole log. */
export function useAuditCheck(id: string | null) {
  return useQuery({
    queryKey: ['audit-verification', id],
    queryFn: () => api<AuditVerification>('GET', `/api/admin/audit/verifications/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
    refetchOnWindowFocus: false,
  });
}
