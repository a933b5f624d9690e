import { runChartMinimumPoints, type SeriesView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { formatChange, formatValue } from './targetText.ts';

/** A series' changes and its run-chart verdict in words, in the UI language's numbers or a given locale's (the exports'). */

type Change = SeriesView['changes'][number];
/** What the words depend on: a share's change is in percentage points, and only a share with counts has an interval. */
type Of = Pick<SeriesView['indicator'], 'unit' | 'sourceKind'>;

/** The unit a difference is counted in: percentage points for a share, else the indicator's own unit. */
function pointsUnit(indicator: Of, t: TFunction): string {
  const unit = indicator.unit;
  return unit === 'percent' || unit === 'rate_per_1000' ? t(`population3.points.${unit}`) : '';
}

/** "+2,1 procentenheter (95 % KI 0,4–3,8)", or the change alone where no interval can be given. */
export function changeText(c: Change, indicator: Of, t: TFunction, locale?: string): string {
  const change = `${formatChange(c.difference, locale)} ${pointsUnit(indicator, t)}`.trim();
  if (!c.interval) return change;
  return t('population3.withInterval', { change, lower: formatValue(c.interval.lower, locale), upper: formatValue(c.interval.upper, locale) });
}

/** The interval alone, or why there is none: Kolada gives no counts, a year lacks its count, or the figure is not a share. */
export function intervalText(c: Change, indicator: Of, t: TFunction, locale?: string): string {
  if (c.interval) return `${formatValue(c.interval.lower, locale)}–${formatValue(c.interval.upper, locale)}`;
  if (indicator.unit !== 'percent') return t('population3.noInterval.notShare');
  return t(indicator.sourceKind === 'kolada' ? 'population3.noInterval.kolada' : 'population3.noInterval.noCounts');
}

/** Anhøj's verdict in words: too few points, a shift (a long run), too few crossings (a trend or a lasting shift), or chance alone. */
export function runChartText(run: SeriesView['runChart'], t: TFunction, locale?: string): string {
  const median = run.median === null ? '–' : formatValue(run.median, locale);
  // Fewer useful points than the rules are calibrated for never signal (runChartAnalysis in core).
  if (run.n < runChartMinimumPoints) return t('population3.runChart.tooFew', { n: run.n, min: runChartMinimumPoints });
  const parts: string[] = [];
  if (run.runsSignal) parts.push(t('population3.runChart.shift', { run: run.longestRun, max: run.longestRunMax, median }));
  if (run.crossingsSignal) parts.push(t('population3.runChart.crossings', { count: run.crossings, min: run.crossingsMin, median }));
  if (parts.length === 0) parts.push(t('population3.runChart.none', { n: run.n, run: run.longestRun, max: run.longestRunMax, crossings: run.crossings, min: run.crossingsMin }));
  return parts.join(' ');
}
