import { Anchor, Badge, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { formatStockholmDateTime, toCsv, type IntakeQueueRow } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import { childName, displayIdentityNumber } from '../children/text.ts';
import { downloadCsv } from '../common/csv.ts';
import { today } from '../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../common/ListToolbar.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../common/SortableTable.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { nextStepText } from './intakeText.ts';
import { useIntakeQueue } from './useReports.ts';

type Filter = 'open' | 'overdue' | 'all';

/** Intake's queue of received reports of concern: each with its receipt time, next step and deadline. */
export function IntakeQueuePage() {
  const { t } = useTranslation();
  const queue = useIntakeQueue();
  const status = useStatus();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('open');
  const [sort, setSort] = useState<SortState>({ key: 'receivedAt', direction: 'descending' });

  const columns: Column<IntakeQueueRow>[] = [
    { key: 'receivedAt', header: t('reports.intake.receivedAt'), value: (r) => r.receivedAt, render: (r) => formatStockholmDateTime(new Date(r.receivedAt)), nowrap: true },
    { key: 'child', header: t('reports.intake.child'), value: (r) => childName(r.childName, t), render: (r) => <Anchor component={Link} to={`/intake/${r.id}`}>{childName(r.childName, t)}</Anchor> },
    { key: 'identityNumber', header: t('reports.intake.identityNumber'), value: (r) => displayIdentityNumber(r.identityNumber), nowrap: true },
    { key: 'danger', header: t('reports.intake.danger'), value: (r) => (r.immediateDanger ? t('reports.intake.dangerYes') : t('reports.intake.dangerNo')), render: (r) => (r.immediateDanger ? <Badge color="red" variant="light" tt="none">{t('reports.intake.dangerYes')}</Badge> : t('reports.intake.dangerNo')) },
    {
      key: 'next',
      header: t('reports.intake.nextStep'),
      value: (r) => nextStepText(r, t),
      render: (r) => (
        <Group gap={6} wrap="nowrap">
          {r.status.overdue && <Badge color="red" variant="filled" tt="none">{t('reports.intake.overdue')}</Badge>}
          <Text size="sm">{nextStepText(r, t)}</Text>
        </Group>
      ),
    },
    { key: 'feedback', header: t('reports.intake.feedback'), value: (r) => t(`reports.feedback.${r.feedback}`) },
  ];

  const all = queue.data?.reports ?? [];
  const needle = search.trim().toLowerCase();
  const matches = (r: IntakeQueueRow) =>
    (filter === 'all' || (filter === 'open' && r.status.next !== 'done') || (filter === 'overdue' && r.status.overdue)) &&
    (needle === '' || childName(r.childName, t).toLowerCase().includes(needle) || r.identityNumber.replace('-', '').includes(needle.replace('-', '')));
  const rows = sortRows(all.filter(matches), columns, sort);
  const paged = usePage(rows, JSON.stringify([search, filter, sort]));
  if (queue.isError && isApiError(queue.error, 403)) return <NotAllowedPage />;

  function exportCsv() {
    const data = exportRows(rows, columns);
    const file = `mottagning-${today()}.csv`;
    downloadCsv(file, toCsv(data.header, data.rows));
    status.success(t('table.exported', { count: rows.length, file }));
  }

  return (
    <Stack gap="sm">
      <div>
        <PageTitle>{t('reports.intake.title')}</PageTitle>
        <Text c="dimmed" mt={4}>{queue.data ? t('reports.intake.intro', { intake: queue.data.intakeName }) : t('reports.intake.introPlain')}</Text>
      </div>
      <StatusMessage status={status.status} onClose={status.clear} />
      <section aria-label={t('table.filters')} className="page-panel">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} p="md" spacing="md" verticalSpacing="sm">
          <TextInput type="search" label={t('table.search')} description={t('reports.intake.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select
            label={t('reports.intake.show')}
            data={(['open', 'overdue', 'all'] as const).map((f) => ({ value: f, label: t(`reports.intake.filters.${f}`) }))}
            value={filter}
            onChange={(v) => setFilter((v as Filter | null) ?? 'open')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      </section>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <>
          <ListToolbar from={paged.from} to={paged.to} count={rows.length} total={all.length} onExport={exportCsv} />
          <div className="page-panel">
            <SortableTable caption={t('reports.intake.caption')} columns={columns} rows={paged.rows} rowKey={(r) => r.id} sort={sort} onSort={setSort} empty={t('table.empty')} />
          </div>
          <TablePages page={paged.page} pageCount={paged.pageCount} onChange={paged.setPage} />
        </>
      )}
    </Stack>
  );
}
