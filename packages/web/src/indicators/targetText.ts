import type { TargetRuleInput, TargetStatus } from '@samsyn/core';
import { targetStatusSymbols } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { currentLocale } from '../i18n/index.ts';

/** Texts of a target and its status, in the UI language's number format (`+2,0`, `72,5`). */

export function formatValue(value: number, locale = currentLocale()): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatChange(value: number, locale = currentLocale()): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
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
