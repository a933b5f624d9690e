import { Alert, Badge, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { carriedRevision, PlanApprovalInput, type PlanSummary, type PlanView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { familyPdfUrl } from './usePlans.ts';
import { ApprovalsList } from './ApprovalsList.tsx';
import { ChangeList } from './PlanDiff.tsx';
import { PlanContentsView } from './PlanContentsView.tsx';
import { useAnswerProposal, usePlan, usePlans } from './usePlans.ts';
import { FamilyMeetingSection } from '../sip/FamilyMeetingSection.tsx';

/**
 * The family's view of the plans (the citizens' page): the plan in force and a proposed change,
 * what the change would change, and, for those the policy lets approve (the guardians, and the
 * child from the consent age), approve or comment. Each plan opens on demand: one look each.
 */
export function FamilyPlansSection({ childId, relation }: { childId: string; relation: 'guardian' | 'self' }) {
  const { t } = useTranslation();
  const plans = usePlans(childId);
  return (
    <section aria-labelledby="family-plans-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="family-plans-heading">{t('plans.family.title')}</Title>
        <Text>{t('plans.family.intro')}</Text>
        {plans.isPending ? (
          <Loading />
        ) : plans.isError ? (
          <LoadError error={plans.error} onRetry={() => void plans.refetch()} />
        ) : plans.data.plans.length === 0 ? (
          <Text c="dimmed">{t('plans.family.none')}</Text>
        ) : (
          <Stack gap="md" component="ul" className="plain-list">
            {plans.data.plans.map((p) => <FamilyPlanItem key={p.id} childId={childId} summary={p} relation={relation} />)}
          </Stack>
        )}
      </Stack>
    </section>
  );
}

function FamilyPlanItem({ childId, summary, relation }: { childId: string; summary: PlanSummary; relation: 'guardian' | 'self' }) {
  const { t } = useTranslation();
  const [open, toggle] = useDisclosure(false);
  const detailsId = `family-plan-${summary.id}`;
  return (
    <li className="record-entry">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          {/* A plan being prepared shows nothing of its draft, not even its title (the policy's fields). */}
          <Text fw={700}>{summary.fields.includes('contents') ? summary.title : t('plans.family.preparing.title', { kind: t(`plans.kinds.${summary.kind}`) })}</Text>
          <Group gap="xs">
            <Badge variant="light" tt="none">{t(`plans.kinds.${summary.kind}`)}</Badge>
            <Badge variant="light" tt="none" className={summary.status === 'established' ? 'badge-active' : 'badge-inactive'}>{t(`plans.statuses.${summary.status}`)}</Badge>
            {summary.proposedRevision !== null && <Badge variant="light" tt="none">{t('plans.proposalWaiting')}</Badge>}
          </Group>
          {summary.nextFollowUpOn && <Text size="sm">{t('plans.contents.followUp', { date: formatDate(summary.nextFollowUpOn) })}</Text>}
        </div>
        <Button variant="light" onClick={toggle.toggle} aria-expanded={open} aria-controls={detailsId}>{t(open ? 'plans.family.hide' : 'plans.family.show')}</Button>
      </Group>
      <div id={detailsId}>{open && <FamilyPlanDetails childId={childId} planId={summary.id} relation={relation} />}</div>
    </li>
  );
}

function FamilyPlanDetails({ childId, planId, relation }: { childId: string; planId: string; relation: 'guardian' | 'self' }) {
  const plan = usePlan(childId, planId);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  return <FamilyPlan childId={childId} plan={plan.data} relation={relation} />;
}

function FamilyPlan({ childId, plan, relation }: { childId: string; plan: PlanView; relation: 'guardian' | 'self' }) {
  const { t } = useTranslation();
  const status = useStatus();
  const inForce = carriedRevision(plan, (r) => r.state === 'in_force');
  const proposal = carriedRevision(plan, (r) => r.state === 'proposed');
  return (
    <Stack gap="sm" mt="sm">
      <StatusMessage status={status.status} onClose={status.clear} />
      {!plan.fields.includes('contents') && <PreparingPlan plan={plan} />}
      {inForce && (
        <section aria-label={t('plans.contents.inForce')}>
          <Title order={3} size="h4">{t('plans.contents.inForce')}</Title>
          <PlanContentsView contents={inForce.contents} leadName={plan.planningLeadName} headingLevel={4} />
          <Button component="a" variant="default" mt="xs" href={familyPdfUrl(childId, plan.id)} download>{t('plans.familyPdf')}</Button>
        </section>
      )}
      <FamilyMeetingSection childId={childId} plan={plan} relation={relation} />
      {proposal && inForce && (
        <Alert color="samsyn" variant="light" title={t('plans.contents.proposal')}>
          <Stack gap="sm">
            <Title order={3} size="h5">{t('plans.family.changes')}</Title>
            <ChangeList from={inForce.contents} to={proposal.contents} />
            {plan.waitingFor.length > 0 && <Text size="sm" c="dark.8">{t('plans.approval.waiting', { who: plan.waitingFor.map((w) => t(`plans.approval.who.${w}`)).join(', ') })}</Text>}
            <ApprovalsList approvals={plan.approvals.filter((a) => a.revision === proposal.number)} />
            {plan.actions.includes('approve') ? <AnswerForm childId={childId} planId={plan.id} revision={proposal.number} onDone={(text) => status.success(text)} /> : <Text size="sm" c="dark.8">{t(relation === 'self' ? 'plans.family.mayNotApprove' : 'plans.family.youApproved')}</Text>}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * A plan being prepared, in plain words: what is coming, who holds the planning together and
 * who takes part. Its contents are made with the family at the meeting, so none are shown.
 */
function PreparingPlan({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const headingId = `preparing-plan-${plan.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{t('plans.family.preparing.heading')}</Title>
      <Text>{t(`plans.family.preparing.what.${plan.kind}`)}</Text>
      {plan.fields.includes('planning_lead') && plan.planningLeadName && <Text>{t('plans.family.preparing.lead', { name: plan.planningLeadName })}</Text>}
      {plan.fields.includes('principals') && plan.principals.length > 0 && <Text>{t('plans.family.preparing.principals', { names: plan.principals.join(', ') })}</Text>}
    </section>
  );
}

/** Approve the proposed change, or comment on it without approving. */
function AnswerForm({ childId, planId, revision, onDone }: { childId: string; planId: string; revision: number; onDone: (text: ReturnType<typeof message>) => void }) {
  const { t } = useTranslation();
  const answer = useAnswerProposal(childId, planId);
  const [comment, setComment] = useState('');
  const { errors, fail, clear, formRef } = useFormErrors();
  const send = (decision: 'approved' | 'commented') => {
    const parsed = PlanApprovalInput.safeParse({ revision, decision, comment });
    if (!parsed.success) {
      fail(schemaErrors(parsed.error.issues, t));
      return;
    }
    clear();
    answer.mutate(parsed.data, { onSuccess: () => { setComment(''); onDone(message(decision === 'approved' ? 'plans.approval.approved' : 'plans.approval.commented')); } });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send('commented');
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError text={answer.isError ? refusalText(answer.error, t, currentLanguage()) : null} />
        <Textarea label={t('plans.approval.commentLabel')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={errors.comment} aria-invalid={Boolean(errors.comment) || undefined} maxLength={2000} autosize minRows={2} />
        <Group>
          <Button onClick={() => send('approved')} loading={answer.isPending && answer.variables?.decision === 'approved'}>{t('plans.approval.approve')}</Button>
          <Button type="submit" variant="default" loading={answer.isPending && answer.variables?.decision === 'commented'}>{t('plans.approval.comment')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
