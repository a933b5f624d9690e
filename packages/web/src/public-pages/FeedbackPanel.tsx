import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';

interface FeedbackRow { id: string; pageId: string; pageVersion: number; message: string; replyTo: string; receivedAt: string }

/** Visitors' questions to the coordinator's published pages: sorts, filters, exports CSV and Excel. */
export function FeedbackPanel({ pageTitles }: { pageTitles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const feedback = useQuery({ queryKey: ['public-pages', 'feedback'], queryFn: async () => (await api<{ feedback: FeedbackRow[] }>('GET', '/api/public-pages/feedback')).feedback });
  if (feedback.isPending) return <Loading />;
  if (feedback.isError) return <LoadError error={feedback.error} onRetry={() => void feedback.refetch()} />;
  const columns: Column<FeedbackRow>[] = [
    { key: 'received', header: t('opsForms.feedback.received'), value: (r) => r.receivedAt, render: (r) => formatDate(r.receivedAt), sortable: true, nowrap: true },
    { key: 'page', header: t('opsForms.feedback.page'), value: (r) => `${pageTitles.get(r.pageId) ?? r.pageId} (${r.pageVersion})`, sortable: true },
    { key: 'message', header: t('opsForms.feedback.message'), value: (r) => r.message, sortable: true },
    { key: 'replyTo', header: t('opsForms.feedback.replyTo'), value: (r) => r.replyTo, sortable: true },
  ];
  return (
    <Stack gap="sm">
      <Title order={2}>{t('opsForms.feedback.title')}</Title>
      <FilteredTable rows={feedback.data} columns={columns} caption={t('opsForms.feedback.title')} rowKey={(r) => r.id} empty={t('opsForms.feedback.none')} exportFile={t('opsForms.feedback.file')} sortKey="received" excelSheet={t('opsForms.feedback.title')} />
    </Stack>
  );
}
