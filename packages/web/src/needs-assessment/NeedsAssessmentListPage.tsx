import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { needsProposals, needsStatuses, toCsv, type NeedsAssessmentSummary } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { downloadCsv } from '../common/csv.ts';
import { formatDate, today } from '../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../common/ListToolbar.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../common/SortableTable.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { StatusBadge } from './NeedsAssessmentRead.tsx';
import type { NeedsNavigation } from './NeedsAssessmentPage.tsx';
import { useNeedsAssessments } from './useNeedsAssessments.ts';

/** The child's needs assessments the caller may read: sorted, filtered, exported like every list. */
export function NeedsAssessmentListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const state = (useLocation().state as NeedsNavigation | null) ?? {};
  const list = useNeedsAssessments(id);
  const status = useStatus();
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<string | null>(null);
  const [proposal, setProposal] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>({ key: 'occurredOn', direction: 'descending' });
  const base = `/child/${id}/needs-assessments`;

  const columns: Column<NeedsAssessmentSummary>[] = [
    { key: 'occurredOn', header: t('needs.list.date'), value: (r) => r.occurredOn, render: (r) => <Anchor component={Link} to={`${base}/${r.id}`} state={state}>{formatDate(r.occurredOn)}</Anchor>, nowrap: true },
    { key: 'status', header: t('needs.list.status'), value: (r) => t(`needs.statuses.${r.status}`), render: (r) => <StatusBadge status={r.status} /> },
    { key: 'proposal', header: t('needs.list.proposal'), value: (r) => (r.proposal ? t(`needs.proposals.${r.proposal}`) : t('needs.read.noProposal')) },
    { key: 'summary', header: t('needs.list.summary'), value: (r) => r.summary, render: (r) => <Text size="sm" lineClamp={2}>{r.summary || '–'}</Text> },
    { key: 'author', header: t('needs.list.author'), value: (r) => r.authorName },
    { key: 'domain', header: t('needs.list.domain'), value: (r) => `${r.secrecyDomainName} (${r.organisationName})` },
    { key: 'updatedAt', header: t('needs.list.updated'), value: (r) => r.updatedAt, render: (r) => `${formatDate(r.updatedAt)} · ${t('needs.list.revision', { revision: r.revision })}`, nowrap: true },
  ];

  const all = list.data?.assessments ?? [];
  const needle = search.trim().toLocaleLowerCase('sv');
  const matches = (r: NeedsAssessmentSummary) =>
    (statusFilter === null || r.status === statusFilter) &&
    (proposal === null || r.proposal === proposal) &&
    (needle === '' || [r.summary, r.authorName, r.secrecyDomainName, r.organisationName].some((x) => x.toLocaleLowerCase('sv').includes(needle)));
  const rows = sortRows(all.filter(matches), columns, sort);
  const paged = usePage(rows, JSON.stringify([search, statusFilter, proposal, sort]));
  if (list.isError && isApiError(list.error, 403)) return <NotAllowedPage />;
  if (list.isError && (isApiError(list.error, 404) || isApiError(list.error, 400))) return <NotFoundPage />;

  function exportCsv() {
    const data = exportRows(rows, columns);
    const file = `behovsbedomningar-${today()}.csv`;
    downloadCsv(file, toCsv(data.header, data.rows));
    status.success(t('table.exported', { count: rows.length, file }));
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('needs.listTitle')}</PageTitle>
          {state.childName && <Text size="lg" mt={4}>{state.childName}</Text>}
          <Text c="dimmed" mt={4}>{t('needs.listIntro')}</Text>
        </div>
        {list.data?.mayRecord && <Button component={Link} to={`${base}/new`} state={state}>{t('needs.new')}</Button>}
      </Group>
      <StatusMessage status={status.status} onClose={status.clear} />
      {list.data && !list.data.sharedFromOthers && (
        <Alert color="gray" variant="light"><Text size="sm" c="dark.8">{t('needs.notShared')}</Text></Alert>
      )}
      <section aria-label={t('table.filters')} className="page-panel">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} p="md" spacing="md" verticalSpacing="sm">
          <TextInput type="search" label={t('table.search')} description={t('needs.list.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select label={t('needs.list.status')} placeholder={t('needs.list.all')} data={needsStatuses.map((s) => ({ value: s, label: t(`needs.statuses.${s}`) }))} value={statusFilter} onChange={setStatusFilter} clearable comboboxProps={{ withinPortal: true }} />
          <Select label={t('needs.list.proposal')} placeholder={t('needs.list.all')} data={needsProposals.map((p) => ({ value: p, label: t(`needs.proposals.${p}`) }))} value={proposal} onChange={setProposal} clearable comboboxProps={{ withinPortal: true }} />
        </SimpleGrid>
      </section>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ListToolbar from={paged.from} to={paged.to} count={rows.length} total={all.length} onExport={exportCsv} />
          <div className="page-panel">
            <SortableTable caption={t('needs.list.caption')} columns={columns} rows={paged.rows} rowKey={(r) => r.id} sort={sort} onSort={setSort} empty={all.length === 0 ? t('needs.list.none') : t('table.empty')} />
          </div>
          <TablePages page={paged.page} pageCount={paged.pageCount} onChange={paged.setPage} />
        </>
      )}
      <Anchor component={Link} to={`/child/${id}`}>{t('needs.backToRecord')}</Anchor>
    </Stack>
  );
}
