import { Title } from '@mantine/core';
import type { ProfileShare, SchoolProfileView } from '@samsyn/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../common/format.ts';
import { FigureTable } from '../dashboards/FigureTable.tsx';
import { shareText } from './shareText.ts';

type Indicator = SchoolProfileView['survey'][number];

/**
 * Girls and boys apart at the school, beside the municipality and the county, wave by wave. The
 * cells are the server's, hidden where the analysts' tables hide them ("för få svar"); a hidden
 * cell is a gap in the chart and its reason in the table, never a figure.
 */
export function GenderTable({ indicator, name, unitId }: { indicator: Indicator; name: string; unitId: string }) {
  const { t } = useTranslation();
  const rows = useMemo(() => indicator.waves.flatMap((w) => w.genders.map((g) => ({ year: w.year, ...g }))), [indicator]);
  const option = useMemo(() => {
    const pct = (s: ProfileShare) => (s.suppressed ? null : Number((s.proportion * 100).toFixed(2)));
    const years = indicator.waves.map((w) => String(w.year));
    return {
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatShare(v / 100) : '–') },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => formatShare(v / 100) } },
      series: (['K', 'M'] as const).map((gender, i) => ({
        name: t(`dashboards.genders.${gender}`),
        type: 'bar',
        barMaxWidth: 28,
        color: ['#1864ab', '#5c3d00'][i],
        data: indicator.waves.map((w) => {
          const g = w.genders.find((x) => x.gender === gender);
          return g ? pct(g.school) : null;
        }),
      })),
    };
  }, [indicator, t]);
  const headingId = `profile-gender-${indicator.id}`;
  const heading = t('population3.genderHeading', { name });
  return (
    <section aria-labelledby={headingId}>
      <Title order={4} size="h5" id={headingId}>{heading}</Title>
      <FigureTable
        headingId={headingId}
        testId={`profile-gender-${indicator.id}`}
        chart={{ option, label: t('population3.genderLabel', { name }), height: 220 }}
        exportName={`skolprofil-${unitId}-${indicator.id}-kon`}
        exportLabel={t('population3.genderSheet')}
        tableLabel={t('dashboards.tableOf', { name: heading })}
        header={[t('dashboards.year'), t('dashboards.gender'), t('schoolProfiles.school'), t('schoolProfiles.municipality'), t('dashboards.county')]}
        rows={(locale) => rows.map((r) => [String(r.year), t(`dashboards.genders.${r.gender}`), shareText(r.school, t, locale), shareText(r.municipality, t, locale), shareText(r.county, t, locale)])}
        spans={[{ base: 12, md: 5 }, { base: 12, md: 7 }]}
      />
    </section>
  );
}
