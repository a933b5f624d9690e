import { Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import {
  indicatorBreakdowns,
  indicatorDirections,
  IndicatorInput,
  indicatorSourceKinds,
  indicatorUnits,
  IndicatorUpdate,
  priorityAreas,
  pupilBases,
} from '@samsyn/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { CodeSelect } from '../common/CodeSelect.tsx';
import { formFailure, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useCreateIndicator, useUpdateIndicator, type IndicatorRow } from './useIndicators.ts';

type Unit = (typeof indicatorUnits)[number];
type Direction = (typeof indicatorDirections)[number];
type Area = (typeof priorityAreas)[number];
type SourceKind = (typeof indicatorSourceKinds)[number];
type Breakdown = (typeof indicatorBreakdowns)[number];

interface Props {
  indicator: IndicatorRow | null;
  /** Organisations the user may own an indicator for; shown as a choice when more than one. */
  owners: readonly { id: string; name: string }[];
  onCancel: () => void;
  onSaved: (name: string, created: boolean) => void;
}

interface Draft {
  id: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  unit: Unit | null;
  direction: Direction | null;
  priorityArea: Area | null;
  sourceKind: SourceKind | null;
  sourceRef: string;
  pupilBasis: string | null;
  breakdowns: Breakdown[];
  owner: string | null;
}

/** The form as it opens: the indicator's own values, or a new one's defaults. */
function draftOf(indicator: IndicatorRow | null, owners: Props['owners']): Draft {
  return {
    id: indicator?.id ?? '',
    nameSv: indicator?.nameSv ?? '',
    nameEn: indicator?.nameEn ?? '',
    descriptionSv: indicator?.descriptionSv ?? '',
    descriptionEn: indicator?.descriptionEn ?? '',
    unit: indicator?.unit ?? null,
    direction: indicator?.direction ?? 'higher_is_better',
    priorityArea: indicator?.priorityArea ?? null,
    sourceKind: indicator?.source.kind ?? null,
    sourceRef: indicator?.source.ref ?? '',
    pupilBasis: indicator?.pupilBasis ?? null,
    breakdowns: indicator?.breakdowns ?? ['year', 'municipality'],
    owner: owners.length === 1 ? owners[0]!.id : null,
  };
}

/** An indicator's definition. Its id and source are fixed once made: plans and targets refer to them. */
export function IndicatorForm({ indicator, owners, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  // The form keeps a draft in the tab (useDraft) as the user types, across a reload; saving or cancelling clears it.
  const initial = useMemo(() => draftOf(indicator, owners), [indicator, owners]);
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`indicator-form:${indicator?.id ?? 'new'}`, initial);
  const { id, nameSv, nameEn, descriptionSv, descriptionEn, unit, direction, priorityArea, sourceKind, sourceRef, pupilBasis, breakdowns, owner } = draft;
  const field = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors();

  function onError(error: Error) {
    const { fields, message } = formFailure(error, t, currentLanguage(), { 'conflict:source.ref': t('indicators.sourceTaken'), 'conflict:id': t('indicators.idTaken') });
    setFailure(message);
    fail(fields);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const common = { nameSv, nameEn, descriptionSv, descriptionEn, unit: unit ?? undefined, direction: direction ?? undefined, priorityArea: priorityArea ?? undefined, pupilBasis: (pupilBasis as IndicatorInput['pupilBasis']) ?? null, breakdowns };
    if (indicator) {
      const parsed = IndicatorUpdate.safeParse(common);
      if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
      update.mutate({ id: indicator.id, patch: parsed.data }, { onSuccess: (saved) => { clearDraft(); onSaved(saved.nameSv, false); }, onError });
      return;
    }
    const parsed = IndicatorInput.safeParse({ ...common, id, source: { kind: sourceKind ?? undefined, ref: sourceRef }, ...(owner ? { ownerOrganisationId: owner } : {}) });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    create.mutate(parsed.data, { onSuccess: (saved) => { clearDraft(); onSaved(saved.nameSv, true); }, onError });
  }

  const toggle = (b: Breakdown, on: boolean) => field('breakdowns')(on ? indicatorBreakdowns.filter((x) => x === b || breakdowns.includes(x)) : breakdowns.filter((x) => x !== b));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        {!indicator && (
          <>
            <TextInput label={t('indicators.id')} description={t('indicators.idHint')} value={id} onChange={(e) => field('id')(e.currentTarget.value)} required maxLength={80} error={errors.id} data-autofocus />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CodeSelect label={t('indicators.sourceKind')} codes={indicatorSourceKinds} optionLabel={(k) => t(`indicators.sourceKinds.${k}`)} value={sourceKind} onChange={field('sourceKind')} required error={errors['source.kind']} />
              <TextInput label={t('indicators.sourceRef')} description={t('indicators.sourceRefHint')} value={sourceRef} onChange={(e) => field('sourceRef')(e.currentTarget.value)} required maxLength={80} error={errors['source.ref']} />
            </SimpleGrid>
            {owners.length > 1 && (
              <Select label={t('indicators.owner')} data={owners.map((o) => ({ value: o.id, label: o.name }))} value={owner} onChange={field('owner')} allowDeselect={false} required error={errors.ownerOrganisationId} searchable />
            )}
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('indicators.nameSv')} value={nameSv} onChange={(e) => field('nameSv')(e.currentTarget.value)} required maxLength={200} error={errors.nameSv} data-autofocus={indicator !== null || undefined} />
          <TextInput label={t('indicators.nameEn')} value={nameEn} onChange={(e) => field('nameEn')(e.currentTarget.value)} required maxLength={200} error={errors.nameEn} />
          <Textarea label={t('indicators.descriptionSv')} value={descriptionSv} onChange={(e) => field('descriptionSv')(e.currentTarget.value)} autosize minRows={2} maxLength={4000} error={errors.descriptionSv} />
          <Textarea label={t('indicators.descriptionEn')} value={descriptionEn} onChange={(e) => field('descriptionEn')(e.currentTarget.value)} autosize minRows={2} maxLength={4000} error={errors.descriptionEn} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CodeSelect label={t('indicators.unit')} codes={indicatorUnits} optionLabel={(u) => t(`indicators.units.${u}`)} value={unit} onChange={field('unit')} required error={errors.unit} />
          <CodeSelect label={t('indicators.direction')} codes={indicatorDirections} optionLabel={(d) => t(`indicators.directions.${d}`)} value={direction} onChange={field('direction')} required error={errors.direction} />
          <CodeSelect label={t('indicators.priorityArea')} codes={priorityAreas} optionLabel={(a) => t(`indicators.priorityAreas.${a}`)} value={priorityArea} onChange={field('priorityArea')} required error={errors.priorityArea} />
        </SimpleGrid>
        <Select
          label={t('indicators.pupilBasis')}
          description={t('indicators.pupilBasisHint')}
          data={pupilBases.map((b) => ({ value: b, label: t(`indicators.pupilBases.${b}`) }))}
          placeholder={t('indicators.pupilBases.none')}
          value={pupilBasis}
          onChange={field('pupilBasis')}
          clearable
          error={errors.pupilBasis}
        />
        <Checkbox.Group label={t('indicators.breakdowns')} error={errors.breakdowns} value={breakdowns}>
          <Group gap="md" mt={6}>
            {indicatorBreakdowns.map((b) => (
              <Checkbox key={b} value={b} label={t(`indicators.breakdownNames.${b}`)} checked={breakdowns.includes(b)} onChange={(e) => toggle(b, e.currentTarget.checked)} />
            ))}
          </Group>
        </Checkbox.Group>
        <FormActions onCancel={() => { clearDraft(); onCancel(); }} saving={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}
