import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { refusalText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { usePendingHandover, useWithdrawHandover } from './useCareTeam.ts';

/**
 * On the record, for the proposer of the child's pending handover (the policy offers them
 * `withdraw_handover`): whom it waits for, and the withdrawal. Anyone else the record tells only
 * that one is pending, where it would have offered a proposal.
 */
export function PendingHandoverCard({ childId, canWithdraw, blocked, onChanged }: { childId: string; canWithdraw: boolean; blocked: boolean; onChanged: (text: string, kind: 'success' | 'error') => void }) {
  const { t } = useTranslation();
  const pending = usePendingHandover(childId, canWithdraw);
  const withdraw = useWithdrawHandover();
  const handover = pending.data?.handover ?? null;
  if (!canWithdraw) return blocked ? <Text size="sm" c="dimmed">{t('handovers.pendingBlocked')}</Text> : null;
  if (!handover) return null;
  const name = handover.to.displayName;
  return (
    <Alert color="blue" variant="light" aria-label={t('handovers.pendingOnRecord')}>
      <Text fw={700} c="dark.8" mb={4}>{t('handovers.pendingOnRecord')}</Text>
      <Text size="sm" c="dark.8">
        {t('handovers.pendingOnRecordText', { name, organisation: handover.toOrganisation.name, lifeStage: t(`handovers.lifeStages.${handover.lifeStage}`), date: formatDate(handover.proposedAt) })}
      </Text>
      {handover.previousStaysMember !== null && handover.from && (
        <Text size="sm" c="dark.8" mt={4}>{t(handover.previousStaysMember ? 'handovers.previousStays' : 'handovers.previousLeaves', { name: handover.from.displayName })}</Text>
      )}
      <Button
        mt="sm"
        size="compact-sm"
        variant="default"
        loading={withdraw.isPending}
        onClick={() =>
          withdraw.mutate(handover.id, {
            onSuccess: () => onChanged(t('handovers.withdrawn', { name }), 'success'),
            onError: (error) => onChanged(refusalText(error, t, currentLanguage()), 'error'),
          })
        }
      >
        {t('handovers.withdraw')}
      </Button>
    </Alert>
  );
}
