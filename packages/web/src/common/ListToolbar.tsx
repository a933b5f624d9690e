import { Button, Group, Pagination, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';

export const pageSize = 50;

/**
 * One page of the sorted, filtered rows. The page goes back to the first whenever the
 * filter or sort (`resetKey`) changes, so nobody is left on an empty page.
 */
export function usePage<T>(rows: readonly T[], resetKey: string) {
  const [state, setState] = useState({ key: resetKey, page: 1 });
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(state.key === resetKey ? state.page : 1, pageCount);
  const start = (page - 1) * pageSize;
  return {
    page,
    pageCount,
    setPage: (next: number) => setState({ key: resetKey, page: next }),
    from: rows.length === 0 ? 0 : start + 1,
    to: Math.min(start + pageSize, rows.length),
    rows: rows.slice(start, start + pageSize),
  };
}

/** The row count (announced politely as filters change) and the export buttons: CSV, and Excel when the list offers it. */
export function ListToolbar({ from, to, count, total, onExport, onExportExcel }: { from: number; to: number; count: number; total: number; onExport: () => void; onExportExcel?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center" my="sm">
      <Text size="sm" role="status" aria-live="polite" aria-atomic="true">
        {count === 0 ? t('table.none') : t('table.showing', { count, from: formatNumber(from), to: formatNumber(to) })}
        {count !== total && ` ${t('table.filteredFrom', { total: formatNumber(total) })}`}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="sm" onClick={onExport} disabled={count === 0}>
          {t('table.export')}
        </Button>
        {onExportExcel && (
          <Button variant="default" size="sm" onClick={onExportExcel} disabled={count === 0}>
            {t('table.exportExcel')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** Page buttons, named for screen readers, under the table. */
export function TablePages({ page, pageCount, onChange }: { page: number; pageCount: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  const controls = { first: t('table.first'), previous: t('table.previous'), next: t('table.next'), last: t('table.last') };
  return (
    <Group component="nav" aria-label={t('table.pages')} justify="center" mt="md">
      <Pagination
        total={pageCount}
        value={page}
        onChange={onChange}
        withEdges
        getItemProps={(item) => ({ 'aria-label': t('table.page', { page: item }), 'aria-current': item === page ? 'page' : undefined })}
        getControlProps={(control) => ({ 'aria-label': controls[control] })}
      />
    </Group>
  );
}
