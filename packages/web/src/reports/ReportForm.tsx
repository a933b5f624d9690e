import { Checkbox, Stack, Text, Textarea } from '@mantine/core';
import { ReportInput, type ReportReceipt, type WellbeingArea } from '@samsyn/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { AreaChoices } from '../concerns/AreaChoices.tsx';
import { useDraft } from '../concerns/drafts.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useSendReport } from './useReports.ts';

interface Draft {
  description: string;
  areas: WellbeingArea[];
  immediateDanger: boolean;
}

/** Sends a report of concern to social services' intake; no consent is asked, the duty is in law. */
export function ReportForm({ childId, onCancel, onSent }: { childId: string; onCancel: () => void; onSent: (receipt: ReportReceipt) => void }) {
  const { t } = useTranslation();
  const send = useSendReport(childId);
  const [draft, setDraft, discard] = useDraft<Draft>(`report:${childId}`, { description: '', areas: [], immediateDanger: false });
  const { errors, fail, clear, formRef } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ReportInput.safeParse(draft);
    if (!parsed.success) {
      fail(schemaErrors(parsed.error.issues, t));
      return;
    }
    clear();
    send.mutate(parsed.data, {
      onSuccess: (receipt) => {
        discard();
        onSent(receipt);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('reports.form.intro')}</Text>
        <FormError text={send.isError ? refusalText(send.error, t, currentLanguage()) : null} />
        <Textarea label={t('reports.form.description')} description={t('reports.form.descriptionHint')} required value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} error={errors.description} aria-invalid={Boolean(errors.description) || undefined} maxLength={8000} autosize minRows={4} />
        <AreaChoices label={t('reports.form.areas')} value={draft.areas} onChange={(areas) => setDraft({ ...draft, areas })} error={errors.areas} />
        <Checkbox label={t('reports.form.immediateDanger')} description={t('reports.form.immediateDangerHint')} checked={draft.immediateDanger} onChange={(e) => setDraft({ ...draft, immediateDanger: e.currentTarget.checked })} />
        <FormActions onCancel={onCancel} saving={send.isPending} submitLabel={t('reports.form.submit')} />
      </Stack>
    </form>
  );
}
