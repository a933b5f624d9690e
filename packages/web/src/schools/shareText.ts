import type { ProfileShare } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { formatShare } from '../common/format.ts';

/** A profile's cell in words: the share with its interval, or a hidden cell's reason ("för få svar"). */
export function shareText(s: ProfileShare, t: TFunction, locale?: string): string {
  return s.suppressed ? t(`dashboards.suppressed.${s.reason}`) : `${formatShare(s.proportion, locale)} (${formatShare(s.lower, locale)}–${formatShare(s.upper, locale)})`;
}
