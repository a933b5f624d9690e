import { formatStockholmDateTime, type IntakeQueueRow } from '@samsyn/core';
import type { TFunction } from 'i18next';

/** The next step and its deadline in words, with "overdue" said, not only shown in colour. */
export function nextStepText(row: Pick<IntakeQueueRow, 'status'>, t: TFunction): string {
  const { status } = row;
  if (status.next === 'done') return t('reports.intake.next.done');
  const due = formatStockholmDateTime(new Date(status.next === 'protection_assessment' ? status.protectionAssessmentDue : status.initialAssessmentDue));
  return t(status.overdue ? 'reports.intake.dueOverdue' : 'reports.intake.due', { step: t(`reports.intake.next.${status.next}`), due });
}
