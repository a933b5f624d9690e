import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { actionPlanTemplates, ActionPlanInput, ActionPlanUpdate, priorityAreas, type ActionPlanTemplate, type ActionPlanView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useCoordinatedOrganisations } from '../auth/useCurrentUser.ts';
import { useDraft } from '../children/useDraft.ts';
import { CodeSelect } from '../common/CodeSelect.tsx';
import { errorText, schemaErrors, serverFieldErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useCreatePlan, usePlanChange } from './useActionPlans.ts';

type Area = (typeof priorityAreas)[number];

interface Draft {
  title: string;
  ownerOrganisationId: string | null;
  sharingOrganisationIds: string[];
  periodStart: string;
  periodEnd: string;
  priorityArea: Area | null;
  overallGoal: string;
  soonLateDays: number;
  template: ActionPlanTemplate | null;
}

const emptyDraft: Draft = { title: '', ownerOrganisationId: null, sharingOrganisationIds: [], periodStart: '', periodEnd: '', priorityArea: null, overallGoal: '', soonLateDays: 14, template: null };

/** A plan's heading: owner, sharing organisations, period, priority area and overall goal. A new plan keeps its draft. */
export function PlanForm({ plan, onCancel, onSaved }: { plan: ActionPlanView | null; onCancel: () => void; onSaved: (saved: ActionPlanView, created: boolean) => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const create = useCreatePlan();
  const change = usePlanChange(plan?.id ?? '');
  const owners = useCoordinatedOrganisations();
  const [stored, setStored, clearDraft] = useDraft<Draft>('samsyn.draft.actionPlan', { ...emptyDraft, ownerOrganisationId: owners.length === 1 ? owners[0]![0] : null });
  const [edited, setEdited] = useState<Draft>(() => plan ? { title: plan.title, ownerOrganisationId: plan.owner.organisation.id, sharingOrganisationIds: plan.sharing.map((o) => o.id), periodStart: plan.periodStart, periodEnd: plan.periodEnd, priorityArea: plan.priorityArea, overallGoal: plan.overallGoal, soonLateDays: plan.soonLateDays, template: plan.template } : emptyDraft);
  const draft = plan ? edited : stored;
  const set = (patch: Partial<Draft>) => (plan ? setEdited({ ...draft, ...patch }) : setStored({ ...draft, ...patch }));
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);

  function onError(error: Error) {
    const fields = serverFieldErrors(error, t);
    setFailure(Object.keys(fields).length > 0 ? null : errorText(error, t, currentLanguage()));
    fail(fields);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const common = { title: draft.title, sharingOrganisationIds: draft.sharingOrganisationIds, periodStart: draft.periodStart, periodEnd: draft.periodEnd, priorityArea: draft.priorityArea ?? undefined, overallGoal: draft.overallGoal, soonLateDays: draft.soonLateDays };
    if (plan) {
      const parsed = ActionPlanUpdate.safeParse(common);
      if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
      change.mutate({ method: 'PATCH', path: '', body: parsed.data }, { onSuccess: (saved) => onSaved(saved, false), onError });
      return;
    }
    const parsed = ActionPlanInput.safeParse({ ...common, ownerOrganisationId: draft.ownerOrganisationId ?? undefined, template: draft.template });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    create.mutate(parsed.data, { onSuccess: (saved) => { clearDraft(); onSaved(saved, true); }, onError });
  }

  const others = (organisations.data ?? []).filter((o) => o.id !== draft.ownerOrganisationId).map((o) => ({ value: o.id, label: o.name }));
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        <TextInput label={t('actionPlans.planTitle')} value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={200} error={errors.title} data-autofocus />
        {!plan && owners.length > 1 && (
          <Select label={t('actionPlans.owner')} data={owners.map(([value, label]) => ({ value, label }))} value={draft.ownerOrganisationId} onChange={(v) => set({ ownerOrganisationId: v })} allowDeselect={false} required error={errors.ownerOrganisationId} />
        )}
        <MultiSelect label={t('actionPlans.sharing')} description={t('actionPlans.sharingHint')} data={others} value={draft.sharingOrganisationIds} onChange={(v) => set({ sharingOrganisationIds: v })} searchable clearable error={errors.sharingOrganisationIds} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('actionPlans.periodStart')} value={draft.periodStart} onChange={(e) => set({ periodStart: e.currentTarget.value })} required error={errors.periodStart} />
          <TextInput type="date" label={t('actionPlans.periodEnd')} value={draft.periodEnd} onChange={(e) => set({ periodEnd: e.currentTarget.value })} required error={errors.periodEnd} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CodeSelect label={t('actionPlans.priorityArea')} codes={priorityAreas} optionLabel={(a) => t(`indicators.priorityAreas.${a}`)} value={draft.priorityArea} onChange={(a) => set({ priorityArea: a })} required error={errors.priorityArea} />
          <NumberInput label={t('actionPlans.soonLateDays')} min={1} max={90} value={draft.soonLateDays} onChange={(v) => set({ soonLateDays: Number(v) || 14 })} error={errors.soonLateDays} />
        </SimpleGrid>
        <Textarea label={t('actionPlans.overallGoal')} value={draft.overallGoal} onChange={(e) => set({ overallGoal: e.currentTarget.value })} required autosize minRows={2} maxLength={4000} error={errors.overallGoal} />
        {!plan && (
          <Select
            label={t('actionPlans.template')}
            data={[{ value: 'none', label: t('actionPlans.templates.none') }, ...actionPlanTemplates.map((k) => ({ value: k, label: t(`actionPlans.templates.${k}`) }))]}
            value={draft.template ?? 'none'}
            onChange={(v) => set({ template: v === 'none' || v === null ? null : (v as ActionPlanTemplate) })}
            allowDeselect={false}
          />
        )}
        <FormActions onCancel={() => { if (!plan) clearDraft(); onCancel(); }} saving={create.isPending || change.isPending} />
      </Stack>
    </form>
  );
}
