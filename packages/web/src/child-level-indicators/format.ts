import type { TFunction } from 'i18next';
import { currentLocale } from '../i18n/index.ts';
import type { ChildLevelCell } from './useChildLevelIndicators.ts';

/** A figure the Swedish way (`12,3`), one decimal at most. */
export function formatNumber(value: number, locale = currentLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A hidden cell in words ("för få"), never a figure. */
export function suppressedText(cell: Pick<ChildLevelCell, 'suppressed_reason'>, t: TFunction): string {
  return t(`schoolProfiles.childLevel.suppressed.${cell.suppressed_reason ?? 'too_few'}`);
}
