import { Text, Title } from '@mantine/core';
import type { EstimatesView, TargetView } from '@samsyn/core';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../common/format.ts';
import { judgedByText } from '../indicators/targetText.ts';
import { FigureTable } from './FigureTable.tsx';
import { shareSeries, trendOf, type Filters, type Trend, type TrendRow } from './panelData.ts';
import { trendCells, trendHeader } from './trendTable.ts';

/**
 * The share over the waves with its interval band, the trajectory of the area's stored target (or
 * of the county's shared rule, said in words) and each wave's status; `beside` draws another area
 * (the county, on a municipality's page) as a line and a column of its own.
 */
export function TrendSection({ view, filters, areaName, name, targets, beside }: { view: EstimatesView; filters: Filters; areaName: string; name: string; targets: readonly TargetView[]; beside?: { code: string; name: string } }) {
  const { t } = useTranslation();
  const trend = useMemo(() => trendOf(view, filters, targets, beside?.code), [view, filters, targets, beside?.code]);
  const option = useMemo(() => trendOption(trend.rows, t, beside?.name), [trend.rows, t, beside?.name]);
  const headingId = `trend-${view.indicator.id}`;
  const heading = t('dashboards.trendHeading', { area: areaName });
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{heading}</Title>
      <FigureTable
        headingId={headingId}
        testId="trend-table"
        chart={{ option, label: t(beside ? 'dashboards.trendBesideLabel' : 'dashboards.trendLabel', { area: areaName, beside: beside?.name }) }}
        exportName={`${name}-trend`}
        exportLabel={t('dashboards.trendSheet')}
        tableLabel={t('dashboards.tableOf', { name: heading })}
        header={trendHeader(t, beside?.name)}
        rows={(locale) => trendCells(trend.rows, t, locale, beside !== undefined)}
        // The table leaves out the respondents and the target, which the chart and the note give; the exports hold them.
        shown={beside ? [0, 1, 2, 8, 4, 6, 7] : [0, 1, 2, 4, 6, 7]}
        note={<Text size="xs" c="dimmed" mt={4} data-testid="trend-target">{judgedByText(judgedBy(trend), areaName, 'percent', t)}</Text>}
      />
    </section>
  );
}

const judgedBy = ({ judge }: Trend) => (judge?.source === 'stored' ? { source: 'stored' as const, rule: judge.rule, organisation: judge.target.organisation.name } : judge);

type T = TFunction;

function trendOption(rows: TrendRow[], t: T, besideName?: string) {
  const years = rows.map((r) => String(r.year));
  // The shared rule of every chart: a hidden cell is a gap, never a figure (panelData.test.ts).
  const { value, lower, upper } = shareSeries(rows.map((r) => r.cell));
  const band = lower.map((l, i) => (l === null || upper[i] === null ? null : Number((upper[i]! - l).toFixed(2))));
  const target = rows.map((r) => (r.expected === null ? null : Number((r.expected * 100).toFixed(2))));
  const beside = rows.map((r) => (r.beside && !r.beside.suppressed ? Number((r.beside.proportion * 100).toFixed(2)) : null));
  const label = (v: number) => formatShare(v / 100);
  return {
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    legend: { data: [t('dashboards.share'), t('dashboards.target'), ...(besideName ? [besideName] : [])], top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? label(v) : '–') },
    xAxis: { type: 'category', data: years, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => label(v) } },
    series: [
      { name: 'lower', type: 'line', stack: 'interval', data: lower, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
      { name: t('dashboards.interval'), type: 'line', stack: 'interval', data: band, lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: 'rgba(25, 113, 194, 0.18)' }, tooltip: { show: false }, silent: true },
      { name: t('dashboards.share'), type: 'line', data: value, symbol: 'circle', symbolSize: 8, color: '#1864ab', label: { show: true, position: 'top', formatter: (p: { value: number }) => label(p.value) } },
      { name: t('dashboards.target'), type: 'line', data: target, color: '#5c3d00', lineStyle: { type: 'dashed' }, symbol: 'diamond', connectNulls: true },
      ...(besideName ? [{ name: besideName, type: 'line', data: beside, color: '#495057', lineStyle: { type: 'dotted' }, symbol: 'triangle', symbolSize: 8 }] : []),
    ],
  };
}
