import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ViewInput, type ForumDetail } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { errorText, schemaErrors } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useRecordView, useRespondToView } from './useForumEdits.ts';
import { useForums } from './useForums.ts';

interface Draft { forumId: string | null; subject: string; view: string; childrenViewsHow: string }

/**
 * A reference group's members record a view they bring to a forum, and how children's and young
 * people's own views were gathered. The draft is kept: views are often written over several days.
 */
export function RecordViewForm({ group }: { group: ForumDetail }) {
  const { t } = useTranslation();
  const forums = useForums();
  const record = useRecordView(group.id);
  const initial: Draft = { forumId: group.parentForum?.id ?? null, subject: '', view: '', childrenViewsHow: '' };
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`samsyn.draft.forumView.${group.id}`, initial);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);
  const [sent, setSent] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const parsed = ViewInput.safeParse({ ...draft, forumId: draft.forumId ?? undefined });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    record.mutate(parsed.data, { onSuccess: () => { clearDraft(); setSent(true); } });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="record-view">
      <Stack gap="xs" maw={720}>
        <Text fw={600} id="record-view">{t('opsForms2.view.title')}</Text>
        <FormError text={record.isError ? errorText(record.error, t, currentLanguage()) : null} />
        <Select label={t('opsForms2.view.forum')} data={(forums.data ?? []).filter((f) => f.id !== group.id).map((f) => ({ value: f.id, label: f.name }))} value={draft.forumId} onChange={(v) => set({ forumId: v })} searchable required error={errors.forumId} />
        <TextInput label={t('opsForms2.view.subject')} value={draft.subject} onChange={(e) => set({ subject: e.currentTarget.value })} required maxLength={300} error={errors.subject} />
        <Textarea label={t('opsForms2.view.view')} value={draft.view} onChange={(e) => set({ view: e.currentTarget.value })} required autosize minRows={3} maxLength={8000} error={errors.view} />
        <Textarea label={t('opsForms2.view.childrenViewsHow')} description={t('opsForms2.view.childrenViewsHowHint')} value={draft.childrenViewsHow} onChange={(e) => set({ childrenViewsHow: e.currentTarget.value })} autosize minRows={2} maxLength={4000} error={errors.childrenViewsHow} />
        <Group><Button type="submit" loading={record.isPending}>{t('opsForms2.view.save')}</Button></Group>
        {sent && <Text role="status">{t('opsForms2.view.saved')}</Text>}
      </Stack>
    </form>
  );
}

/** The receiving forum's members write (or change) the forum's response to a view. */
export function ViewResponseForm({ forumId, viewId, subject, response }: { forumId: string; viewId: string; subject: string; response: string | null }) {
  const { t } = useTranslation();
  const respond = useRespondToView(forumId);
  const [text, setText] = useState(response ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!text.trim());
    if (text.trim()) respond.mutate({ viewId, response: text });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" maw={720}>
        <FormError text={missing ? t('opsForms2.view.responseMissing') : respond.isError ? errorText(respond.error, t, currentLanguage()) : null} />
        <Textarea label={t('opsForms2.view.response', { subject })} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={8000} required error={missing ? t('opsForms2.view.responseMissing') : undefined} />
        <Group><Button type="submit" variant="light" loading={respond.isPending} aria-label={t('opsForms2.view.saveResponseNamed', { subject })}>{t('opsForms2.view.saveResponse')}</Button></Group>
        {respond.isSuccess && <Text role="status">{t('opsForms2.view.responseSaved')}</Text>}
      </Stack>
    </form>
  );
}
