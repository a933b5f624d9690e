import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { canEditTraining, PlacementCostInput, PlacementInput, TrainingRecordInput, type PlacementView, type TrainingList } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useUnits } from '../admin/units/useUnits.ts';
import { planActor } from '../action-plans/useActionPlans.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { useDraft } from '../children/useDraft.ts';
import { errorText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { today } from '../common/format.ts';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useAgreementWrite } from './useAgreementEdits.ts';

interface Draft { caseReference: string; regionId: string | null; municipalityId: string | null; regionSharePercent: number; startsOn: string; endsOn: string; year: number; amount: number | null }

/** A coordinator adds a joint placement by case reference (never a child's identity), its split and a first year's amount. */
export function PlacementCreateForm({ onDone }: { onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const year = Number(today().slice(0, 4));
  const [draft, setDraft, clearDraft] = useDraft<Draft>('samsyn.draft.placement', { caseReference: '', regionId: null, municipalityId: null, regionSharePercent: 50, startsOn: today(), endsOn: '', year, amount: null });
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const create = useAgreementWrite('POST', () => '/api/agreements/placements');
  const { errors, fail, formRef } = useFormErrors(draft as unknown as Record<string, unknown>);
  const orgs = (kind: 'region' | 'municipality') => (organisations.data ?? []).filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = PlacementInput.safeParse({ caseReference: draft.caseReference, regionId: draft.regionId ?? undefined, municipalityId: draft.municipalityId ?? undefined, regionSharePercent: draft.regionSharePercent, startsOn: draft.startsOn, endsOn: draft.endsOn || null, costs: draft.amount === null ? [] : [{ year: draft.year, amount: draft.amount }] });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    create.mutate({ body: parsed.data }, { onSuccess: () => { clearDraft(); onDone(true); } });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={create.isError ? errorText(create.error, t, currentLanguage()) : null} />
        <TextInput label={t('opsForms2.placement.caseReference')} description={t('opsForms2.placement.caseReferenceHint')} value={draft.caseReference} onChange={(e) => set({ caseReference: e.currentTarget.value })} required maxLength={60} error={errors.caseReference} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('opsForms2.placement.region')} data={orgs('region')} value={draft.regionId} onChange={(v) => set({ regionId: v })} required error={errors.regionId} />
          <Select label={t('opsForms2.placement.municipality')} data={orgs('municipality')} value={draft.municipalityId} onChange={(v) => set({ municipalityId: v })} searchable required error={errors.municipalityId} />
          <NumberInput label={t('opsForms2.placement.regionShare')} min={0} max={100} decimalScale={2} suffix=" %" value={draft.regionSharePercent} onChange={(v) => set({ regionSharePercent: Number(v) })} required error={errors.regionSharePercent} />
          <TextInput type="date" label={t('opsForms2.placement.startsOn')} value={draft.startsOn} onChange={(e) => set({ startsOn: e.currentTarget.value })} required error={errors.startsOn} />
          <TextInput type="date" label={t('opsForms2.placement.endsOn')} value={draft.endsOn} onChange={(e) => set({ endsOn: e.currentTarget.value })} error={errors.endsOn} />
          <NumberInput label={t('opsForms2.placement.year')} min={2000} max={2100} value={draft.year} onChange={(v) => set({ year: Number(v) || year })} />
          <NumberInput label={t('opsForms2.placement.amount')} min={0} decimalScale={2} thousandSeparator=" " value={draft.amount ?? ''} onChange={(v) => set({ amount: v === '' ? null : Number(v) })} error={errors.costs} />
        </SimpleGrid>
        <FormActions onCancel={() => { clearDraft(); onDone(false); }} saving={create.isPending} />
      </Stack>
    </form>
  );
}

/** The parties' coordinators set a placement's amount for a year (PUT: a year already there is replaced). */
export function PlacementCostForm({ placement }: { placement: PlacementView }) {
  const { t } = useTranslation();
  const [v, setV] = useState<{ year: number; amount: number | null }>({ year: Number(today().slice(0, 4)), amount: null });
  const write = useAgreementWrite('PUT', () => `/api/agreements/placements/${placement.id}/costs`);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = PlacementCostInput.safeParse(v);
    setMissing(!parsed.success);
    if (parsed.success) write.mutate({ body: parsed.data });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('opsForms2.placement.costFor', { ref: placement.caseReference })}>
      <Stack gap={4}>
        <FormError text={missing ? t('opsForms2.placement.amountMissing') : write.isError ? errorText(write.error, t, currentLanguage()) : null} />
        <Group align="flex-end" wrap="wrap" gap="xs">
          <Text fw={600} miw={120}>{placement.caseReference}</Text>
          <NumberInput w={110} label={t('opsForms2.placement.yearFor', { ref: placement.caseReference })} min={2000} max={2100} value={v.year} onChange={(y) => setV({ ...v, year: Number(y) })} />
          <NumberInput w={180} label={t('opsForms2.placement.amountFor', { ref: placement.caseReference })} min={0} decimalScale={2} thousandSeparator=" " value={v.amount ?? ''} onChange={(a) => setV({ ...v, amount: a === '' ? null : Number(a) })} />
          <Button type="submit" variant="light" loading={write.isPending} aria-label={t('opsForms2.placement.saveAmountFor', { ref: placement.caseReference })}>{t('opsForms2.placement.saveAmount')}</Button>
          {write.isSuccess && <Text role="status" size="sm">{t('opsForms2.placement.amountSaved', { ref: placement.caseReference, year: write.variables.body && (write.variables.body as { year: number }).year })}</Text>}
        </Group>
      </Stack>
    </form>
  );
}

/** A unit's training count, for units with a record and those without one yet (the units the caller may record for). */
export function TrainingRecordForm({ data }: { data: TrainingList }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const units = useUnits();
  const mine = (units.data ?? []).filter((u) => u.active && canEditTraining(planActor(me), { id: u.id, organisationId: u.organisationId }));
  const [v, setV] = useState<{ unitId: string | null; courseId: string | null; staffCount: number | null; completedCount: number | null }>({ unitId: null, courseId: data.courses[0]?.id ?? null, staffCount: null, completedCount: null });
  const write = useAgreementWrite('PUT', () => '/api/agreements/training');
  const { errors, fail, formRef } = useFormErrors(v);
  const pick = (unitId: string | null, courseId = v.courseId) => {
    const known = data.records.find((r) => r.unit.id === unitId && r.course.id === courseId);
    setV({ unitId, courseId, staffCount: known?.staffCount ?? null, completedCount: known?.completedCount ?? null });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = TrainingRecordInput.safeParse({ unitId: v.unitId ?? undefined, courseId: v.courseId ?? undefined, staffCount: v.staffCount ?? undefined, completedCount: v.completedCount ?? undefined });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    write.mutate({ body: parsed.data });
  };
  if (mine.length === 0) return null;
  const recorded = new Set(data.records.map((r) => r.unit.id));
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="training-record">
      <Stack gap="xs">
        <Text component="h2" fw={700} id="training-record">{t('opsForms2.training.title')}</Text>
        <FormError text={write.isError ? errorText(write.error, t, currentLanguage()) : null} />
        <Group align="flex-start" wrap="wrap">
          <Select style={{ flex: 1, minWidth: 220 }} label={t('opsForms2.training.unit')} data={mine.map((u) => ({ value: u.id, label: `${u.name} (${u.organisationName})${recorded.has(u.id) ? '' : ` – ${t('opsForms2.training.noRecord')}`}` }))} value={v.unitId} onChange={(u) => pick(u)} searchable required error={errors.unitId} />
          <Select label={t('opsForms2.training.course')} data={data.courses.map((c) => ({ value: c.id, label: `${c.name} (${t('opsForms2.training.target', { target: c.targetPercent })})` }))} value={v.courseId} onChange={(c) => pick(v.unitId, c)} allowDeselect={false} required error={errors.courseId} />
          <NumberInput w={140} label={t('opsForms2.training.staff')} min={0} value={v.staffCount ?? ''} onChange={(n) => setV({ ...v, staffCount: n === '' ? null : Number(n) })} required error={errors.staffCount} />
          <NumberInput w={140} label={t('opsForms2.training.completed')} min={0} value={v.completedCount ?? ''} onChange={(n) => setV({ ...v, completedCount: n === '' ? null : Number(n) })} required error={errors.completedCount} />
        </Group>
        <Group><Button type="submit" loading={write.isPending}>{t('opsForms2.training.save')}</Button></Group>
        <Text role="status">{write.isSuccess ? t('opsForms2.training.saved') : ''}</Text>
      </Stack>
    </form>
  );
}
