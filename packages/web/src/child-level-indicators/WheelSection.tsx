import { Title } from '@mantine/core';
import { defaultWheelModel } from '@samsyn/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShare } from '../common/format.ts';
import { FigureTable } from '../dashboards/FigureTable.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { suppressedText } from './format.ts';
import type { ChildLevelCell } from './useChildLevelIndicators.ts';

export const respondents = ['child', 'guardian', 'professional'] as const;
type Respondent = (typeof respondents)[number];
const ratings = defaultWheelModel.scale.map((p) => p.value);
const colours = ['#c92a2a', '#e8590c', '#868e96', '#2b8a3e', '#1864ab'];
const ratingLabel = (r: number, language: 'sv' | 'en') => `${r} ${defaultWheelModel.scale.find((p) => p.value === r)!.label[language]}`;

/**
 * The wellbeing wheel's ratings in one area and quarter, per wheel area, for one kind of respondent:
 * the child's own view, guardians' and professionals' are each their own chart and table, never
 * added up. A share is of that wheel area's ratings by that respondent; a hidden cell says why.
 */
export function WheelSection({ respondent, cells, area, quarter, areaName }: { respondent: Respondent; cells: ChildLevelCell[]; area: string; quarter: string; areaName: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const mine = useMemo(() => new Map(cells.filter((c) => c.area_code === area && c.quarter === quarter && c.breakdown.startsWith(`${respondent}:`)).map((c) => [c.breakdown, c])), [cells, area, quarter, respondent]);
  const wheelAreas = useMemo(() => defaultWheelModel.areas.map((a) => ({ code: a.code, label: a.label[language] })), [language]);
  const text = (c: ChildLevelCell | undefined, totalShown: boolean, locale?: string) => {
    if (!c) return totalShown ? formatShare(0, locale) : '–';
    if (c.suppressed_reason || c.value === null) return suppressedText(c, t);
    return formatShare(c.value / 100, locale);
  };
  const rowCells = (code: string, locale?: string) => {
    const total = mine.get(`${respondent}:${code}:all`);
    const shown = !!total && !total.suppressed_reason;
    return [...ratings.map((r) => text(mine.get(`${respondent}:${code}:${r}`), shown, locale)), total ? (total.suppressed_reason ? suppressedText(total, t) : String(total.count)) : '–'];
  };
  const ratingName = (r: number) => ratingLabel(r, language);
  const header = [t('schoolProfiles.childLevel.wheelArea'), ...ratings.map(ratingName), t('schoolProfiles.childLevel.ratings')];
  const option = useMemo(() => ({
    aria: { enabled: true },
    grid: { left: 120, right: 16, top: 36, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatShare(v / 100) : '–') },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => formatShare(v / 100) } },
    yAxis: { type: 'category', data: wheelAreas.map((a) => a.label).reverse() },
    series: ratings.map((r, i) => ({
      name: ratingLabel(r, language), type: 'bar', stack: 'ratings', color: colours[i],
      data: [...wheelAreas].reverse().map((a) => {
        const c = mine.get(`${respondent}:${a.code}:${r}`);
        return c && !c.suppressed_reason ? c.value : null;
      }),
    })),
  }), [mine, respondent, wheelAreas, language]);
  const headingId = `wheel-${respondent}`;
  const name = t(`schoolProfiles.childLevel.respondents.${respondent}`);
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{name}</Title>
      <FigureTable
        headingId={headingId}
        testId={`wheel-table-${respondent}`}
        chart={{ option, label: t('schoolProfiles.childLevel.wheelChartLabel', { name, area: areaName, quarter }), height: 340 }}
        exportName={`samsyn.wellbeing_ratings-${respondent}-${area}-${quarter}`}
        exportLabel={name}
        tableLabel={t('dashboards.tableOf', { name })}
        header={header}
        rows={(locale) => wheelAreas.map((a) => [a.label, ...rowCells(a.code, locale)])}
        spans={[{ base: 12, lg: 6 }, { base: 12, lg: 6 }]}
      />
    </section>
  );
}
