import { Anchor, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { canCreateActionPlan, priorityAreas, type ActionPlanSummary } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { formatDate } from '../common/format.ts';
import { ListPage } from '../common/ListPage.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { useListPage } from '../common/useListPage.ts';
import { PlanForm } from './PlanForm.tsx';
import { StatusBadge, ToneBadge } from './StatusBadge.tsx';
import { planActor, useActionPlans, useActionPlanTasks } from './useActionPlans.ts';

type PlanRow = ActionPlanSummary & { active: true };

/** Verksamhet: the caller's tasks in action plans, then every plan, sorted, filtered and exported. */
export function ActionPlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const plans = useActionPlans();
  const list = useListPage<PlanRow>({ sortKey: 'title' });
  const [area, setArea] = useState<string | null>(null);
  const [onlyLate, setOnlyLate] = useState(false);
  const rows = { ...plans, data: plans.data?.plans.map((p): PlanRow => ({ ...p, active: true })) };

  const columns: Column<PlanRow>[] = [
    { key: 'title', header: t('actionPlans.planTitle'), value: (p) => p.title, render: (p) => <Anchor component={Link} to={`/operations/action-plans/${p.id}`} fw={600}>{p.title}</Anchor> },
    { key: 'owner', header: t('actionPlans.owner'), value: (p) => [p.owner.name, ...p.sharing.map((o) => o.name)].join(', ') },
    { key: 'period', header: t('actionPlans.period'), value: (p) => `${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)}`, nowrap: true },
    { key: 'priorityArea', header: t('actionPlans.priorityArea'), value: (p) => t(`indicators.priorityAreas.${p.priorityArea}`) },
    { key: 'activities', header: t('actionPlans.activities'), value: (p) => p.activities },
    {
      key: 'status',
      header: t('actionPlans.statusSummary'),
      value: (p) => t('actionPlans.countsText', { late: p.counts.late, soonLate: p.counts.soon_late, count: p.activities }),
      render: (p) => (
        <Group gap={4}>
          {p.counts.late > 0 && <Group gap={2} wrap="nowrap"><StatusBadge status="late" /><Text size="sm">{p.counts.late}</Text></Group>}
          {p.counts.soon_late > 0 && <Group gap={2} wrap="nowrap"><StatusBadge status="soon_late" /><Text size="sm">{p.counts.soon_late}</Text></Group>}
          <Text size="sm" className="visually-hidden">{t('actionPlans.countsText', { late: p.counts.late, soonLate: p.counts.soon_late, count: p.activities })}</Text>
        </Group>
      ),
    },
    { key: 'openRound', header: t('actionPlans.openRound'), value: (p) => (p.openRound ? t('common.yes') : t('common.none')), nowrap: true },
    { key: 'canEdit', header: t('actionPlans.youEdit'), value: (p) => (p.canEdit ? t('common.yes') : t('common.none')), nowrap: true },
  ];

  return (
    <Stack gap="xl">
      <ListPage
        list={list}
        query={rows}
        title={t('actionPlans.title')}
        intro={t('actionPlans.intro')}
        newLabel={canCreateActionPlan(planActor(me)) ? t('actionPlans.new') : undefined}
        inactiveFilter={false}
        filters={
          <>
            <Select label={t('actionPlans.priorityArea')} placeholder={t('actionPlans.allAreas')} data={priorityAreas.map((a) => ({ value: a, label: t(`indicators.priorityAreas.${a}`) }))} value={area} onChange={setArea} clearable />
            <Checkbox label={t('actionPlans.onlyLate')} checked={onlyLate} onChange={(e) => setOnlyLate(e.currentTarget.checked)} mt={{ base: 0, sm: 30 }} />
          </>
        }
        filter={(p) => list.matches(p, `${p.title} ${p.owner.name} ${p.sharing.map((o) => o.name).join(' ')}`) && (!area || p.priorityArea === area) && (!onlyLate || p.counts.late > 0)}
        filterKey={[area, onlyLate]}
        columns={columns}
        caption={t('actionPlans.caption')}
        exportFile={t('actionPlans.exportFile')}
        formTitle={t('actionPlans.createTitle')}
        formSize="lg"
        form={<PlanForm key={list.editing.key} plan={null} onCancel={list.closeForm} onSaved={(saved) => { list.closeForm(); void navigate(`/operations/action-plans/${saved.id}`); }} />}
      />
      <MyTasks />
    </Stack>
  );
}

function MyTasks() {
  const { t } = useTranslation();
  const tasks = useActionPlanTasks();
  return (
    <section aria-labelledby="action-plan-tasks">
      <Title order={2} size="h3" id="action-plan-tasks" mb="xs">{t('actionPlans.tasks.title')}</Title>
      {tasks.data && tasks.data.length === 0 && <Text c="dimmed">{t('actionPlans.tasks.none')}</Text>}
      <ul className="plain-list">
        {(tasks.data ?? []).map((task) => (
          <li key={`${task.kind}-${task.activityId}-${task.roundId ?? ''}`}>
            <Group gap="xs" py={4} wrap="wrap">
              <ToneBadge tone={task.kind === 'round' ? 'ongoing' : 'soon_late'} symbol={task.kind === 'round' ? '☑' : '⏰'}>
                {t(`actionPlans.tasks.${task.kind}`, { date: formatDate(task.dueOn) })}
              </ToneBadge>
              <Anchor component={Link} to={`/operations/action-plans/${task.planId}#activity-${task.activityId}`}>{t('actionPlans.tasks.open', { activity: task.activityTitle })}</Anchor>
              <Text size="sm" c="dimmed">{task.planTitle}</Text>
            </Group>
          </li>
        ))}
      </ul>
    </section>
  );
}
