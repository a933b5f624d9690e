import { Stack, Textarea, TextInput } from '@mantine/core';
import { SubGoalInput, type ActionPlanView, type SubGoalView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, schemaErrors, serverFieldErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { usePlanChange } from './useActionPlans.ts';

export function SubGoalForm({ plan, subGoal, onCancel, onSaved }: { plan: ActionPlanView; subGoal: SubGoalView | null; onCancel: () => void; onSaved: (created: boolean) => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.id);
  const [title, setTitle] = useState(subGoal?.title ?? '');
  const [description, setDescription] = useState(subGoal?.description ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors({ title, description });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = SubGoalInput.safeParse({ title, description });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    const request = subGoal ? { method: 'PATCH' as const, path: `/sub-goals/${subGoal.id}`, body: parsed.data } : { method: 'POST' as const, path: '/sub-goals', body: parsed.data };
    change.mutate(request, {
      onSuccess: () => onSaved(subGoal === null),
      onError: (error) => {
        const fields = serverFieldErrors(error, t);
        setFailure(Object.keys(fields).length > 0 ? null : errorText(error, t, currentLanguage()));
        fail(fields);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        <TextInput label={t('actionPlans.plan.subGoalTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={500} error={errors.title} data-autofocus />
        <Textarea label={t('actionPlans.plan.subGoalDescription')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} maxLength={4000} error={errors.description} />
        <FormActions onCancel={onCancel} saving={change.isPending} />
      </Stack>
    </form>
  );
}
