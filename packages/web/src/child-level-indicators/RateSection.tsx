import { Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFigure } from '../common/format.ts';
import { FigureTable } from '../dashboards/FigureTable.tsx';
import { suppressedText } from './format.ts';
import type { ChildLevelCell, RateIndicator } from './useChildLevelIndicators.ts';

type RateKey = 'active_plans' | 'reports_of_concern' | 'concern_to_plan_days';

/** One of the child level's figures over the quarters in one area: a line chart and its table. */
export function RateSection({ indicator, cells, area, areaName }: { indicator: RateIndicator; cells: ChildLevelCell[]; area: string; areaName: string }) {
  const { t } = useTranslation();
  const key = indicator.replace('samsyn.', '') as RateKey;
  const rows = useMemo(() => cells.filter((c) => c.area_code === area && c.breakdown === '').sort((a, b) => a.quarter.localeCompare(b.quarter)), [cells, area]);
  const valueName = t(`schoolProfiles.childLevel.valueNames.${key}`);
  const header = [t('schoolProfiles.childLevel.quarter'), valueName, t(`schoolProfiles.childLevel.countNames.${key}`), ...(key === 'concern_to_plan_days' ? [] : [t('schoolProfiles.childLevel.children')])];
  const cellsOf = (r: ChildLevelCell, locale?: string) => {
    const counts = key === 'concern_to_plan_days' ? [] : ['–'];
    if (r.suppressed_reason || r.value === null) return [r.quarter, suppressedText(r, t), '–', ...counts];
    return [r.quarter, formatFigure(r.value, {}, locale), String(r.count), ...(key === 'concern_to_plan_days' ? [] : [String(r.denominator)])];
  };
  const option = useMemo(() => ({
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatFigure(v) : '–') },
    xAxis: { type: 'category', data: rows.map((r) => r.quarter) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatFigure(v) } },
    series: [{ name: valueName, type: 'line', data: rows.map((r) => r.value), symbol: 'circle', symbolSize: 8, color: '#1864ab', connectNulls: false }],
  }), [rows, valueName]);
  const headingId = `child-level-${key}`;
  const name = t(`schoolProfiles.childLevel.names.${key}`);
  return (
    <section aria-labelledby={headingId} className="page-panel">
      <Stack gap={0} p="lg">
        <Title order={2} size="h3" id={headingId}>{name}</Title>
        <FigureTable
          headingId={headingId}
          testId={`table-${key}`}
          chart={{ option, label: t('schoolProfiles.childLevel.chartLabel', { name, area: areaName }), height: 260 }}
          exportName={`${indicator}-${area}`}
          exportLabel={name}
          tableLabel={t('dashboards.tableOf', { name })}
          header={header}
          rows={(locale) => rows.map((r) => cellsOf(r, locale))}
        />
      </Stack>
    </section>
  );
}
