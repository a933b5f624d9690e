import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { forumKinds, forumLevels, ForumInput, type ForumDetail } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoordinatedOrganisations } from '../auth/useCurrentUser.ts';
import { useDraft } from '../children/useDraft.ts';
import { errorText, schemaErrors, serverFieldErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useCreateForum } from './useForumEdits.ts';
import { useForums } from './useForums.ts';

interface Draft { name: string; kind: string | null; level: string | null; purpose: string; organisationId: string | null; parentForumId: string | null }
const emptyDraft: Draft = { name: '', kind: null, level: null, purpose: '', organisationId: null, parentForumId: null };


/** A coordinator creates a forum or reference group run by their organisation (kept as a draft). */
export function ForumCreateForm({ onCancel, onSaved }: { onCancel: () => void; onSaved: (forum: ForumDetail) => void }) {
  const { t } = useTranslation();
  const owners = useCoordinatedOrganisations();
  const forums = useForums();
  const create = useCreateForum();
  const [draft, setDraft, clearDraft] = useDraft<Draft>('samsyn.draft.forum', { ...emptyDraft, organisationId: owners.length === 1 ? owners[0]![0] : null });
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = ForumInput.safeParse({ ...draft, kind: draft.kind ?? undefined, level: draft.level ?? undefined, organisationId: draft.organisationId ?? undefined });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    create.mutate(parsed.data, {
      onSuccess: (forum) => { clearDraft(); onSaved(forum); },
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
        <TextInput label={t('opsForms2.forum.name')} value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} required maxLength={200} error={errors.name} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('opsForms2.forum.kind')} data={forumKinds.map((k) => ({ value: k, label: t(`forums.kinds.${k}`) }))} value={draft.kind} onChange={(v) => set({ kind: v })} required error={errors.kind} />
          <Select label={t('opsForms2.forum.level')} data={forumLevels.map((l) => ({ value: l, label: t(`forums.levels.${l}`) }))} value={draft.level} onChange={(v) => set({ level: v })} required error={errors.level} />
        </SimpleGrid>
        {owners.length > 1 && (
          <Select label={t('opsForms2.forum.organisation')} data={owners.map(([value, label]) => ({ value, label }))} value={draft.organisationId} onChange={(v) => set({ organisationId: v })} allowDeselect={false} required error={errors.organisationId} />
        )}
        <Select label={t('opsForms2.forum.parent')} description={t('opsForms2.forum.parentHint')} data={(forums.data ?? []).map((f) => ({ value: f.id, label: f.name }))} value={draft.parentForumId} onChange={(v) => set({ parentForumId: v })} searchable clearable error={errors.parentForumId} />
        <Textarea label={t('opsForms2.forum.purpose')} value={draft.purpose} onChange={(e) => set({ purpose: e.currentTarget.value })} autosize minRows={2} maxLength={4000} error={errors.purpose} />
        <FormActions onCancel={() => { clearDraft(); onCancel(); }} saving={create.isPending} />
      </Stack>
    </form>
  );
}
