import { Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ConcernInput, concernLevels, concernSources, type ConcernLevel, type ConcernSource, type WellbeingArea } from '@samsyn/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { AreaChoices } from './AreaChoices.tsx';
import { useDraft } from './drafts.ts';
import { useRecordConcern } from './useConcerns.ts';

interface Draft {
  areas: WellbeingArea[];
  description: string;
  level: ConcernLevel | null;
  source: ConcernSource | null;
  occurredOn: string;
}

/** Records a concern (oro) in the writer's own secrecy domain; the draft stays until it is saved. */
export function ConcernForm({ childId, onCancel, onSaved }: { childId: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordConcern(childId);
  const [draft, setDraft, discard] = useDraft<Draft>(`concern:${childId}`, { areas: [], description: '', level: null, source: null, occurredOn: '' });
  const { errors, fail, clear, formRef } = useFormErrors();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ConcernInput.safeParse({ ...draft, level: draft.level ?? undefined, source: draft.source ?? undefined, occurredOn: draft.occurredOn || undefined });
    if (!parsed.success) {
      fail(schemaErrors(parsed.error.issues, t));
      return;
    }
    clear();
    record.mutate(parsed.data, {
      onSuccess: () => {
        discard();
        onSaved();
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('concerns.form.intro')}</Text>
        <FormError text={record.isError ? refusalText(record.error, t, currentLanguage()) : null} />
        <AreaChoices label={t('concerns.form.areas')} description={t('concerns.form.areasHint')} value={draft.areas} onChange={(v) => set('areas', v)} error={errors.areas} required />
        <Textarea label={t('concerns.form.description')} description={t('concerns.form.descriptionHint')} required value={draft.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} aria-invalid={Boolean(errors.description) || undefined} maxLength={4000} autosize minRows={3} />
        <Radio.Group label={t('concerns.form.level')} value={draft.level ?? ''} onChange={(v) => set('level', v as ConcernLevel)} error={errors.level} required>
          <Stack gap={6} mt={6}>
            {concernLevels.map((l) => <Radio key={l} value={l} label={t(`concerns.levels.${l}`)} aria-invalid={Boolean(errors.level) || undefined} />)}
          </Stack>
        </Radio.Group>
        <Radio.Group label={t('concerns.form.source')} value={draft.source ?? ''} onChange={(v) => set('source', v as ConcernSource)} error={errors.source} required>
          <Stack gap={6} mt={6}>
            {concernSources.map((s) => <Radio key={s} value={s} label={t(`concerns.sources.${s}`)} aria-invalid={Boolean(errors.source) || undefined} />)}
          </Stack>
        </Radio.Group>
        <TextInput type="date" label={t('concerns.form.occurredOn')} description={t('concerns.form.occurredOnHint')} value={draft.occurredOn} onChange={(e) => set('occurredOn', e.currentTarget.value)} error={errors.occurredOn} aria-invalid={Boolean(errors.occurredOn) || undefined} />
        <FormActions onCancel={onCancel} saving={record.isPending} submitLabel={t('concerns.form.submit')} />
      </Stack>
    </form>
  );
}
