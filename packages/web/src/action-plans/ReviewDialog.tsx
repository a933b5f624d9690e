import { Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { ReviewInput, type ActionPlanView, type ActivityView, type ReviewAction } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { formatDate } from '../common/format.ts';
import { Loading } from '../common/Loading.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { StatusBadge, ToneBadge } from './StatusBadge.tsx';
import { usePlanChange, useReviews } from './useActionPlans.ts';

/** What a review may do to the activity as it stands: close or hold a running one, resume one closed or on hold. */
function actionsFor(activity: ActivityView): ('none' | ReviewAction)[] {
  if (activity.status === 'closed') return ['none', 'resume'];
  if (activity.status === 'on_hold') return ['none', 'close', 'resume'];
  return ['none', 'close', 'hold'];
}

/** A dated review of one activity (for those who may make one), and the activity's whole history. */
export function ReviewDialog({ plan, activity, onCancel, onSaved }: { plan: ActionPlanView; activity: ActivityView; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.id);
  const history = useReviews(plan.id, activity.id);
  const [comment, setComment] = useState('');
  const [action, setAction] = useState<'none' | ReviewAction>('none');
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors({ comment });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = ReviewInput.safeParse({ comment, action: action === 'none' ? null : action });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    change.mutate({ method: 'POST', path: `/activities/${activity.id}/reviews`, body: parsed.data }, { onSuccess: onSaved, onError: (error) => setFailure(errorText(error, t, currentLanguage())) });
  }

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Text>{t('actionPlans.review.status', { status: t(`actionPlans.statuses.${activity.status}`) })}</Text>
        <StatusBadge status={activity.status} />
      </Group>
      {activity.canReview ? (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError text={failure} />
            <Textarea label={t('actionPlans.review.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} required autosize minRows={3} maxLength={4000} error={errors.comment} data-autofocus />
            <Radio.Group label={t('actionPlans.review.action')} value={action} onChange={(v) => setAction(v as 'none' | ReviewAction)}>
              <Stack gap={6} mt={6}>
                {actionsFor(activity).map((a) => <Radio key={a} value={a} label={t(`actionPlans.review.actions.${a}`)} />)}
              </Stack>
            </Radio.Group>
            <FormActions onCancel={onCancel} saving={change.isPending} submitLabel={t('actionPlans.review.save')} />
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">{t('actionPlans.review.readOnly')}</Text>
      )}
      <section aria-labelledby="review-history">
        <Title order={3} size="h4" id="review-history" mb="xs">{t('actionPlans.review.history')}</Title>
        {history.isPending ? (
          <Loading />
        ) : (history.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('actionPlans.review.noHistory')}</Text>
        ) : (
          <ol className="plain-list">
            {history.data!.map((r) => (
              <li key={r.id} className="record-entry" style={{ marginBottom: 12 }}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>{t('actionPlans.review.by', { date: formatDate(r.reviewedOn), name: r.by.displayName })}</Text>
                  <StatusBadge status={r.status} />
                  {r.action && <ToneBadge tone="not_started" symbol="•">{t(`actionPlans.review.actionDone.${r.action}`)}</ToneBadge>}
                  {r.roundId && <Text size="xs" c="dimmed">{t('actionPlans.review.inRound')}</Text>}
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</Text>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Stack>
  );
}
