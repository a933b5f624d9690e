import { Anchor, Group, Text, Title } from '@mantine/core';
import type { EstimatesView } from '@samsyn/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatShare } from '../common/format.ts';
import { FigureTable } from './FigureTable.tsx';
import { comparisonOf, shareSeries, type ComparisonRow, type Filters } from './panelData.ts';
import { whiskerSeries } from './whiskers.ts';

/** The municipalities in one year, ordered by value, each with its interval as a whisker. */
export function ComparisonSection({ view, filters, name }: { view: EstimatesView; filters: Filters; name: string }) {
  const { t } = useTranslation();
  const rows = useMemo(() => comparisonOf(view, filters), [view, filters]);
  const shown = rows.filter((r) => !r.cell.suppressed);
  const option = useMemo(() => comparisonOption(shown, t('dashboards.share')), [shown, t]);
  const headingId = `comparison-${view.indicator.id}`;
  const cells = (r: ComparisonRow, locale?: string) =>
    r.cell.suppressed ? [r.name, t(`dashboards.suppressed.${r.cell.reason}`), '–', '–'] : [r.name, formatShare(r.cell.proportion, locale), `${formatShare(r.cell.lower, locale)}–${formatShare(r.cell.upper, locale)}`, String(r.cell.respondents)];
  const heading = t('dashboards.comparisonHeading', { year: filters.year });
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{heading}</Title>
      <FigureTable
        headingId={headingId}
        testId="comparison-table"
        chart={{ option, label: t('dashboards.comparisonLabel', { year: filters.year }), height: Math.max(220, 48 * shown.length + 60) }}
        exportName={`${name}-kommuner-${filters.year}`}
        exportLabel={t('dashboards.comparisonSheet')}
        tableLabel={t('dashboards.tableOf', { name: heading })}
        header={[t('dashboards.municipality'), t('dashboards.share'), t('dashboards.interval'), t('dashboards.respondents')]}
        rows={(locale) => rows.map((r) => cells(r, locale))}
        note={
          <Group gap="xs" mt={4} data-testid="municipality-links">
            <Text size="xs">{t('municipalityPages.comparisonLinks')}</Text>
            {[...rows].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((r) => <Anchor key={r.area} component={Link} to={`/population/municipalities/${r.area}`} size="xs">{r.name}</Anchor>)}
          </Group>
        }
      />
    </section>
  );
}
/** Horizontal bars, best at the top, with a whisker from the interval's lower to its upper end. */
function comparisonOption(rows: ComparisonRow[], shareName: string) {
  const series = shareSeries(rows.map((r) => r.cell));
  const label = (v: number) => formatShare(v / 100);
  const names = rows.map((r) => r.name).reverse();
  const values = [...series.value].reverse();
  const whiskers = series.lower.map((lower, i) => [rows.length - 1 - i, lower ?? 0, series.upper[i] ?? 0]);
  return {
    aria: { enabled: true },
    grid: { left: 110, right: 60, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? label(v) : '–') },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => label(v) } },
    yAxis: { type: 'category', data: names },
    series: [
      { name: shareName, type: 'bar', data: values, color: '#1864ab', barMaxWidth: 28, label: { show: true, position: 'right', formatter: (p: { value: number }) => label(p.value) } },
      whiskerSeries(whiskers, 'horizontal'),
    ],
  };
}
