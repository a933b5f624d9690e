import { Grid, Table, Title } from '@mantine/core';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartExports } from '../dashboards/ChartExports.tsx';
import { DashboardChart, type ChartHandle } from '../dashboards/DashboardChart.tsx';
import type { ExportTable } from '../dashboards/exports.ts';
import { TableScroll } from '../dashboards/TableScroll.tsx';
import { formatNumber, suppressedText } from './format.ts';
import type { ChildLevelCell, RateIndicator } from './useChildLevelIndicators.ts';

type RateKey = 'active_plans' | 'reports_of_concern' | 'concern_to_plan_days';

/** One of the child level's figures over the quarters in one area: a line chart and its table. */
export function RateSection({ indicator, cells, area, areaName }: { indicator: RateIndicator; cells: ChildLevelCell[]; area: string; areaName: string }) {
  const { t } = useTranslation();
  const key = indicator.replace('samsyn.', '') as RateKey;
  const rows = useMemo(() => cells.filter((c) => c.area_code === area && c.breakdown === '').sort((a, b) => a.quarter.localeCompare(b.quarter)), [cells, area]);
  const chart = useRef<ChartHandle | null>(null);
  const handle = useCallback((h: ChartHandle) => (chart.current = h), []);
  const valueName = t(`schoolProfiles.childLevel.valueNames.${key}`);
  const header = [t('schoolProfiles.childLevel.quarter'), valueName, t(`schoolProfiles.childLevel.countNames.${key}`), ...(key === 'concern_to_plan_days' ? [] : [t('schoolProfiles.childLevel.children')])];
  const cellsOf = (r: ChildLevelCell, locale?: string) => {
    const counts = key === 'concern_to_plan_days' ? [] : ['–'];
    if (r.suppressed_reason || r.value === null) return [r.quarter, suppressedText(r, t), '–', ...counts];
    return [r.quarter, formatNumber(r.value, locale), String(r.count), ...(key === 'concern_to_plan_days' ? [] : [String(r.denominator)])];
  };
  const table = (): ExportTable => ({ header, rows: rows.map((r) => cellsOf(r, 'sv-SE')) });
  const option = useMemo(() => ({
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '–') },
    xAxis: { type: 'category', data: rows.map((r) => r.quarter) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [{ name: valueName, type: 'line', data: rows.map((r) => r.value), symbol: 'circle', symbolSize: 8, color: '#1864ab', connectNulls: false }],
  }), [rows, valueName]);
  const headingId = `child-level-${key}`;
  const name = t(`schoolProfiles.childLevel.names.${key}`);
  return (
    <section aria-labelledby={headingId} className="page-panel">
      <Grid p="lg">
        <Grid.Col span={12}>
          <Title order={2} size="h3" id={headingId}>{name}</Title>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DashboardChart option={option} label={t('schoolProfiles.childLevel.chartLabel', { name, area: areaName })} handle={handle} height={260} />
          <ChartExports name={`${indicator}-${area}`} label={name} chart={() => chart.current} table={table} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TableScroll label={t('dashboards.tableOf', { name })}>
            <Table aria-labelledby={headingId} data-testid={`table-${key}`}>
              <Table.Thead>
                <Table.Tr>{header.map((h) => <Table.Th scope="col" key={h}>{h}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const [quarter, ...rest] = cellsOf(r);
                  return (
                    <Table.Tr key={r.quarter}>
                      <Table.Th scope="row">{quarter}</Table.Th>
                      {rest.map((c, i) => <Table.Td key={i}>{c}</Table.Td>)}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Grid.Col>
      </Grid>
    </section>
  );
}
