import { Title } from '@mantine/core';
import type { ProfileShare, SchoolProfileView } from '@samsyn/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints, formatShare } from '../common/format.ts';
import { FigureTable } from '../dashboards/FigureTable.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { GenderTable } from './GenderTable.tsx';
import { shareText } from './shareText.ts';

type Indicator = SchoolProfileView['survey'][number];

/** One survey indicator at the school over the waves, beside its municipality and the county; then girls and boys apart. */
export function SurveyTrend({ indicator, unitId }: { indicator: Indicator; unitId: string }) {
  const { t } = useTranslation();
  const name = currentLanguage() === 'sv' ? indicator.nameSv : indicator.nameEn;
  const series = useMemo(() => [t('schoolProfiles.school'), t('schoolProfiles.municipality'), t('dashboards.county')], [t]);
  const header = [t('dashboards.year'), ...series, t('schoolProfiles.change')];
  const cells = (w: Indicator['waves'][number], locale?: string) => [
    String(w.year), shareText(w.school, t, locale), shareText(w.municipality, t, locale), shareText(w.county, t, locale),
    w.change ? `${formatPoints(w.change.difference, t('dashboards.pointsUnit'), locale)} ${w.change.significant ? t('dashboards.significant') : t('dashboards.notSignificant')}` : '–',
  ];
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
      <FigureTable
        headingId={headingId}
        testId={`profile-table-${indicator.id}`}
        chart={{ option, label: t('schoolProfiles.trendLabel', { name }), height: 240 }}
        exportName={`skolprofil-${unitId}-${indicator.id}`}
        exportLabel={name}
        tableLabel={t('dashboards.tableOf', { name })}
        header={header}
        rows={(locale) => indicator.waves.map((w) => cells(w, locale))}
        spans={[{ base: 12, md: 6 }, { base: 12, md: 6 }]}
      />
      <GenderTable indicator={indicator} name={name} unitId={unitId} />
    </section>
  );
}
