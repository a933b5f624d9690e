import { Alert, Anchor, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { planKinds, planStatuses, toCsv, type PlanSummary } from '@samsyn/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { RecordDenied } from '../children/RecordDenied.tsx';
import { downloadCsv } from '../common/csv.ts';
import { formatDate, today } from '../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../common/ListToolbar.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../common/SortableTable.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { usePlans } from './usePlans.ts';

/** The child's name, when the record page that linked here passed it on (so this page needs no second look). */
export function useChildNameFromLink(): string | null {
  const state = useLocation().state as { childName?: string } | null;
  return state?.childName ?? null;
}

/** The child's plans: sorted, filtered and exported like every list; a new plan where the policy offers one. */
export function PlansPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const childName = useChildNameFromLink();
  const plans = usePlans(id);
  const [formOpen, form] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<SortState>({ key: 'createdAt', direction: 'descending' });

  if (plans.isPending) return <Loading />;
  if (plans.isError) {
    if (isApiError(plans.error, 403)) return <RecordDenied reason={plans.error.reason} hadAccess={false} childId={id} actions={plans.error.actions} />;
    return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  }
  const columns: Column<PlanSummary>[] = [
    { key: 'title', header: t('plans.columns.title'), value: (p) => p.title, render: (p) => <Anchor component={Link} to={`/child/${id}/plans/${p.id}`} state={{ childName }}>{p.title}</Anchor> },
    { key: 'kind', header: t('plans.columns.kind'), value: (p) => t(`plans.kinds.${p.kind}`), nowrap: true },
    { key: 'status', header: t('plans.columns.status'), value: (p) => t(`plans.statuses.${p.status}`), render: (p) => <Badge variant="light" tt="none" className={p.status === 'established' ? 'badge-active' : p.status === 'closed' ? 'badge-inactive' : undefined}>{t(`plans.statuses.${p.status}`)}</Badge>, nowrap: true },
    { key: 'proposal', header: t('plans.columns.proposal'), value: (p) => (p.proposedRevision ? t('plans.proposalWaiting') : t('plans.noProposal')) },
    { key: 'followUp', header: t('plans.columns.followUp'), value: (p) => p.nextFollowUpOn ?? '', render: (p) => (p.nextFollowUpOn ? formatDate(p.nextFollowUpOn) : t('common.none')), nowrap: true },
    { key: 'createdAt', header: t('plans.columns.createdAt'), value: (p) => p.createdAt, render: (p) => formatDate(p.createdAt), nowrap: true },
    { key: 'organisation', header: t('plans.columns.organisation'), value: (p) => `${p.organisationName}, ${p.secrecyDomainName}` },
  ];
  const needle = search.trim().toLocaleLowerCase('sv');
  const filtered = plans.data.plans.filter((p) => (!kind || p.kind === kind) && (!status || p.status === status) && (!needle || p.title.toLocaleLowerCase('sv').includes(needle)));
  const sorted = sortRows(filtered, columns, sort);
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle documentTitle={t('plans.documentTitle')}>{childName ? t('plans.pageTitle', { name: childName }) : t('plans.title')}</PageTitle>
      <Text c="dimmed">{t('plans.intro')}</Text>
      <Group justify="space-between">
        <Anchor component={Link} to={`/child/${id}`}>{t('plans.backToRecord')}</Anchor>
        {plans.data.consentOptions.length > 0 && <Button onClick={form.open}>{t('plans.new')}</Button>}
      </Group>
      {plans.data.consentOptions.length === 0 && <Alert color="gray" variant="light"><Text size="sm" c="dark.8">{t('plans.noConsent')}</Text></Alert>}
      <PlanTable rows={sorted} total={plans.data.plans.length} columns={columns} sort={sort} onSort={setSort} filters={
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('table.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select label={t('plans.columns.kind')} data={[{ value: '', label: t('plans.all') }, ...planKinds.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))]} value={kind} onChange={(v) => setKind(v ?? '')} allowDeselect={false} />
          <Select label={t('plans.columns.status')} data={[{ value: '', label: t('plans.all') }, ...planStatuses.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))]} value={status} onChange={(v) => setStatus(v ?? '')} allowDeselect={false} />
        </SimpleGrid>
      } resetKey={`${kind}|${status}|${needle}|${sort.key}|${sort.direction}`} />
      <Modal opened={formOpen} onClose={form.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('plans.newTitle')} size="xl">
        <PlanEditor childId={id} plan={null} options={plans.data} onCancel={form.close} onSaved={(view) => { form.close(); void navigate(`/child/${id}/plans/${view.id}`, { state: { childName } }); }} />
      </Modal>
    </Stack>
  );
}

function PlanTable({ rows, total, columns, sort, onSort, filters, resetKey }: { rows: PlanSummary[]; total: number; columns: Column<PlanSummary>[]; sort: SortState; onSort: (s: SortState) => void; filters: ReactNode; resetKey: string }) {
  const { t } = useTranslation();
  const page = usePage(rows, resetKey);
  const exportCsv = () => {
    const { header, rows: cells } = exportRows(rows, columns);
    downloadCsv(`${t('plans.exportFile')}-${today()}.csv`, toCsv(header, cells));
  };
  return (
    <section aria-label={t('plans.caption')}>
      {filters}
      <ListToolbar from={page.from} to={page.to} count={rows.length} total={total} onExport={exportCsv} />
      <SortableTable caption={t('plans.caption')} columns={columns} rows={page.rows} rowKey={(p) => p.id} sort={sort} onSort={onSort} empty={total === 0 ? t('plans.none') : t('table.empty')} />
      <TablePages page={page.page} pageCount={page.pageCount} onChange={page.setPage} />
    </section>
  );
}


