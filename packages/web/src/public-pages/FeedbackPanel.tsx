import { Stack, Title } from '@mantine/core';
import type { PublicFeedbackItem } from '@samsyn/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';

/** Visitors' questions from the public pages: sorts, filters, exports CSV and Excel (the publishing page and a forum's workspace). */
export function FeedbackTable({ rows }: { rows: readonly PublicFeedbackItem[] }) {
  const { t } = useTranslation();
  const columns: Column<PublicFeedbackItem>[] = [
    { key: 'received', header: t('opsForms.feedback.received'), value: (r) => r.receivedAt, render: (r) => formatDate(r.receivedAt), sortable: true, nowrap: true },
    { key: 'page', header: t('opsForms.feedback.page'), value: (r) => `${r.pageTitle} (${r.pageVersion})`, sortable: true },
    { key: 'message', header: t('opsForms.feedback.message'), value: (r) => r.message, sortable: true },
    { key: 'replyTo', header: t('opsForms.feedback.replyTo'), value: (r) => r.replyTo, sortable: true },
  ];
  return <FilteredTable rows={rows} columns={columns} caption={t('opsForms.feedback.title')} rowKey={(r) => r.id} empty={t('opsForms.feedback.none')} exportFile={t('opsForms.feedback.file')} sortKey="received" sortDirection="descending" excelSheet={t('opsForms.feedback.title')} />;
}

/** The coordinator's view: the feedback of the pages their organisations own. */
export function FeedbackPanel() {
  const { t } = useTranslation();
  const feedback = useQuery({ queryKey: ['public-pages', 'feedback'], queryFn: async () => (await api<{ feedback: PublicFeedbackItem[] }>('GET', '/api/public-pages/feedback')).feedback });
  if (feedback.isPending) return <Loading />;
  if (feedback.isError) return <LoadError error={feedback.error} onRetry={() => void feedback.refetch()} />;
  return (
    <Stack gap="sm">
      <Title order={2}>{t('opsForms.feedback.title')}</Title>
      <FeedbackTable rows={feedback.data} />
    </Stack>
  );
}
