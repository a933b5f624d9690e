import { Checkbox, Select, Stack, Textarea, TextInput, Button, Group, Text } from '@mantine/core';
import { workspaceBelongsToKinds, WorkspaceInput, type WorkspaceView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { errorText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useCreateWorkspace, useWorkspaceSend } from './useWorkspaceEdits.ts';

type Kind = (typeof workspaceBelongsToKinds)[number];
interface Draft { name: string; description: string; openToJoin: boolean; kind: Kind | null }

function Fields({ draft, set, errors }: { draft: Draft; set: (patch: Partial<Draft>) => void; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('opsForms2.workspace.name')} value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} required maxLength={200} error={errors.name} data-autofocus />
      <Textarea label={t('opsForms2.workspace.description')} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={2} maxLength={2000} error={errors.description} />
      <Select label={t('opsForms2.workspace.belongsTo')} placeholder={t('opsForms2.workspace.belongsToNone')} data={workspaceBelongsToKinds.map((k) => ({ value: k, label: t(`workspaces.kinds.${k}`) }))} value={draft.kind} onChange={(v) => set({ kind: v as Kind | null })} clearable />
      <Checkbox label={t('opsForms2.workspace.openToJoin')} description={t('opsForms2.workspace.openToJoinHint')} checked={draft.openToJoin} onChange={(e) => set({ openToJoin: e.currentTarget.checked })} />
    </>
  );
}

const input = (d: Draft) => ({ name: d.name, description: d.description, openToJoin: d.openToJoin, belongsTo: d.kind ? { kind: d.kind, id: null } : null });

/** A new workspace (any professional; the creator becomes its owner). The draft is kept. */
export function WorkspaceCreateForm({ onCancel, onSaved }: { onCancel: () => void; onSaved: (view: WorkspaceView) => void }) {
  const { t } = useTranslation();
  const create = useCreateWorkspace();
  const [draft, setDraft, clearDraft] = useDraft<Draft>('samsyn.draft.workspace', { name: '', description: '', openToJoin: false, kind: null });
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = WorkspaceInput.safeParse(input(draft));
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    create.mutate(parsed.data, { onSuccess: (view) => { clearDraft(); onSaved(view); } });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={create.isError ? errorText(create.error, t, currentLanguage()) : null} />
        <Fields draft={draft} set={(patch) => setDraft({ ...draft, ...patch })} errors={errors} />
        <FormActions onCancel={() => { clearDraft(); onCancel(); }} saving={create.isPending} />
      </Stack>
    </form>
  );
}

/** The owners change the workspace's name, description, openness and what it belongs to. */
export function WorkspaceSettingsForm({ w }: { w: WorkspaceView }) {
  const { t } = useTranslation();
  const send = useWorkspaceSend(w.id);
  const [draft, setDraft] = useState<Draft>({ name: w.name, description: w.description, openToJoin: w.openToJoin, kind: w.belongsTo?.kind ?? null });
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = WorkspaceInput.safeParse(input(draft));
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    send.mutate({ method: 'PATCH', path: '', body: { ...parsed.data, belongsTo: draft.kind ? { kind: draft.kind, id: draft.kind === w.belongsTo?.kind ? w.belongsTo.id : null } : null } });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="workspace-settings">
      <Stack gap="md" maw={640}>
        <Text component="h2" fw={700} id="workspace-settings">{t('opsForms2.workspace.settings')}</Text>
        <FormError text={send.isError ? errorText(send.error, t, currentLanguage()) : null} />
        <Fields draft={draft} set={(patch) => setDraft({ ...draft, ...patch })} errors={errors} />
        <Group><Button type="submit" loading={send.isPending}>{t('opsForms2.workspace.saveSettings')}</Button></Group>
        <Text role="status">{send.isSuccess ? t('opsForms2.workspace.settingsSaved') : ''}</Text>
      </Stack>
    </form>
  );
}
