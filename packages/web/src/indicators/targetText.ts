import type { indicatorUnits, TargetRuleInput, TargetStatus } from '@samsyn/core';
import { targetStatusSymbols } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { formatFigure } from '../common/format.ts';

type IndicatorUnit = (typeof indicatorUnits)[number];

/** Texts of a target and its status, in the UI language's number format (`+2,0`, `72,5`). */

export function formatValue(value: number, locale?: string): string {
  return formatFigure(value, { exact: true }, locale);
}

export function formatChange(value: number, locale?: string): string {
  return formatFigure(value, { exact: true, sign: true }, locale);
}

/** "+2,0 per år från 70,0 (2020)" or "72,0 år 2026, från 60,0 (2020)", in the indicator's unit. */
export function ruleText(rule: TargetRuleInput, t: TFunction, locale?: string): string {
  const base = { year: rule.baselineYear, value: formatValue(rule.baselineValue, locale) };
  if (rule.kind === 'yearly_change') return t('populationTargets.ruleYearly', { ...base, change: formatChange(rule.changePerYear, locale) });
  return t('populationTargets.ruleFixed', { ...base, targetYear: rule.targetYear, targetValue: formatValue(rule.targetValue, locale) });
}

/** A status in words with its symbol, never a colour alone (WCAG 1.4.1). */
export function statusText(status: TargetStatus, t: TFunction): string {
  return `${targetStatusSymbols[status]} ${t(`dashboards.statuses.${status}`)}`;
}

/**
 * A rule in the indicator's unit: a percent's change in percentage points
 * ("+2,0 procentenheter per år från 2023, utgångsvärde 61,3 %"); other units as `ruleText`.
 */
export function unitRuleText(rule: TargetRuleInput, unit: IndicatorUnit, t: TFunction, locale?: string): string {
  if (unit !== 'percent') return ruleText(rule, t, locale);
  const base = { year: rule.baselineYear, value: formatValue(rule.baselineValue, locale) };
  if (rule.kind === 'yearly_change') return t('populationTargets.rulePoints', { ...base, change: formatChange(rule.changePerYear, locale) });
  return t('populationTargets.ruleShareFixed', { ...base, targetYear: rule.targetYear, targetValue: formatValue(rule.targetValue, locale) });
}

/** What judges a trend, in words: a stored target and whose it is, the county's shared rule, or nothing. */
export type JudgedBy = { source: 'stored'; rule: TargetRuleInput; organisation: string } | { source: 'shared'; rule: TargetRuleInput } | null;

export function judgedByText(judge: JudgedBy, areaName: string, unit: IndicatorUnit, t: TFunction): string {
  if (!judge) return t('populationTargets.noTargetForArea', { area: areaName });
  const rule = unitRuleText(judge.rule, unit, t);
  return judge.source === 'stored' ? t('populationTargets.judgedStored', { organisation: judge.organisation, rule }) : t('populationTargets.judgedShared', { area: areaName, rule });
}
