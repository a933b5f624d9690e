import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { sectors, type Unit } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from '../../common/ActiveBadge.tsx';
import { downloadCsv, toCsv } from '../../common/csv.ts';
import { errorText } from '../../common/errors.ts';
import { formatDate, today } from '../../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../../common/ListToolbar.tsx';
import { LoadError } from '../../common/LoadError.tsx';
import { Loading } from '../../common/Loading.tsx';
import { PageTitle } from '../../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../../common/SortableTable.tsx';
import { StatusMessage, useStatus } from '../../common/StatusMessage.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useOrganisations } from '../useOrganisations.ts';
import { UnitForm } from './UnitForm.tsx';
import { useUnits, useUpdateUnit } from './useUnits.ts';

export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const organisations = useOrganisations();
  const update = useUpdateUnit();
  const status = useStatus();
  const [search, setSearch] = useState('');
  // undefined: not chosen yet, so an administrator of a single organisation starts with theirs.
  const [organisationFilter, setOrganisationFilter] = useState<string | null | undefined>(undefined);
  const [sectorFilter, setSectorFilter] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const [formOpen, form] = useDisclosure(false);
  const [editing, setEditing] = useState<{ unit: Unit | null; key: number }>({ unit: null, key: 0 });

  const administrable = useMemo(() => (organisations.data ?? []).filter((o) => o.administrable), [organisations.data]);
  const administrableIds = useMemo(() => new Set(administrable.map((o) => o.id)), [administrable]);
  const organisationId = organisationFilter === undefined ? (administrable.length === 1 ? administrable[0]!.id : null) : organisationFilter;

  const columns: Column<Unit>[] = [
    { key: 'organisation', header: t('units.organisation'), value: (u) => u.organisationName },
    { key: 'name', header: t('units.name'), value: (u) => u.name, render: (u) => <Text fw={600} size="sm">{u.name}</Text> },
    { key: 'sector', header: t('units.sector'), value: (u) => t(`sectors.${u.sector}`) },
    { key: 'active', header: t('common.status'), value: (u) => (u.active ? t('common.active') : t('common.inactive')), render: (u) => <ActiveBadge active={u.active} />, nowrap: true },
    { key: 'updatedAt', header: t('common.updated'), value: (u) => formatDate(u.updatedAt), nowrap: true },
    {
      key: 'actions',
      header: t('common.actions'),
      sortable: false,
      exported: false,
      value: () => '',
      render: (u) => administrableIds.has(u.organisationId) && (
        <Group gap={6}>
          <Button size="compact-sm" variant="light" onClick={() => openForm(u)} aria-label={t('common.editNamed', { name: u.name })}>
            {t('common.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            loading={update.isPending && update.variables.id === u.id}
            onClick={() => toggleActive(u)}
            aria-label={t(u.active ? 'common.deactivateNamed' : 'common.reactivateNamed', { name: u.name })}
          >
            {u.active ? t('common.deactivate') : t('common.reactivate')}
          </Button>
        </Group>
      ),
    },
  ];

  const all = units.data ?? [];
  const needle = search.trim().toLocaleLowerCase('sv');
  const filtered = all.filter((u) =>
    (showInactive || u.active)
    && (!organisationId || u.organisationId === organisationId)
    && (!sectorFilter || u.sector === sectorFilter)
    && (!needle || `${u.name} ${u.organisationName} ${t(`sectors.${u.sector}`)}`.toLocaleLowerCase('sv').includes(needle)));
  const rows = sortRows(filtered, columns, sort);
  const paged = usePage(rows, JSON.stringify([search, organisationId, sectorFilter, showInactive, sort]));

  function openForm(unit: Unit | null) {
    setEditing((previous) => ({ unit, key: previous.key + 1 }));
    form.open();
  }

  function toggleActive(unit: Unit) {
    update.mutate(
      { id: unit.id, patch: { active: !unit.active } },
      {
        onSuccess: (saved) => status.success(t(saved.active ? 'units.reactivated' : 'units.deactivated', { name: saved.name })),
        onError: (error) => status.failure(errorText(error, t, currentLanguage())),
      },
    );
  }

  function exportCsv() {
    const data = exportRows(rows, columns);
    const file = `${t('units.exportFile')}-${today()}.csv`;
    downloadCsv(file, toCsv(data.header, data.rows));
    status.success(t('table.exported', { count: rows.length, file }));
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('units.title')}</PageTitle>
          <Text c="dimmed" mt={4}>{t('units.intro')}</Text>
        </div>
        {administrable.length > 0 && <Button onClick={() => openForm(null)}>{t('units.new')}</Button>}
      </Group>
      <StatusMessage status={status.status} onClose={status.clear} />
      <section aria-label={t('table.filters')} className="page-panel">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} p="md" spacing="md" verticalSpacing="sm">
          <TextInput type="search" label={t('table.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select
            label={t('table.organisation')}
            placeholder={t('table.allOrganisations')}
            data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            onChange={setOrganisationFilter}
            clearable
            searchable
            nothingFoundMessage={t('table.empty')}
          />
          <Select
            label={t('units.sector')}
            placeholder={t('units.allSectors')}
            data={sectors.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
            value={sectorFilter}
            onChange={setSectorFilter}
            clearable
          />
          <Checkbox label={t('table.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mt={{ base: 0, sm: 30 }} />
        </SimpleGrid>
      </section>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <LoadError error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <>
          <ListToolbar from={paged.from} to={paged.to} count={rows.length} total={all.length} onExport={exportCsv} />
          <div className="page-panel">
            <SortableTable caption={t('units.caption')} columns={columns} rows={paged.rows} rowKey={(u) => u.id} sort={sort} onSort={setSort} empty={t('table.empty')} />
          </div>
          <TablePages page={paged.page} pageCount={paged.pageCount} onChange={paged.setPage} />
        </>
      )}
      <Modal opened={formOpen} onClose={form.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t(editing.unit ? 'units.editTitle' : 'units.createTitle')} size="lg">
        <UnitForm
          key={editing.key}
          unit={editing.unit}
          organisations={administrable}
          onCancel={form.close}
          onSaved={(saved, created) => {
            form.close();
            status.success(t(created ? 'units.created' : 'units.saved', { name: saved.name }));
          }}
        />
      </Modal>
    </Stack>
  );
}
