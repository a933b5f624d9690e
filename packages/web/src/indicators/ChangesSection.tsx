import { Stack, Text, Title } from '@mantine/core';
import type { SeriesView } from '@samsyn/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureTable } from '../dashboards/FigureTable.tsx';
import { changeText, intervalText, runChartText } from './changeText.ts';
import { formatChange } from './targetText.ts';
import { whiskerSeries } from '../dashboards/whiskers.ts';

type Change = SeriesView['changes'][number];

/**
 * A series' change from year to year, each with Newcombe's interval where the shares' counts are
 * known, and whether the series as a whole varies more than chance by Anhøj's run-chart rules.
 * Both are the server's (indicators/series.ts); this only puts them in words, so the page never
 * claims a signal the server did not find.
 */
export function ChangesSection({ view, name }: { view: SeriesView; name: string }) {
  const { t } = useTranslation();
  const option = useMemo(() => changesOption(view.changes, t('population3.change')), [view.changes, t]);
  const headingId = 'changes-heading';
  const header = [t('dashboards.year'), t('population3.change'), t('population3.interval'), t('population3.significance')];
  const cells = (c: Change, locale?: string) => [String(c.year), changeText(c, view.indicator, t, locale), intervalText(c, view.indicator, t, locale), c.interval ? t(c.interval.significant ? 'population3.significant' : 'population3.notSignificant') : '–'];
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>{t('population3.changesHeading')}</Title>
        <Text size="sm" data-testid="run-chart-verdict">{runChartText(view.runChart, t)}</Text>
        {view.changes.length === 0 ? (
          <Text>{t('population3.noChanges')}</Text>
        ) : (
          <FigureTable
            headingId={headingId}
            testId="changes-table"
            chart={{ option, label: t('population3.changesLabel'), height: 260 }}
            exportName={`${name}-forandring`}
            exportLabel={t('population3.changesSheet')}
            tableLabel={t('dashboards.tableOf', { name: t('population3.changesHeading') })}
            header={header}
            rows={(locale) => view.changes.map((c) => cells(c, locale))}
          />
        )}
      </Stack>
    </section>
  );
}

/** A bar per year's change, with a whisker from the interval's lower to its upper end where there is one. */
function changesOption(changes: readonly Change[], name: string) {
  const label = (v: number) => formatChange(v);
  const whiskers = changes.map((c, i) => [i, c.interval?.lower ?? c.difference, c.interval?.upper ?? c.difference]);
  return {
    aria: { enabled: true },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? label(v) : '–') },
    xAxis: { type: 'category', data: changes.map((c) => String(c.year)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => label(v) } },
    series: [
      { name, type: 'bar', data: changes.map((c) => Number(c.difference.toFixed(2))), color: '#1864ab', barMaxWidth: 28 },
      whiskerSeries(whiskers, 'vertical'),
    ],
  };
}
