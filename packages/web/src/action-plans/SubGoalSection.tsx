import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionPlanView, ActivityView, SubGoalView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { useFocusableWhenScrolling } from '../common/DataTable.tsx';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { StatusBadge, ToneBadge } from './StatusBadge.tsx';

interface Props {
  plan: ActionPlanView;
  subGoal: SubGoalView;
  onEditSubGoal: () => void;
  onNewActivity: () => void;
  onEditActivity: (activity: ActivityView) => void;
  onReview: (activity: ActivityView) => void;
}

/** A sub-goal and its activities, laid out as the plan's table: activity and responsible, dates, status, follow-up, communication. */
export function SubGoalSection({ plan, subGoal, onEditSubGoal, onNewActivity, onEditActivity, onReview }: Props) {
  const { t } = useTranslation();
  const { ref, tabIndex } = useFocusableWhenScrolling();
  const headingId = `sub-goal-${subGoal.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} id={headingId}>{subGoal.title}</Title>
          {subGoal.description && <Text c="dimmed" mt={2} style={{ whiteSpace: 'pre-wrap' }}>{subGoal.description}</Text>}
        </div>
        {plan.canEdit && (
          <Group gap="xs">
            <Button size="compact-sm" variant="default" onClick={onEditSubGoal} aria-label={t('actionPlans.plan.editSubGoal', { name: subGoal.title })}>{t('actionPlans.activity.edit')}</Button>
            <Button size="compact-sm" variant="light" onClick={onNewActivity} aria-label={t('actionPlans.plan.newActivityIn', { name: subGoal.title })}>{t('actionPlans.plan.newActivity')}</Button>
          </Group>
        )}
      </Group>
      {subGoal.activities.length === 0 ? (
        <Text c="dimmed" mt="xs">{t('actionPlans.plan.noActivities')}</Text>
      ) : (
        <div ref={ref} tabIndex={tabIndex} className="table-scroll page-panel" style={{ marginTop: 8 }}>
          <Table verticalSpacing="xs" className="data-table stacks">
            <Table.Caption className="visually-hidden">{t('actionPlans.plan.activityCaption', { name: subGoal.title })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {[t('actionPlans.activity.title'), t('actionPlans.activity.dates'), t('common.status'), t('actionPlans.activity.followUp'), t('actionPlans.activity.communication'), t('actionPlans.activity.lastReview'), t('common.actions')].map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subGoal.activities.map((a) => <ActivityRow key={a.id} plan={plan} activity={a} onEdit={() => onEditActivity(a)} onReview={() => onReview(a)} />)}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}

function ActivityRow({ plan, activity: a, onEdit, onReview }: { plan: ActionPlanView; activity: ActivityView; onEdit: () => void; onReview: () => void }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en';
  const responsible = a.responsibleUser ? `${a.responsibleUser.displayName}, ${a.responsibleOrganisation.name}` : a.responsibleOrganisation.name;
  const label = (key: 'actionPlans.activity.title' | 'actionPlans.activity.dates' | 'common.status' | 'actionPlans.activity.followUp' | 'actionPlans.activity.communication' | 'actionPlans.activity.lastReview' | 'common.actions') => t(key);
  return (
    <Table.Tr id={`activity-${a.id}`} className={a.status === 'late' ? 'row-late' : undefined}>
      <Table.Td data-label={label('actionPlans.activity.title')}>
        <Text fw={600} size="sm">{a.title}</Text>
        <Text size="sm">{t('actionPlans.activity.responsible')}: {responsible}</Text>
      </Table.Td>
      <Table.Td data-label={label('actionPlans.activity.dates')} className="nowrap">
        <Text size="sm">{formatDate(a.startsOn)} – {formatDate(a.endsOn)}</Text>
        {a.nextCheckIn && <Text size="sm" c="dimmed">{t('actionPlans.activity.nextCheckIn', { date: formatDate(a.nextCheckIn) })}</Text>}
        {a.checkInDue && <ToneBadge tone="soon_late" symbol="⏰">{t('actionPlans.activity.checkInDue')}</ToneBadge>}
      </Table.Td>
      <Table.Td data-label={label('common.status')}><StatusBadge status={a.status} /></Table.Td>
      <Table.Td data-label={label('actionPlans.activity.followUp')}>
        <Stack gap={2}>
          {a.followUp.how && <Text size="sm">{a.followUp.how}</Text>}
          {a.followUp.when && <Text size="sm" c="dimmed">{a.followUp.when}</Text>}
          {a.followUp.indicators.length > 0 && <Text size="sm">{t('actionPlans.activity.indicators')}: {a.followUp.indicators.map((i) => (english ? i.nameEn : i.nameSv)).join(', ')}</Text>}
        </Stack>
      </Table.Td>
      <Table.Td data-label={label('actionPlans.activity.communication')}>
        <ul className="plain-list">
          {a.communication.map((c, i) => <li key={i}><Text size="sm">{c.audience} – {c.channel} – {c.when}</Text></li>)}
        </ul>
      </Table.Td>
      <Table.Td data-label={label('actionPlans.activity.lastReview')}>
        {a.lastReview ? (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">{t('actionPlans.review.by', { date: formatDate(a.lastReview.reviewedOn), name: a.lastReview.by.displayName })}</Text>
            <Text size="sm" lineClamp={3}>{a.lastReview.comment}</Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">{t('actionPlans.activity.noReview')}</Text>
        )}
      </Table.Td>
      <Table.Td data-label={label('common.actions')}>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" variant={a.canReview ? 'filled' : 'default'} onClick={onReview} aria-label={t(a.canReview ? 'actionPlans.activity.reviewNamed' : 'actionPlans.activity.historyNamed', { name: a.title })}>
            {t(a.canReview ? 'actionPlans.activity.review' : 'actionPlans.activity.history')}
          </Button>
          {plan.canEdit && <Button size="compact-sm" variant="light" onClick={onEdit} aria-label={t('actionPlans.activity.editNamed', { name: a.title })}>{t('actionPlans.activity.edit')}</Button>}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
