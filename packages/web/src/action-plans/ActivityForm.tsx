import { ActionIcon, Button, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { ActivityInput, ActivityUpdate, recurringCheckIns, type ActionPlanView, type ActivityView, type CommunicationItem, type SubGoalView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useDraft } from '../children/useDraft.ts';
import { errorText, schemaErrors, serverFieldErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useIndicators } from '../indicators/useIndicators.ts';
import { usePeople, usePlanChange } from './useActionPlans.ts';

interface Draft {
  title: string;
  description: string;
  responsibleOrganisationId: string | null;
  responsibleUserId: string | null;
  startsOn: string;
  endsOn: string;
  checkIns: string;
  how: string;
  when: string;
  indicatorIds: string[];
  communication: CommunicationItem[];
}

function draftOf(plan: ActionPlanView, a: ActivityView | null): Draft {
  if (!a) return { title: '', description: '', responsibleOrganisationId: plan.owner.organisation.id, responsibleUserId: null, startsOn: plan.today, endsOn: plan.periodEnd, checkIns: '', how: '', when: '', indicatorIds: [], communication: [] };
  return { title: a.title, description: a.description, responsibleOrganisationId: a.responsibleOrganisation.id, responsibleUserId: a.responsibleUser?.id ?? null, startsOn: a.startsOn, endsOn: a.endsOn, checkIns: a.checkInDates.join(', '), how: a.followUp.how, when: a.followUp.when, indicatorIds: a.followUp.indicators.map((i) => i.id), communication: a.communication };
}

/** An activity: who answers for it, its dates and check-ins, how it is followed up and whom it is told to. A new one keeps its draft. */
export function ActivityForm({ plan, subGoal, activity, onCancel, onSaved }: { plan: ActionPlanView; subGoal: SubGoalView; activity: ActivityView | null; onCancel: () => void; onSaved: (created: boolean) => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.id);
  const organisations = useOrganisations();
  const indicators = useIndicators();
  const [stored, setStored, clearDraft] = useDraft<Draft>(`samsyn.draft.activity.${subGoal.id}`, draftOf(plan, null));
  const [edited, setEdited] = useState(() => draftOf(plan, activity));
  const draft = activity ? edited : stored;
  const set = (patch: Partial<Draft>) => (activity ? setEdited({ ...draft, ...patch }) : setStored({ ...draft, ...patch }));
  const people = usePeople(draft.responsibleOrganisationId);
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);
  const english = currentLanguage() === 'en';

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const fields = {
      title: draft.title,
      description: draft.description,
      responsibleOrganisationId: draft.responsibleOrganisationId ?? undefined,
      responsibleUserId: draft.responsibleUserId,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      checkInDates: draft.checkIns.split(/[,\s]+/).filter((d) => d !== ''),
      followUp: { how: draft.how, when: draft.when, indicatorIds: draft.indicatorIds },
      communication: draft.communication,
    };
    const parsed = activity ? ActivityUpdate.safeParse(fields) : ActivityInput.safeParse({ ...fields, subGoalId: subGoal.id });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues.map((i) => (i.path[0] === 'checkInDates' ? { ...i, path: ['checkIns'] } : i)), t));
    const request = activity ? { method: 'PATCH' as const, path: `/activities/${activity.id}`, body: parsed.data } : { method: 'POST' as const, path: '/activities', body: parsed.data };
    change.mutate(request, {
      onSuccess: () => {
        if (!activity) clearDraft();
        onSaved(activity === null);
      },
      onError: (error) => {
        const found = serverFieldErrors(error, t);
        setFailure(Object.keys(found).length > 0 ? null : errorText(error, t, currentLanguage()));
        fail(found);
      },
    });
  }

  const setItem = (i: number, patch: Partial<CommunicationItem>) => set({ communication: draft.communication.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        <TextInput label={t('actionPlans.activity.title')} value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={500} error={errors.title} data-autofocus />
        <Textarea label={t('actionPlans.activity.description')} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={2} maxLength={4000} error={errors.description} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('actionPlans.activity.responsibleOrganisation')} data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={draft.responsibleOrganisationId} onChange={(v) => set({ responsibleOrganisationId: v, responsibleUserId: null })} searchable allowDeselect={false} required error={errors.responsibleOrganisationId} />
          <Select label={t('actionPlans.activity.responsiblePerson')} description={t('actionPlans.activity.responsiblePersonHint')} placeholder={t('actionPlans.activity.noPerson')} data={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} value={draft.responsibleUserId} onChange={(v) => set({ responsibleUserId: v })} searchable clearable error={errors.responsibleUserId} />
          <TextInput type="date" label={t('actionPlans.activity.startsOn')} value={draft.startsOn} onChange={(e) => set({ startsOn: e.currentTarget.value })} required error={errors.startsOn} />
          <TextInput type="date" label={t('actionPlans.activity.endsOn')} value={draft.endsOn} onChange={(e) => set({ endsOn: e.currentTarget.value })} required error={errors.endsOn} />
        </SimpleGrid>
        <Group align="flex-end" gap="sm">
          <TextInput style={{ flex: 1, minWidth: 220 }} label={t('actionPlans.activity.checkIns')} description={t('actionPlans.activity.checkInsHint')} value={draft.checkIns} onChange={(e) => set({ checkIns: e.currentTarget.value })} error={errors.checkIns} />
          <Button variant="default" disabled={!draft.startsOn || !draft.endsOn} onClick={() => set({ checkIns: recurringCheckIns(draft.startsOn, draft.endsOn, 3).join(', ') })}>{t('actionPlans.activity.quarterly')}</Button>
        </Group>
        <Fieldset legend={t('actionPlans.activity.followUp')}>
          <Stack gap="sm">
            <Textarea label={t('actionPlans.activity.followUpHow')} value={draft.how} onChange={(e) => set({ how: e.currentTarget.value })} autosize maxLength={2000} error={errors['followUp.how']} />
            <TextInput label={t('actionPlans.activity.followUpWhen')} value={draft.when} onChange={(e) => set({ when: e.currentTarget.value })} maxLength={300} error={errors['followUp.when']} />
            <MultiSelect label={t('actionPlans.activity.indicators')} description={t('actionPlans.activity.indicatorsHint')} data={(indicators.data ?? []).map((i) => ({ value: i.id, label: english ? i.nameEn : i.nameSv }))} value={draft.indicatorIds} onChange={(v) => set({ indicatorIds: v })} searchable clearable maxValues={10} error={errors['followUp.indicatorIds']} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('actionPlans.activity.communication')}>
          <Stack gap="sm">
            {draft.communication.map((c, i) => (
              <Group key={i} align="flex-end" gap="xs" role="group" aria-label={t('actionPlans.activity.communicationRow', { n: i + 1 })}>
                <TextInput style={{ flex: 2, minWidth: 140 }} label={t('actionPlans.activity.audience')} value={c.audience} onChange={(e) => setItem(i, { audience: e.currentTarget.value })} required maxLength={300} error={errors[`communication.${i}.audience`]} />
                <TextInput style={{ flex: 1, minWidth: 120 }} label={t('actionPlans.activity.channel')} value={c.channel} onChange={(e) => setItem(i, { channel: e.currentTarget.value })} required maxLength={200} error={errors[`communication.${i}.channel`]} />
                <TextInput style={{ flex: 1, minWidth: 120 }} label={t('actionPlans.activity.when')} value={c.when} onChange={(e) => setItem(i, { when: e.currentTarget.value })} required maxLength={200} error={errors[`communication.${i}.when`]} />
                <ActionIcon variant="default" size="lg" mb={errors[`communication.${i}.when`] ? 22 : 0} onClick={() => set({ communication: draft.communication.filter((_, j) => j !== i) })} aria-label={t('actionPlans.activity.removeCommunication', { n: i + 1 })}>
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            ))}
            <div>
              <Button variant="light" size="compact-sm" onClick={() => set({ communication: [...draft.communication, { audience: '', channel: '', when: '' }] })} disabled={draft.communication.length >= 20}>{t('actionPlans.activity.addCommunication')}</Button>
            </div>
          </Stack>
        </Fieldset>
        <FormActions onCancel={() => { if (!activity) clearDraft(); onCancel(); }} saving={change.isPending} />
      </Stack>
    </form>
  );
}
