import { Anchor, Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ActionPlanView, ActivityView, SubGoalView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { StatusMessage, useStatus, type StatusText } from '../common/StatusMessage.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { PlanForm } from './PlanForm.tsx';
import { ReviewDialog } from './ReviewDialog.tsx';
import { ImpactAssessmentSection } from '../impact-assessments/ImpactAssessmentSection.tsx';
import { RoundsPanel } from './RoundsPanel.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { SubGoalForm } from './SubGoalForm.tsx';
import { SubGoalSection } from './SubGoalSection.tsx';
import { exportUrl, useActionPlan } from './useActionPlans.ts';

/** What a dialog of the page is open for. */
type Dialog =
  | { kind: 'plan' }
  | { kind: 'subGoal'; subGoal: SubGoalView | null }
  | { kind: 'activity'; subGoal: SubGoalView; activity: ActivityView | null }
  | { kind: 'review'; activity: ActivityView }
  | null;

/** One action plan: its heading, what is late, the sub-goals with their activities, and the follow-up rounds. */
export function ActionPlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useActionPlan(id);
  const status = useStatus();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) return isApiError(query.error, 404) || isApiError(query.error, 400) ? <NotFoundPage /> : <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;
  const done = (text: StatusText) => {
    setDialog(null);
    status.success(text);
  };
  const close = () => setDialog(null);
  const titles: Record<NonNullable<Dialog>['kind'], string> = {
    plan: t('actionPlans.editTitle'),
    subGoal: dialog?.kind === 'subGoal' && dialog.subGoal ? t('actionPlans.plan.editSubGoal', { name: dialog.subGoal.title }) : t('actionPlans.plan.newSubGoal'),
    activity: dialog?.kind === 'activity' && dialog.activity ? t('actionPlans.activity.editTitle') : dialog?.kind === 'activity' ? t('actionPlans.plan.newActivityIn', { name: dialog.subGoal.title }) : '',
    review: dialog?.kind === 'review' ? t('actionPlans.review.title', { name: dialog.activity.title }) : '',
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/operations">← {t('actionPlans.plan.back')}</Anchor>
      <PageTitle>{plan.title}</PageTitle>
      <StatusMessage status={status.status} onClose={status.clear} />
      <PlanHeading plan={plan} onEdit={() => setDialog({ kind: 'plan' })} />
      <LateSummary plan={plan} />
      <section aria-labelledby="sub-goals">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="sub-goals">{t('actionPlans.plan.subGoals')}</Title>
          {plan.canEdit && <Button variant="light" onClick={() => setDialog({ kind: 'subGoal', subGoal: null })}>{t('actionPlans.plan.newSubGoal')}</Button>}
        </Group>
        {plan.subGoals.length === 0 && <Text c="dimmed">{t('actionPlans.plan.noSubGoals')}</Text>}
        <Stack gap="xl">
          {plan.subGoals.map((g) => (
            <SubGoalSection
              key={g.id}
              plan={plan}
              subGoal={g}
              onEditSubGoal={() => setDialog({ kind: 'subGoal', subGoal: g })}
              onNewActivity={() => setDialog({ kind: 'activity', subGoal: g, activity: null })}
              onEditActivity={(a) => setDialog({ kind: 'activity', subGoal: g, activity: a })}
              onReview={(a) => setDialog({ kind: 'review', activity: a })}
            />
          ))}
        </Stack>
      </section>
      <RoundsPanel plan={plan} status={status} />
      <ImpactAssessmentSection plan={plan} status={status} />
      <Modal opened={dialog !== null} onClose={close} closeButtonProps={{ 'aria-label': t('common.close') }} title={dialog ? titles[dialog.kind] : ''} size={dialog?.kind === 'activity' || dialog?.kind === 'review' ? 'xl' : 'lg'}>
        {dialog?.kind === 'plan' && <PlanForm plan={plan} onCancel={close} onSaved={() => done((tr) => tr('actionPlans.saved'))} />}
        {dialog?.kind === 'subGoal' && <SubGoalForm plan={plan} subGoal={dialog.subGoal} onCancel={close} onSaved={(created) => done((tr) => tr(created ? 'actionPlans.plan.subGoalCreated' : 'actionPlans.plan.subGoalSaved'))} />}
        {dialog?.kind === 'activity' && <ActivityForm plan={plan} subGoal={dialog.subGoal} activity={dialog.activity} onCancel={close} onSaved={(created) => done((tr) => tr(created ? 'actionPlans.activity.created' : 'actionPlans.activity.saved'))} />}
        {dialog?.kind === 'review' && <ReviewDialog plan={plan} activity={plan.subGoals.flatMap((g) => g.activities).find((a) => a.id === dialog.activity.id) ?? dialog.activity} onCancel={close} onSaved={() => done((tr) => tr('actionPlans.review.saved'))} />}
      </Modal>
    </Stack>
  );
}

function PlanHeading({ plan, onEdit }: { plan: ActionPlanView; onEdit: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section aria-label={t('actionPlans.plan.about')} className="page-panel">
      <Stack gap="sm" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" component="dl" className="plain-list">
          <Fact label={t('actionPlans.owner')} value={plan.owner.organisation.name} />
          <Fact label={t('actionPlans.sharing')} value={plan.sharing.map((o) => o.name).join(', ') || t('common.none')} />
          <Fact label={t('actionPlans.period')} value={`${formatDate(plan.periodStart)} – ${formatDate(plan.periodEnd)}`} />
          <Fact label={t('actionPlans.priorityArea')} value={t(`indicators.priorityAreas.${plan.priorityArea}`)} />
        </SimpleGrid>
        <dl className="plain-list"><Fact label={t('actionPlans.overallGoal')} value={plan.overallGoal} /></dl>
        {!plan.canEdit && <Text size="sm" c="dimmed">{t('actionPlans.readOnly')}</Text>}
        <Group gap="sm">
          {plan.canEdit && <Button variant="light" onClick={onEdit}>{t('actionPlans.plan.edit')}</Button>}
          <Button component="a" variant="default" href={exportUrl(plan.id, 'xlsx', language)} download>{t('actionPlans.plan.downloadExcel')}</Button>
          <Button component="a" variant="default" href={exportUrl(plan.id, 'pdf', language)} download>{t('actionPlans.plan.downloadPdf')}</Button>
        </Group>
      </Stack>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>{label}</Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
    </div>
  );
}

/** What is late, and what soon will be: the plan says so before anything else. */
function LateSummary({ plan }: { plan: ActionPlanView }) {
  const { t } = useTranslation();
  const all = plan.subGoals.flatMap((g) => g.activities);
  const late = all.filter((a) => a.status === 'late');
  const soon = all.filter((a) => a.status === 'soon_late');
  return (
    <section aria-labelledby="plan-late" className={late.length > 0 ? 'late-summary' : undefined}>
      <Group gap="sm" align="baseline">
        <Title order={2} size="h3" id="plan-late">{t('actionPlans.plan.late')}</Title>
        <Text size="sm" c="dimmed">{t('actionPlans.plan.today', { date: formatDate(plan.today) })}</Text>
      </Group>
      {late.length === 0 ? <Text>{t('actionPlans.plan.noneLate')}</Text> : <Text>{t('actionPlans.plan.lateIntro')}</Text>}
      <ul className="plain-list">
        {[...late, ...soon].map((a) => (
          <li key={a.id}>
            <Group gap="xs" py={2}>
              <StatusBadge status={a.status} />
              <Anchor href={`#activity-${a.id}`}>{a.title}</Anchor>
              <Text size="sm" c="dimmed">{formatDate(a.endsOn)}</Text>
            </Group>
          </li>
        ))}
      </ul>
    </section>
  );
}
