import { Group, Select, Stack, Text, Title } from '@mantine/core';
import type { IndicatorView, SeriesView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { FigureTable } from '../dashboards/FigureTable.tsx';
import { ChangesSection } from './ChangesSection.tsx';
import { formatChange, formatValue, judgedByText, statusText } from './targetText.ts';
import { useSeries } from './useTargets.ts';

/**
 * A Kolada or local indicator's yearly series for the county or one municipality, with the
 * area's stored target (or the county's shared rule, said in words): the trajectory on the chart, and per year the status in words with its
 * symbol and the gap, in a table beside it; then each year's change with its interval and the
 * run-chart verdict (ChangesSection). Exports as PNG, CSV and Excel as the dashboards do.
 */
export function SeriesSection({ indicator }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const [area, setArea] = useState('county');
  const [gender, setGender] = useState<'T' | 'K' | 'M'>('T');
  const series = useSeries(indicator.id, area, gender);
  const areas = series.data?.areas ?? [{ code: 'county', name: t('dashboards.county') }];
  return (
    <section aria-labelledby="series-heading" className="page-panel">
      <Stack gap="md" p="lg">
        <Title order={2} size="h3" id="series-heading">{t('populationTargets.seriesHeading')}</Title>
        <Group gap="sm" align="end" role="group" aria-label={t('dashboards.filters')}>
          <Select id="series-area" label={t('dashboards.municipality')} data={areas.map((a) => ({ value: a.code, label: a.code === 'county' ? t('dashboards.county') : a.name }))} value={area} onChange={(v) => v && setArea(v)} allowDeselect={false} w={220} />
          <Select id="series-gender" label={t('dashboards.gender')} data={(['T', 'K', 'M'] as const).map((g) => ({ value: g, label: t(`dashboards.genders.${g}`) }))} value={gender} onChange={(v) => v && setGender(v as 'T')} allowDeselect={false} w={160} />
        </Group>
        {series.isPending && <Loading />}
        {series.isError && <LoadError error={series.error} onRetry={() => void series.refetch()} />}
        {series.data && <SeriesBody view={series.data} />}
      </Stack>
    </section>
  );
}

interface Row {
  year: number;
  value: number | null;
  reason: string | null;
  /** The same year's figure of the area shown beside (the county, on a municipality's page). */
  beside: { value: number | null; reason: string | null } | null;
  expected: number | null;
  status: string;
  gap: number | null;
}

type Point = SeriesView['points'][number];
const reasonOf = (point: Point | undefined, t: TFunction) => (point && point.status !== 'ok' ? t(`kolada.statuses.${point.status}`) : null);

function rowsOf(view: SeriesView, t: TFunction, beside?: SeriesView): Row[] {
  const judged = new Map(view.judged.map((j) => [j.year, j]));
  const years = [...new Set([...view.points.map((p) => p.year), ...view.judged.map((j) => j.year)])].sort((a, b) => a - b);
  return years.map((year) => {
    const point = view.points.find((p) => p.year === year);
    const other = beside?.points.find((p) => p.year === year);
    const j = judged.get(year);
    const baseline = view.judgedBy?.rule.baselineYear === year;
    return {
      year,
      value: point?.value ?? null,
      reason: reasonOf(point, t),
      beside: beside ? { value: other?.value ?? null, reason: reasonOf(other, t) } : null,
      expected: j?.expected ?? (baseline ? view.judgedBy!.rule.baselineValue : null),
      status: j ? statusText(j.status, t) : baseline ? t('dashboards.baseline') : '–',
      gap: j?.gap ?? null,
    };
  });
}

/** What judges the series, in words: the stored target and whose, or the county's shared rule. */
function judgedNote(view: SeriesView, areaName: string, t: TFunction): string {
  const by = view.judgedBy;
  const judge = by && view.target && by.source === 'stored' ? { source: 'stored' as const, rule: by.rule, organisation: view.target.organisation.name } : by && by.source === 'shared' ? { source: 'shared' as const, rule: by.rule } : null;
  const text = judgedByText(judge, areaName, view.indicator.unit, t);
  return view.target && view.target.indicatorId !== view.indicator.id ? `${text} ${t('populationTargets.fromDefault', { id: view.target.indicatorId })}` : text;
}

/**
 * The series' chart beside its table, with what judges it said under the table; `beside` (the
 * county's series, on a municipality's page) adds its figures as a line and a column.
 */
export function SeriesBody({ view, beside, changes = true, headingId = 'series-heading' }: { view: SeriesView; beside?: SeriesView; changes?: boolean; headingId?: string }) {
  const { t } = useTranslation();
  const besideName = beside ? (beside.area.code === 'county' ? t('dashboards.county') : beside.area.name) : undefined;
  const rows = useMemo(() => rowsOf(view, t, beside), [view, t, beside]);
  const option = useMemo(() => seriesOption(rows, t, besideName), [rows, t, besideName]);
  const areaName = view.area.code === 'county' ? t('dashboards.county') : view.area.name;
  const header = [t('populationTargets.value'), t('dashboards.target'), t('dashboards.status'), t('populationTargets.gap')];
  const figure = (value: number | null, reason: string | null, locale?: string) => (value === null ? (reason ?? '–') : formatValue(value, locale));
  const cells = (r: Row, locale?: string) => [String(r.year), figure(r.value, r.reason, locale), ...(r.beside ? [figure(r.beside.value, r.beside.reason, locale)] : []), r.expected === null ? '–' : formatValue(r.expected, locale), r.status, r.gap === null ? '–' : formatChange(r.gap, locale)];
  const name = `${view.indicator.id}-${view.area.code}-${view.gender}`;
  if (rows.length === 0) return <Text>{t('dashboards.noData')}</Text>;
  return (
    <>
      <FigureTable
        headingId={headingId}
        testId="series-table"
        chart={{ option, label: t(beside ? 'populationTargets.seriesBesideLabel' : 'populationTargets.seriesLabel', { area: areaName, beside: besideName }) }}
        exportName={name}
        exportLabel={t('populationTargets.seriesSheet')}
        tableLabel={t('dashboards.tableOf', { name: areaName })}
        header={[t('dashboards.year'), ...(beside ? [areaName, besideName!] : [header[0]!]), ...header.slice(1)]}
        rows={(locale) => rows.map((r) => cells(r, locale))}
        note={<Text size="xs" c="dimmed" mt={4} data-testid="series-target">{judgedNote(view, areaName, t)}</Text>}
      />
      {changes && <ChangesSection view={view} name={name} />}
    </>
  );
}

function seriesOption(rows: Row[], t: TFunction, besideName?: string) {
  const label = (v: number) => formatValue(v);
  return {
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    legend: { data: [t('populationTargets.value'), t('dashboards.target'), ...(besideName ? [besideName] : [])], top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? label(v) : '–') },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)), boundaryGap: false },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => label(v) } },
    series: [
      { name: t('populationTargets.value'), type: 'line', data: rows.map((r) => r.value), symbol: 'circle', symbolSize: 8, color: '#1864ab', label: { show: true, position: 'top', formatter: (p: { value: number }) => label(p.value) } },
      { name: t('dashboards.target'), type: 'line', data: rows.map((r) => r.expected), color: '#5c3d00', lineStyle: { type: 'dashed' }, symbol: 'diamond', connectNulls: true },
      ...(besideName ? [{ name: besideName, type: 'line', data: rows.map((r) => r.beside?.value ?? null), color: '#495057', lineStyle: { type: 'dotted' }, symbol: 'triangle', symbolSize: 8 }] : []),
    ],
  };
}
