import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChildReportsView, IntakePlaces, IntakeQueue, IntakeReportView, ReportInput, ReportReceipt, StepInput } from '@samsyn/core';
import { api } from '../api/client.ts';
import { clearWaiting } from '../start/useStart.ts';

export const childReportsKey = (childId: string) => ['children', childId, 'reports-of-concern'] as const;
const queueKey = ['intake', 'reports'] as const;
const reportKey = (id: string) => ['intake', 'reports', id] as const;

/** Whether the caller may report, and the receipts of their own reports about this child. */
export function useChildReports(childId: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: childReportsKey(childId),
    queryFn: async () => {
      const view = await api<ChildReportsView>('GET', `/api/children/${childId}/reports-of-concern`);
      // Intake's answers about this child are seen now: no longer news in "Mina barn".
      clearWaiting(client, 'report_feedback', childId);
      return view;
    },
  });
}

export function useSendReport(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) => api<ReportReceipt>('POST', `/api/children/${childId}/reports-of-concern`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: childReportsKey(childId) }),
  });
}

/** The intakes the caller works at: the navigation offers the queue only to them. */
export function useIntakePlaces(enabled: boolean) {
  return useQuery({ queryKey: ['intake', 'places'], queryFn: () => api<IntakePlaces>('GET', '/api/intake/places'), enabled, staleTime: Infinity });
}

export function useIntakeQueue() {
  return useQuery({ queryKey: queueKey, queryFn: () => api<IntakeQueue>('GET', '/api/intake/reports') });
}

export function useIntakeReport(id: string) {
  return useQuery({ queryKey: reportKey(id), queryFn: () => api<IntakeReportView>('GET', `/api/intake/reports/${id}`) });
}

export function useRecordStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StepInput) => api<IntakeReportView>('POST', `/api/intake/reports/${id}/steps`, input),
    onSuccess: (view) => {
      client.setQueryData(reportKey(id), view);
      return client.invalidateQueries({ queryKey: queueKey, exact: true });
    },
  });
}

/** The receipts of every report of concern the caller sent. */
export function useSentReceipts() {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['reports-of-concern', 'sent'],
    queryFn: async () => {
      const list = await api<{ receipts: ReportReceipt[] }>('GET', '/api/reports-of-concern/sent');
      clearWaiting(client, 'report_feedback', null);
      return list;
    },
  });
}
