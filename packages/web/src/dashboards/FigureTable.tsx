import { Grid, Stack, Table, Text, TextInput, type GridColProps } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useCallback, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SortHeader, useSortedFilter } from '../common/SortableTable.tsx';
import { ChartExports } from './ChartExports.tsx';
import { DashboardChart, type ChartHandle } from './DashboardChart.tsx';
import type { ExportTable } from './exports.ts';
import { figureColumns, figureRows } from './figureRows.ts';
import { TableScroll } from './TableScroll.tsx';

/** The drawn chart's handle, for its PNG export: stable across renders, so the chart is not redrawn. */
export function useChartHandle(): { handle: (h: ChartHandle) => void; current: () => ChartHandle | null } {
  const ref = useRef<ChartHandle | null>(null);
  const handle = useCallback((h: ChartHandle) => {
    ref.current = h;
  }, []);
  const current = useCallback(() => ref.current, []);
  return { handle, current };
}

export interface FigureTableProps {
  /** The id of the heading that names the section; the table is labelled by it. */
  headingId: string;
  testId: string;
  /** The chart drawn beside the table; without one (figures with nothing to draw) the table stands alone with its CSV and Excel. */
  chart?: { option: EChartsCoreOption; label: string; height?: number };
  /** The exports' file name (without extension) and the Excel sheet's name. */
  exportName: string;
  exportLabel: string;
  tableLabel: string;
  header: string[];
  /**
   * The rows as text, the first cell of each the row's header. Called without a locale for the
   * table (the UI language's numbers) and with `sv-SE` for the exports, so a file reads the same
   * whatever the UI language; both hold the same suppressed figures.
   */
  rows: (locale?: string) => string[][];
  /** The columns the table shows (all by default); the exports hold every column. */
  shown?: readonly number[];
  /** The chart's and the table's widths. */
  spans?: [GridColProps['span'], GridColProps['span']];
  /** Under the table: what it is judged against, say. */
  note?: ReactNode;
}

/**
 * A chart beside its table, and the chart's exports (PNG, CSV, Excel): every figure of the
 * population level is shown this way. The chart is a picture of the table; the table is what
 * screen readers and copying use. The table sorts (its column headers) and filters (free text);
 * the CSV and Excel files hold what it shows, in its order, hidden cells' reasons included.
 * Until a header is chosen the rows keep the caller's order.
 */
export function FigureTable({ headingId, testId, chart, exportName, exportLabel, tableLabel, header, rows, shown, spans = [{ base: 12, md: 7 }, { base: 12, md: 5 }], note }: FigureTableProps) {
  const { t } = useTranslation();
  const handle = useChartHandle();
  const all = figureRows(rows(), rows('sv-SE'));
  const columns = figureColumns(header);
  const view = useSortedFilter(all, columns, { key: '', direction: 'ascending' }, (r) => [...r.shown, ...r.exported]);
  const visible = shown ?? header.map((_, i) => i);
  const table = (): ExportTable => ({ header, rows: view.rows.map((r) => [...r.exported]) });
  const figures = (
    <>
      <TextInput type="search" size="xs" label={t('workspaces.filter')} value={view.search} onChange={(e) => view.setSearch(e.currentTarget.value)} maw={260} mb={4} />
      <Text size="xs" role="status" aria-live="polite" c="dimmed">
        {view.filtered ? `${t('table.showing', { count: view.rows.length, from: view.rows.length > 0 ? 1 : 0, to: view.rows.length })} ${t('table.filteredFrom', { total: all.length })}` : ''}
      </Text>
      <TableScroll label={tableLabel}>
        <Table aria-labelledby={headingId} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>{visible.map((i) => <SortHeader key={i} label={header[i]!} sort={view.sort} columnKey={String(i)} onSort={view.setSort} />)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((row) => {
              const [first, ...rest] = visible.map((i) => row.shown[i] ?? '');
              return (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row">{first}</Table.Th>
                  {rest.map((c, i) => <Table.Td key={i}>{c}</Table.Td>)}
                </Table.Tr>
              );
            })}
            {view.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={visible.length}>{t('table.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {note}
    </>
  );
  if (!chart) {
    return (
      <Stack gap={4} mt="xs">
        <ChartExports name={exportName} label={exportLabel} table={table} />
        {figures}
      </Stack>
    );
  }
  return (
    <Grid mt="xs">
      <Grid.Col span={spans[0]}>
        <DashboardChart option={chart.option} label={chart.label} handle={handle.handle} height={chart.height} />
        <ChartExports name={exportName} label={exportLabel} chart={handle.current} table={table} />
      </Grid.Col>
      <Grid.Col span={spans[1]}>{figures}</Grid.Col>
    </Grid>
  );
}
