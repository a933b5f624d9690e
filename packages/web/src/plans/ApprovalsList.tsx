import { Stack, Text } from '@mantine/core';
import type { PlanApprovalView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';

/** The family's answers, by relation only ("En vårdnadshavare godkände …"), never by name. */
export function ApprovalsList({ approvals }: { approvals: readonly PlanApprovalView[] }) {
  const { t } = useTranslation();
  if (approvals.length === 0) return <Text size="sm" c="dimmed">{t('plans.approval.none')}</Text>;
  return (
    <Stack gap={4} component="ul" className="plain-list" mt="xs">
      {approvals.map((a, i) => (
        <li key={`${a.revision}-${a.at}-${i}`}>
          <Text size="sm" c="dark.8">{t('plans.approval.answer', { by: t(`plans.approval.by.${a.by}`), decision: t(`plans.approval.decisions.${a.decision}`), revision: a.revision, time: formatDate(a.at) })}{a.comment ? `: ”${a.comment}”` : ''}</Text>
        </li>
      ))}
    </Stack>
  );
}
