import { Stack, TextInput } from '@mantine/core';
import { sectors, UnitCreate, UnitUpdate, type Sector, type Unit } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../common/CodeSelect.tsx';
import { formFailure, schemaErrors } from '../../common/errors.ts';
import { FormActions, FormError } from '../../common/FormActions.tsx';
import { useFormErrors } from '../../common/useFocusFirstError.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { OrganisationField } from '../OrganisationField.tsx';
import type { OrganisationItem } from '../useOrganisations.ts';
import { useCreateUnit, useUpdateUnit } from './useUnits.ts';

interface Props {
  /** The unit to edit; null creates one. */
  unit: Unit | null;
  /** Organisations the user administers: the only ones a unit may be created in. */
  organisations: OrganisationItem[];
  onCancel: () => void;
  onSaved: (unit: Unit, created: boolean) => void;
}

export function UnitForm({ unit, organisations, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [organisationId, setOrganisationId] = useState<string | null>(unit?.organisationId ?? (organisations.length === 1 ? organisations[0]!.id : null));
  const [name, setName] = useState(unit?.name ?? '');
  const [sector, setSector] = useState<Sector | null>(unit?.sector ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors({ organisationId, name, sector });

  function onError(error: Error) {
    const { fields, message } = formFailure(error, t, currentLanguage(), { 'conflict:name': t('units.nameTaken') });
    setFailure(message);
    fail(fields);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (unit) {
      const patch = { ...(name.trim() !== unit.name ? { name } : {}), ...(sector !== unit.sector ? { sector } : {}) };
      if (Object.keys(patch).length === 0) return onSaved(unit, false);
      const parsed = UnitUpdate.safeParse(patch);
      if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
      update.mutate({ id: unit.id, patch: parsed.data }, { onSuccess: (saved) => onSaved(saved, false), onError });
    } else {
      const parsed = UnitCreate.safeParse({ organisationId: organisationId ?? undefined, name, sector: sector ?? undefined });
      if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
      create.mutate(parsed.data, { onSuccess: (saved) => onSaved(saved, true), onError });
    }
  }

  const pending = create.isPending || update.isPending;
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        <OrganisationField label={t('units.organisation')} hint={t('units.organisationHint')} fixedName={unit?.organisationName ?? null} organisations={organisations} value={organisationId} onChange={setOrganisationId} error={errors.organisationId} />
        <TextInput
          label={t('units.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          maxLength={200}
          error={errors.name}
          data-autofocus={unit !== null || organisations.length <= 1 || undefined}
        />
        <CodeSelect label={t('units.sector')} codes={sectors} optionLabel={(s) => t(`sectors.${s}`)} value={sector} onChange={setSector} required error={errors.sector} />
        <FormActions onCancel={onCancel} saving={pending} />
      </Stack>
    </form>
  );
}
