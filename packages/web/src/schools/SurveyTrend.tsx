import { Grid, Table, Title } from '@mantine/core';
import type { ProfileShare, SchoolProfileView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartExports } from '../dashboards/ChartExports.tsx';
import { DashboardChart, type ChartHandle } from '../dashboards/DashboardChart.tsx';
import type { ExportTable } from '../dashboards/exports.ts';
import { formatPoints, formatShare } from '../dashboards/format.ts';
import { TableScroll } from '../dashboards/TableScroll.tsx';
import { currentLanguage } from '../i18n/index.ts';

type Indicator = SchoolProfileView['survey'][number];

export function shareText(s: ProfileShare, t: TFunction, locale?: string): string {
  return s.suppressed ? t(`dashboards.suppressed.${s.reason}`) : `${formatShare(s.proportion, locale)} (${formatShare(s.lower, locale)}–${formatShare(s.upper, locale)})`;
}

/** One survey indicator at the school over the waves, beside its municipality and the county. */
export function SurveyTrend({ indicator, unitId }: { indicator: Indicator; unitId: string }) {
  const { t } = useTranslation();
  const name = currentLanguage() === 'sv' ? indicator.nameSv : indicator.nameEn;
  const chart = useRef<ChartHandle | null>(null);
  const handle = useCallback((h: ChartHandle) => (chart.current = h), []);
  const series = useMemo(() => [t('schoolProfiles.school'), t('schoolProfiles.municipality'), t('dashboards.county')], [t]);
  const header = [t('dashboards.year'), ...series, t('schoolProfiles.change')];
  const cells = (w: Indicator['waves'][number], locale?: string) => [
    String(w.year), shareText(w.school, t, locale), shareText(w.municipality, t, locale), shareText(w.county, t, locale),
    w.change ? `${formatPoints(w.change.difference, t('dashboards.pointsUnit'), locale)} ${w.change.significant ? t('dashboards.significant') : t('dashboards.notSignificant')}` : '–',
  ];
  const table = (): ExportTable => ({ header, rows: indicator.waves.map((w) => cells(w, 'sv-SE')) });
  const option = useMemo(() => {
    const pct = (s: ProfileShare) => (s.suppressed ? null : Number((s.proportion * 100).toFixed(2)));
    const parts = [indicator.waves.map((w) => pct(w.school)), indicator.waves.map((w) => pct(w.municipality)), indicator.waves.map((w) => pct(w.county))];
    return {
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatShare(v / 100) : '–') },
      xAxis: { type: 'category', data: indicator.waves.map((w) => String(w.year)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => formatShare(v / 100) } },
      series: series.map((s, i) => ({ name: s, type: 'line', data: parts[i], symbol: ['circle', 'diamond', 'triangle'][i], symbolSize: 9, color: ['#1864ab', '#5c3d00', '#495057'][i], lineStyle: { type: i === 0 ? 'solid' : 'dashed' } })),
    };
  }, [indicator, series]);
  const headingId = `profile-${indicator.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{name}</Title>
      <Grid mt="xs">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DashboardChart option={option} label={t('schoolProfiles.trendLabel', { name })} handle={handle} height={240} />
          <ChartExports name={`skolprofil-${unitId}-${indicator.id}`} label={name} chart={() => chart.current} table={table} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TableScroll label={t('dashboards.tableOf', { name })}>
            <Table aria-labelledby={headingId} data-testid={`profile-table-${indicator.id}`}>
              <Table.Thead>
                <Table.Tr>{header.map((h) => <Table.Th scope="col" key={h}>{h}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicator.waves.map((w) => {
                  const [year, ...rest] = cells(w);
                  return (
                    <Table.Tr key={w.year}>
                      <Table.Th scope="row">{year}</Table.Th>
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
