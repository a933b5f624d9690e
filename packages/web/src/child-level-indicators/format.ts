import type { TFunction } from 'i18next';
import type { ChildLevelCell } from './useChildLevelIndicators.ts';

/** A hidden cell in words ("för få"), never a figure. */
export function suppressedText(cell: Pick<ChildLevelCell, 'suppressed_reason'>, t: TFunction): string {
  return t(`schoolProfiles.childLevel.suppressed.${cell.suppressed_reason ?? 'too_few'}`);
}
