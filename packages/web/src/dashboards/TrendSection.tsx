import { Text, Title } from '@mantine/core';
import type { EstimatesView, TargetView } from '@samsyn/core';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatPoints, formatShare } from '../common/format.ts';
import { ruleText, statusText } from '../indicators/targetText.ts';
import { FigureTable } from './FigureTable.tsx';
import { trendOf, type Filters, type TrendRow } from './panelData.ts';

/** The share over the waves with its interval band, the target trajectory and each wave's status. */
export function TrendSection({ view, filters, areaName, name, target }: { view: EstimatesView; filters: Filters; areaName: string; name: string; target: TargetView | null }) {
  const { t } = useTranslation();
  const rows = useMemo(() => trendOf(view, filters, target), [view, filters, target]);
  const option = useMemo(() => trendOption(rows, t), [rows, t]);
  const headingId = `trend-${view.indicator.id}`;
  const heading = t('dashboards.trendHeading', { area: areaName });
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{heading}</Title>
      <FigureTable
        headingId={headingId}
        testId="trend-table"
        chart={{ option, label: t('dashboards.trendLabel', { area: areaName }) }}
        exportName={`${name}-trend`}
        exportLabel={t('dashboards.trendSheet')}
        tableLabel={t('dashboards.tableOf', { name: heading })}
        header={[t('dashboards.year'), t('dashboards.share'), t('dashboards.interval'), t('dashboards.respondents'), t('dashboards.change'), t('dashboards.target'), t('dashboards.status'), t('populationTargets.gap')]}
        rows={(locale) => rows.map((r) => trendCells(r, t, locale))}
        // The table leaves out the respondents and the target, which the chart and the note give; the exports hold them.
        shown={[0, 1, 2, 4, 6, 7]}
        note={<Text size="xs" c="dimmed" mt={4} data-testid="trend-target">{target ? t('populationTargets.dashboardNote', { organisation: target.organisation.name, rule: ruleText(target.rule, t) }) : t('populationTargets.noTargetForArea', { area: areaName })}</Text>}
      />
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
