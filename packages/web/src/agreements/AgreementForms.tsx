import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { agreementKinds, AgreementInput, AgreementVersionInput, type AgreementView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { useDraft } from '../children/useDraft.ts';
import { errorText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { today } from '../common/format.ts';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useAgreementWrite, usePeopleOf } from './useAgreementEdits.ts';

interface Draft { title: string; kind: string | null; description: string; partyOrganisationIds: string[]; ownerUserIds: string[]; validFrom: string; validUntil: string; revisionDueOn: string; remindDays: number }

/** A coordinator adds an agreement with its parties, owners, validity and revision date (the draft is kept). */
export function AgreementCreateForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const organisations = useOrganisations();
  const mine = [...new Set(me.roles.filter((r) => r.role === 'collaboration_coordinator').map((r) => r.organisationId))];
  const [draft, setDraft, clearDraft] = useDraft<Draft>('samsyn.draft.agreement', { title: '', kind: null, description: '', partyOrganisationIds: mine.slice(0, 1), ownerUserIds: [me.id], validFrom: today(), validUntil: '', revisionDueOn: '', remindDays: 60 });
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const people = usePeopleOf(draft.partyOrganisationIds);
  const create = useAgreementWrite('POST', () => '/api/agreements');
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = AgreementInput.safeParse({ ...draft, kind: draft.kind ?? undefined, validUntil: draft.validUntil || null, revisionDueOn: draft.revisionDueOn || undefined });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    create.mutate({ body: parsed.data }, { onSuccess: () => { clearDraft(); onDone(true); } });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={create.isError ? errorText(create.error, t, currentLanguage()) : null} />
        <TextInput label={t('opsForms2.agreement.title')} value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={200} error={errors.title} data-autofocus />
        <Select label={t('opsForms2.agreement.kind')} data={agreementKinds.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))} value={draft.kind} onChange={(v) => set({ kind: v })} required error={errors.kind} />
        <Textarea label={t('opsForms2.agreement.description')} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={2} maxLength={2000} />
        <MultiSelect label={t('opsForms2.agreement.parties')} data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={draft.partyOrganisationIds} onChange={(v) => set({ partyOrganisationIds: v })} searchable required error={errors.partyOrganisationIds} />
        <MultiSelect label={t('opsForms2.agreement.owners')} description={t('opsForms2.agreement.ownersHint')} data={people.map((p) => ({ value: p.id, label: p.displayName }))} value={draft.ownerUserIds} onChange={(v) => set({ ownerUserIds: v })} searchable required error={errors.ownerUserIds} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('opsForms2.agreement.validFrom')} value={draft.validFrom} onChange={(e) => set({ validFrom: e.currentTarget.value })} required error={errors.validFrom} />
          <TextInput type="date" label={t('opsForms2.agreement.validUntil')} value={draft.validUntil} onChange={(e) => set({ validUntil: e.currentTarget.value })} error={errors.validUntil} />
          <TextInput type="date" label={t('opsForms2.agreement.revisionDueOn')} value={draft.revisionDueOn} onChange={(e) => set({ revisionDueOn: e.currentTarget.value })} required error={errors.revisionDueOn} />
          <NumberInput label={t('opsForms2.agreement.remindDays')} min={1} max={365} value={draft.remindDays} onChange={(v) => set({ remindDays: Number(v) || 60 })} error={errors.remindDays} />
        </SimpleGrid>
        <FormActions onCancel={() => { clearDraft(); onDone(false); }} saving={create.isPending} />
      </Stack>
    </form>
  );
}

/** An owner (or a party's coordinator) records a new version; it may move the validity and the revision date. */
export function AgreementVersionForm({ agreement, onDone }: { agreement: AgreementView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ summary: '', content: '', decidedOn: today(), validUntil: agreement.validUntil ?? '', revisionDueOn: agreement.revisionDueOn });
  const write = useAgreementWrite('POST', () => `/api/agreements/${agreement.id}/versions`);
  const { errors, fail, formRef } = useFormErrors(v);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = AgreementVersionInput.safeParse({ summary: v.summary, content: v.content, decidedOn: v.decidedOn, validUntil: v.validUntil || null, revisionDueOn: v.revisionDueOn || undefined });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    write.mutate({ body: parsed.data }, { onSuccess: () => onDone(true) });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={write.isError ? errorText(write.error, t, currentLanguage()) : null} />
        <TextInput label={t('opsForms2.agreement.summary')} value={v.summary} onChange={(e) => setV({ ...v, summary: e.currentTarget.value })} required maxLength={500} error={errors.summary} data-autofocus />
        <Textarea label={t('opsForms2.agreement.content')} value={v.content} onChange={(e) => setV({ ...v, content: e.currentTarget.value })} autosize minRows={3} maxLength={20000} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('opsForms2.agreement.decidedOn')} value={v.decidedOn} onChange={(e) => setV({ ...v, decidedOn: e.currentTarget.value })} required error={errors.decidedOn} />
          <TextInput type="date" label={t('opsForms2.agreement.validUntil')} value={v.validUntil} onChange={(e) => setV({ ...v, validUntil: e.currentTarget.value })} error={errors.validUntil} />
          <TextInput type="date" label={t('opsForms2.agreement.revisionDueOn')} value={v.revisionDueOn} onChange={(e) => setV({ ...v, revisionDueOn: e.currentTarget.value })} error={errors.revisionDueOn} />
        </SimpleGrid>
        <FormActions onCancel={() => onDone(false)} saving={write.isPending} submitLabel={t('opsForms2.agreement.saveVersion')} />
      </Stack>
    </form>
  );
}

/**
 * An owner (or a party's coordinator: `canEdit`, the server's answer) replaces the owners, chosen
 * among the parties' staff; the owners there now stay choosable even when they work elsewhere. An
 * empty set is the server's to refuse (409 agreement_owner_required), shown in its words.
 */
export function AgreementOwnersForm({ agreement, onDone }: { agreement: AgreementView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [owners, setOwners] = useState(agreement.owners.map((o) => o.id));
  const staff = usePeopleOf(agreement.parties.map((p) => p.id));
  const people = [...new Map([...agreement.owners.map((o) => [o.id, o.name] as const), ...staff.map((p) => [p.id, p.displayName] as const)]).entries()];
  const write = useAgreementWrite('PUT', () => `/api/agreements/${agreement.id}/owners`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ body: { ownerUserIds: owners } }, { onSuccess: () => onDone(true) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={write.isError ? errorText(write.error, t, currentLanguage()) : null} />
        <MultiSelect label={t('opsForms3.owners.label')} description={t('opsForms3.owners.hint')} data={people.map(([value, label]) => ({ value, label }))} value={owners} onChange={setOwners} searchable required data-autofocus />
        <FormActions onCancel={() => onDone(false)} saving={write.isPending} submitLabel={t('opsForms3.owners.save')} />
      </Stack>
    </form>
  );
}
