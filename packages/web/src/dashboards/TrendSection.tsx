import { Grid, Table, Text, Title } from '@mantine/core';
import type { EstimatesView, TargetView } from '@samsyn/core';
import { useCallback, useMemo, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll.tsx';
import { ChartExports } from './ChartExports.tsx';
import { DashboardChart, type ChartHandle } from './DashboardChart.tsx';
import type { ExportTable } from './exports.ts';
import { formatPoints, formatShare } from './format.ts';
import { ruleText, statusText } from '../indicators/targetText.ts';
import { trendOf, type Filters, type TrendRow } from './panelData.ts';

/** The share over the waves with its interval band, the target trajectory and each wave's status. */
export function TrendSection({ view, filters, areaName, name, target }: { view: EstimatesView; filters: Filters; areaName: string; name: string; target: TargetView | null }) {
  const { t } = useTranslation();
  const rows = useMemo(() => trendOf(view, filters, target), [view, filters, target]);
  const chart = useRef<ChartHandle | null>(null);
  const handle = useCallback((h: ChartHandle) => (chart.current = h), []);
  const option = useMemo(() => trendOption(rows, t), [rows, t]);
  const headingId = `trend-${view.indicator.id}`;
  const table = (): ExportTable => ({
    header: [t('dashboards.year'), t('dashboards.share'), t('dashboards.interval'), t('dashboards.respondents'), t('dashboards.change'), t('dashboards.target'), t('dashboards.status'), t('populationTargets.gap')],
    rows: rows.map((r) => trendCells(r, t, 'sv-SE')),
  });
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{t('dashboards.trendHeading', { area: areaName })}</Title>
      <Grid mt="xs">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DashboardChart option={option} label={t('dashboards.trendLabel', { area: areaName })} handle={handle} />
          <ChartExports name={`${name}-trend`} label={t('dashboards.trendSheet')} chart={() => chart.current} table={table} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TableScroll label={t('dashboards.tableOf', { name: t('dashboards.trendHeading', { area: areaName }) })}>
            <Table aria-labelledby={headingId} data-testid="trend-table">
              <Table.Thead>
                <Table.Tr>
                  {[t('dashboards.year'), t('dashboards.share'), t('dashboards.interval'), t('dashboards.change'), t('dashboards.status'), t('populationTargets.gap')].map((h) => <Table.Th scope="col" key={h}>{h}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const [year, share, interval, , change, , status, gap] = trendCells(r, t);
                  return (
                    <Table.Tr key={r.year}>
                      <Table.Th scope="row">{year}</Table.Th>
                      <Table.Td>{share}</Table.Td>
                      <Table.Td>{interval}</Table.Td>
                      <Table.Td>{change}</Table.Td>
                      <Table.Td>{status}</Table.Td>
                      <Table.Td>{gap}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Text size="xs" c="dimmed" mt={4} data-testid="trend-target">{target ? t('populationTargets.dashboardNote', { organisation: target.organisation.name, rule: ruleText(target.rule, t) }) : t('populationTargets.noTargetForArea', { area: areaName })}</Text>
        </Grid.Col>
      </Grid>
    </section>
  );
}

type T = TFunction;

/** A row's cells as text: year, share, interval, respondents, change, target, status, gap. */
function trendCells(r: TrendRow, t: T, locale?: string): string[] {
  const status = r.status ? statusText(r.status, t) : r.expected === null ? '–' : t('dashboards.baseline');
  const target = r.expected === null ? '–' : formatShare(r.expected, locale);
  const gap = r.gap === null ? '–' : formatPoints(r.gap, t('dashboards.pointsUnit'), locale);
  if (r.cell.suppressed) return [String(r.year), t(`dashboards.suppressed.${r.cell.reason}`), '–', '–', '–', target, status, gap];
  const c = r.cell.change;
  const change = c ? `${formatPoints(c.difference, t('dashboards.pointsUnit'), locale)} ${c.significant ? t('dashboards.significant') : t('dashboards.notSignificant')}` : '–';
  return [String(r.year), formatShare(r.cell.proportion, locale), `${formatShare(r.cell.lower, locale)}–${formatShare(r.cell.upper, locale)}`, String(r.cell.respondents), change, target, status, gap];
}

function trendOption(rows: TrendRow[], t: T) {
  const years = rows.map((r) => String(r.year));
  const pct = (f: (r: TrendRow & { cell: { suppressed: false } }) => number) => rows.map((r) => (r.cell.suppressed ? null : Number((f(r as never) * 100).toFixed(2))));
  const lower = pct((r) => r.cell.lower);
  const band = rows.map((r) => (r.cell.suppressed ? null : Number(((r.cell.upper - r.cell.lower) * 100).toFixed(2))));
  const value = pct((r) => r.cell.proportion);
  const target = rows.map((r) => (r.expected === null ? null : Number((r.expected * 100).toFixed(2))));
  const label = (v: number) => formatShare(v / 100);
  return {
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    legend: { data: [t('dashboards.share'), t('dashboards.target')], top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? label(v) : '–') },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => label(v) } },
    series: [
      { name: 'lower', type: 'line', stack: 'interval', data: lower, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
      { name: t('dashboards.interval'), type: 'line', stack: 'interval', data: band, lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: 'rgba(25, 113, 194, 0.18)' }, tooltip: { show: false }, silent: true },
      { name: t('dashboards.share'), type: 'line', data: value, symbol: 'circle', symbolSize: 8, color: '#1864ab', label: { show: true, position: 'top', formatter: (p: { value: number }) => label(p.value) } },
      { name: t('dashboards.target'), type: 'line', data: target, color: '#5c3d00', lineStyle: { type: 'dashed' }, symbol: 'diamond', connectNulls: true },
    ],
  };
}
