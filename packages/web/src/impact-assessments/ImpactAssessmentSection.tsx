import { Button, Fieldset, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { conventionPrinciples, ImpactAssessmentAnswers, type ActionPlanView, type ImpactAssessmentInput, type ImpactAssessmentView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorText, serverFieldErrors } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { formatDate } from '../common/format.ts';
import type { useStatus } from '../common/StatusMessage.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { planAssessmentPath, usePlanAssessment, useSaveAssessment } from './useImpactAssessment.ts';

/** The plan's child-rights impact assessment: its state, and the form on the Convention's general principles. */
export function ImpactAssessmentSection({ plan, status }: { plan: ActionPlanView; status: ReturnType<typeof useStatus> }) {
  const { t } = useTranslation();
  const query = usePlanAssessment(plan.id);
  const [open, setOpen] = useState(false);
  const assessment = query.data ?? null;
  const state = assessment?.state ?? 'none';
  return (
    <section aria-labelledby="impact-assessment">
      <Title order={2} id="impact-assessment" mb="xs">{t('impactAssessment.title')}</Title>
      <Text c="dimmed" mb="xs">{t('impactAssessment.intro')}</Text>
      <Text fw={600}>{assessment?.decidedAt ? t('impactAssessment.decided', { state: t(`impactAssessment.states.${state}`), date: formatDate(assessment.decidedAt), name: assessment.decidedBy?.displayName ?? '' }) : t(`impactAssessment.states.${state}`)}</Text>
      {assessment?.notNeededReason && <Text size="sm">{t('impactAssessment.reason', { reason: assessment.notNeededReason })}</Text>}
      {assessment?.state === 'done' && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{assessment.answers.conclusion}</Text>}
      {(plan.canEdit || assessment) && (
        <Button variant="light" mt="sm" onClick={() => setOpen(true)} disabled={query.isPending}>{t(plan.canEdit ? 'impactAssessment.open' : 'impactAssessment.view')}</Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('impactAssessment.title')} size="xl">
        {open && <AssessmentForm path={planAssessmentPath(plan.id)} canEdit={plan.canEdit} assessment={assessment} onSaved={() => { setOpen(false); status.success((tr) => tr('impactAssessment.saved')); }} />}
      </Modal>
    </section>
  );
}

/** The structured form (arts. 3, 2, 6, 12 and the rest), or "not needed" with a reason; read-only for readers. */
export function AssessmentForm({ path, canEdit, assessment, onSaved, readOnlyText }: { path: string; canEdit: boolean; assessment: ImpactAssessmentView | null; onSaved: () => void; readOnlyText?: string }) {
  const { t } = useTranslation();
  const save = useSaveAssessment(path);
  const [answers, setAnswers] = useState(() => assessment?.answers ?? ImpactAssessmentAnswers.parse({}));
  const [reason, setReason] = useState(assessment?.notNeededReason ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors({ ...answers, reason });
  const readOnly = !canEdit;

  function send(input: ImpactAssessmentInput) {
    setFailure(null);
    save.mutate(input, {
      onSuccess: onSaved,
      onError: (error) => {
        const fields = serverFieldErrors(error, t, Object.fromEntries([...['affectedChildren', 'viewsGathered', 'consequences', 'alternatives', 'conclusion'], ...conventionPrinciples.map((p) => `principles.${p}`)].map((f) => [`validation_failed:answers.${f}`, t('validation.required')])));
        setFailure(Object.keys(fields).length > 0 && error instanceof ApiError && error.status < 500 ? t('impactAssessment.doneHint') : errorText(error, t, currentLanguage()));
        fail(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^answers\./, ''), v])));
      },
    });
  }

  const field = (name: 'affectedChildren' | 'viewsGathered' | 'consequences' | 'alternatives' | 'conclusion') => (
    <Textarea label={t(`impactAssessment.${name}`)} value={answers[name]} onChange={(e) => setAnswers({ ...answers, [name]: e.currentTarget.value })} readOnly={readOnly} autosize minRows={2} maxLength={8000} error={errors[name]} />
  );
  return (
    <form ref={formRef} onSubmit={(e) => { e.preventDefault(); send({ state: 'done', answers }); }} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        {readOnly && <Text size="sm" c="dimmed">{readOnlyText ?? t('impactAssessment.readOnly')}</Text>}
        {field('affectedChildren')}
        {field('viewsGathered')}
        <Fieldset legend={t('impactAssessment.principlesLegend')}>
          <Stack gap="sm">
            {conventionPrinciples.map((p) => (
              <Textarea key={p} label={t(`impactAssessment.principles.${p}`)} value={answers.principles[p]} onChange={(e) => setAnswers({ ...answers, principles: { ...answers.principles, [p]: e.currentTarget.value } })} readOnly={readOnly} autosize minRows={2} maxLength={8000} error={errors[`principles.${p}`]} />
            ))}
          </Stack>
        </Fieldset>
        {field('consequences')}
        {field('alternatives')}
        {field('conclusion')}
        {!readOnly && (
          <>
            <Text size="sm" c="dimmed">{t('impactAssessment.doneHint')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => send({ state: 'draft', answers })} loading={save.isPending}>{t('impactAssessment.saveDraft')}</Button>
              <Button type="submit" loading={save.isPending}>{t('impactAssessment.markDone')}</Button>
            </Group>
            <Fieldset legend={t('impactAssessment.notNeededLegend')}>
              <Stack gap="sm">
                <Textarea label={t('impactAssessment.notNeededReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={4000} error={errors.reason} />
                <Group justify="flex-end">
                  <Button variant="light" onClick={() => (reason.trim().length >= 10 ? send({ state: 'not_needed', reason }) : fail({ reason: t('validation.tooShort', { min: 10 }) }))} loading={save.isPending}>{t('impactAssessment.markNotNeeded')}</Button>
                </Group>
              </Stack>
            </Fieldset>
          </>
        )}
      </Stack>
    </form>
  );
}
