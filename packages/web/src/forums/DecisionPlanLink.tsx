import { Group, Select } from '@mantine/core';
import type { ActionPlanView } from '@samsyn/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useActionPlans } from '../action-plans/useActionPlans.ts';

export interface PlanLink { actionPlanId: string | null; subGoalId: string | null; activityId: string | null }
export const noLink: PlanLink = { actionPlanId: null, subGoalId: null, activityId: null };

/** A decision's link to an action plan, and optionally one of its sub-goals or activities. */
export function DecisionPlanLink({ value, onChange }: { value: PlanLink; onChange: (link: PlanLink) => void }) {
  const { t } = useTranslation();
  const plans = useActionPlans();
  const planId = value.actionPlanId;
  // Same cache key as the plan page, fetched only once a plan is chosen.
  const plan = useQuery({ queryKey: ['action-plans', 'plan', planId ?? ''], queryFn: () => api<ActionPlanView>('GET', `/api/action-plans/${encodeURIComponent(planId ?? '')}`), enabled: planId !== null });
  const rows = (plan.data?.subGoals ?? []).map((g) => ({
    group: g.title,
    items: [{ value: `goal:${g.id}`, label: t('forumEditor.wholeSubGoal', { title: g.title }) }, ...g.activities.map((a) => ({ value: `activity:${g.id}:${a.id}`, label: a.title }))],
  }));
  const row = value.activityId ? `activity:${value.subGoalId}:${value.activityId}` : value.subGoalId ? `goal:${value.subGoalId}` : null;
  const chooseRow = (v: string | null) => {
    const [kind, goal, activity] = (v ?? '').split(':');
    onChange({ actionPlanId: planId, subGoalId: kind ? goal ?? null : null, activityId: kind === 'activity' ? activity ?? null : null });
  };
  return (
    <Group grow align="flex-start">
      <Select label={t('forumEditor.plan')} placeholder={t('forumEditor.noPlan')} data={(plans.data?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))} value={planId} onChange={(id) => onChange({ ...noLink, actionPlanId: id })} clearable searchable />
      <Select label={t('forumEditor.planRow')} placeholder={t('forumEditor.wholePlan')} data={rows} value={row} onChange={chooseRow} disabled={!planId} clearable searchable />
    </Group>
  );
}
