import { Radio, Stack, Textarea } from '@mantine/core';
import { PlanCloseInput, planCloseReasons, type PlanCloseReason } from '@samsyn/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useClosePlan } from './usePlans.ts';

/** Closes a plan with a reason (the planning lead); another reason needs a comment. */
export function ClosePlanForm({ childId, planId, onCancel, onSaved }: { childId: string; planId: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const close = useClosePlan(childId, planId);
  const [draft, setDraft, discard] = useDraft<{ reason: PlanCloseReason | ''; note: string }>(`plan-close:${planId}`, { reason: '', note: '' });
  const { errors, fail, clear, formRef } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PlanCloseInput.safeParse({ reason: draft.reason || undefined, note: draft.note });
    if (!parsed.success) {
      fail(schemaErrors(parsed.error.issues, t));
      return;
    }
    clear();
    close.mutate(parsed.data, { onSuccess: () => { discard(); onSaved(); } });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={close.isError ? refusalText(close.error, t, currentLanguage()) : null} />
        <Radio.Group label={t('plans.closeReason')} value={draft.reason} onChange={(v) => setDraft({ ...draft, reason: v as PlanCloseReason })} error={errors.reason} required>
          <Stack gap={6} mt={6}>
            {planCloseReasons.map((r) => <Radio key={r} value={r} label={t(`plans.closeReasons.${r}`)} aria-invalid={Boolean(errors.reason) || undefined} />)}
          </Stack>
        </Radio.Group>
        <Textarea label={t('plans.closeNote')} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })} error={errors.note} aria-invalid={Boolean(errors.note) || undefined} maxLength={2000} autosize minRows={2} />
        <FormActions onCancel={() => { discard(); onCancel(); }} saving={close.isPending} submitLabel={t('plans.close')} />
      </Stack>
    </form>
  );
}
