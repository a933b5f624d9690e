import type { TFunction } from 'i18next';
import { formatPoints, formatShare } from '../common/format.ts';
import { statusText } from '../indicators/targetText.ts';
import type { TrendRow } from './panelData.ts';

/**
 * The trend's table as text, for the page and its CSV and Excel exports alike: year, share,
 * interval, respondents, change, target, status, gap, and the area beside (its share and interval)
 * when there is one. A hidden cell is its reason in words, never a figure.
 */

export function trendHeader(t: TFunction, besideName?: string): string[] {
  const header = [t('dashboards.year'), t('dashboards.share'), t('dashboards.interval'), t('dashboards.respondents'), t('dashboards.change'), t('dashboards.target'), t('dashboards.status'), t('populationTargets.gap')];
  return besideName === undefined ? header : [...header, t('dashboards.besideShare', { area: besideName }), t('dashboards.besideInterval', { area: besideName })];
}

export function trendCells(rows: readonly TrendRow[], t: TFunction, locale: string | undefined, beside: boolean): string[][] {
  return rows.map((r) => [...rowCells(r, t, locale), ...(beside ? besideCells(r, t, locale) : [])]);
}

function rowCells(r: TrendRow, t: TFunction, locale?: string): string[] {
  const status = r.status ? statusText(r.status, t) : r.expected === null ? '–' : t('dashboards.baseline');
  const target = r.expected === null ? '–' : formatShare(r.expected, locale);
  const gap = r.gap === null ? '–' : formatPoints(r.gap, t('dashboards.pointsUnit'), locale);
  if (r.cell.suppressed) return [String(r.year), t(`dashboards.suppressed.${r.cell.reason}`), '–', '–', '–', target, status, gap];
  const c = r.cell.change;
  const change = c ? `${formatPoints(c.difference, t('dashboards.pointsUnit'), locale)} ${c.significant ? t('dashboards.significant') : t('dashboards.notSignificant')}` : '–';
  return [String(r.year), formatShare(r.cell.proportion, locale), `${formatShare(r.cell.lower, locale)}–${formatShare(r.cell.upper, locale)}`, String(r.cell.respondents), change, target, status, gap];
}

function besideCells(r: TrendRow, t: TFunction, locale?: string): string[] {
  if (!r.beside) return ['–', '–'];
  if (r.beside.suppressed) return [t(`dashboards.suppressed.${r.beside.reason}`), '–'];
  return [formatShare(r.beside.proportion, locale), `${formatShare(r.beside.lower, locale)}–${formatShare(r.beside.upper, locale)}`];
}
