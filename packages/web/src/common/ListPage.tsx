import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, type ModalProps } from '@mantine/core';
import { toCsv } from '@samsyn/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from './ActiveBadge.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { downloadCsv } from './csv.ts';
import { exportExcel } from '../dashboards/exports.ts';
import { today } from './format.ts';
import { ListToolbar, TablePages, usePage } from './ListToolbar.tsx';
import { LoadError } from './LoadError.tsx';
import { Loading } from './Loading.tsx';
import { PageTitle } from './PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column } from './SortableTable.tsx';
import { message, StatusMessage } from './StatusMessage.tsx';
import type { ListPageState } from './useListPage.ts';

interface Props<T extends { id: string; active: boolean }> {
  list: ListPageState<T>;
  query: { data?: T[]; isPending: boolean; isError: boolean; error: unknown; refetch: () => Promise<unknown> };
  title: string;
  intro: string;
  /** The label of the create button; no button when undefined. */
  newLabel?: string;
  /** The page's own filters, between the search and "show inactive". */
  filters: ReactNode;
  /** The page's own filter, on top of `list.matches`. */
  filter: (row: T) => boolean;
  /** The page's own filter values: a change goes back to the first page. */
  filterKey: readonly unknown[];
  columns: readonly Column<T>[];
  caption: string;
  /** The exported file's name, before the date. */
  exportFile: string;
  /** The Excel sheet's name: the list exports Excel beside CSV when given. */
  excelSheet?: string;
  formTitle: string;
  formSize: ModalProps['size'];
  /** The create/edit form, shown in a dialogue. */
  form: ReactNode;
  /** False for rows that are never inactive (secrecy domains): no "show inactive" box. */
  inactiveFilter?: boolean;
  /** The row's name and what deactivating it means, asked before it is done. */
  deactivation?: { name: (row: T) => string; text: (row: T) => string };
}

/** An administration list: title, status, filters, the sorted and paged table with CSV export, and the form dialogue. */
export function ListPage<T extends { id: string; active: boolean }>(props: Props<T>) {
  const { list, query, columns } = props;
  const { t } = useTranslation();
  const all = query.data ?? [];
  const rows = sortRows(all.filter(props.filter), columns, list.sort);
  const sheet = props.excelSheet;
  const paged = usePage(rows, JSON.stringify([list.search, ...props.filterKey, list.showInactive, list.sort]));

  function exportCsv() {
    const data = exportRows(rows, columns);
    const file = `${props.exportFile}-${today()}.csv`;
    downloadCsv(file, toCsv(data.header, data.rows));
    list.status.success(message('table.exported', { count: rows.length, file }));
  }

  // The same rows and columns as the CSV (filtered, in the list's order), as text; exceljs loads on the first export.
  async function exportXlsx(sheet: string) {
    const data = exportRows(rows, columns);
    const file = `${props.exportFile}-${today()}.xlsx`;
    await exportExcel(file, sheet, { header: data.header, rows: data.rows.map((r) => r.map(String)) });
    list.status.success(message('table.exported', { count: rows.length, file }));
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{props.title}</PageTitle>
          <Text c="dimmed" mt={4}>{props.intro}</Text>
        </div>
        {props.newLabel !== undefined && <Button onClick={() => list.openForm(null)}>{props.newLabel}</Button>}
      </Group>
      <StatusMessage status={list.status.status} onClose={list.status.clear} />
      <section aria-label={t('table.filters')} className="page-panel">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} p="md" spacing="md" verticalSpacing="sm">
          <TextInput type="search" label={t('table.search')} value={list.search} onChange={(e) => list.setSearch(e.currentTarget.value)} />
          {props.filters}
          {props.inactiveFilter !== false && <Checkbox label={t('table.showInactive')} checked={list.showInactive} onChange={(e) => list.setShowInactive(e.currentTarget.checked)} mt={{ base: 0, sm: 30 }} />}
        </SimpleGrid>
      </section>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <ListToolbar from={paged.from} to={paged.to} count={rows.length} total={all.length} onExport={exportCsv} onExportExcel={sheet === undefined ? undefined : () => void exportXlsx(sheet)} />
          <div className="page-panel">
            <SortableTable caption={props.caption} columns={columns} rows={paged.rows} rowKey={(row) => row.id} sort={list.sort} onSort={list.setSort} empty={t('table.empty')} />
          </div>
          <TablePages page={paged.page} pageCount={paged.pageCount} onChange={paged.setPage} />
        </>
      )}
      <Modal opened={list.formOpen} onClose={list.closeForm} closeButtonProps={{ 'aria-label': t('common.close') }} title={props.formTitle} size={props.formSize}>
        {props.form}
      </Modal>
      <ConfirmDialog
        item={list.confirming}
        onClose={list.cancelConfirm}
        title={list.confirming && props.deactivation ? t('common.confirmDeactivateTitle', { name: props.deactivation.name(list.confirming) }) : t('common.deactivate')}
        confirmLabel={t('common.confirmDeactivate')}
        onConfirm={list.confirmDeactivate}
        loading={list.confirming !== null && list.toggling(list.confirming)}
      >
        {(row) => <Text size="sm">{props.deactivation?.text(row) ?? t('common.confirmDeactivateText')}</Text>}
      </ConfirmDialog>
    </Stack>
  );
}

/** The organisation filter of an administration list. */
export function OrganisationFilter({ organisations, value, onChange }: { organisations: readonly { id: string; name: string }[]; value: string | null; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('table.organisation')}
      placeholder={t('table.allOrganisations')}
      data={organisations.map((o) => ({ value: o.id, label: o.name }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage={t('table.empty')}
    />
  );
}

/** The "active / inactive" column. */
export function activeColumn<T extends { active: boolean }>(t: TFunction): Column<T> {
  return { key: 'active', header: t('common.status'), value: (row) => (row.active ? t('common.active') : t('common.inactive')), render: (row) => <ActiveBadge active={row.active} />, nowrap: true };
}

/** The edit and deactivate/reactivate buttons, each named after its row, where the user may use them. */
export function actionsColumn<T extends { id: string; active: boolean }>(
  t: TFunction,
  list: ListPageState<T>,
  { name, canEdit, canToggle }: { name: (row: T) => string; canEdit: (row: T) => boolean; canToggle: (row: T) => boolean },
): Column<T> {
  return {
    key: 'actions',
    header: t('common.actions'),
    sortable: false,
    exported: false,
    value: () => '',
    render: (row) => canEdit(row) && (
      <Group gap={6}>
        <Button size="compact-sm" variant="light" onClick={() => list.openForm(row)} aria-label={t('common.editNamed', { name: name(row) })}>
          {t('common.edit')}
        </Button>
        {canToggle(row) && (
          <Button
            size="compact-sm"
            variant="default"
            loading={list.toggling(row)}
            onClick={() => list.toggleActive(row)}
            aria-label={t(row.active ? 'common.deactivateNamed' : 'common.reactivateNamed', { name: name(row) })}
          >
            {row.active ? t('common.deactivate') : t('common.reactivate')}
          </Button>
        )}
      </Group>
    ),
  };
}
