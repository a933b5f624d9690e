import { MultiSelect, Stack, TextInput } from '@mantine/core';
import { defaultSecrecyDomains, SecrecyDomainCreate, secrecyDomainKinds, SecrecyDomainUpdate, sectors, type SecrecyDomainKind, type Sector } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../common/CodeSelect.tsx';
import { formFailure, schemaErrors } from '../../common/errors.ts';
import { FormActions, FormError } from '../../common/FormActions.tsx';
import { useFormErrors } from '../../common/useFocusFirstError.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { OrganisationField } from '../OrganisationField.tsx';
import type { OrganisationItem } from '../useOrganisations.ts';
import { useCreateDomain, useUpdateDomain, type DomainRow } from './useSecrecyDomains.ts';

interface Props {
  /** The domain to edit; null creates one. */
  domain: DomainRow | null;
  /** Organisations the user administers: the only ones a domain may be created in. */
  organisations: OrganisationItem[];
  onCancel: () => void;
  onSaved: (name: string, created: boolean) => void;
}

const sameSectors = (a: readonly Sector[], b: readonly Sector[]) => a.length === b.length && a.every((s) => b.includes(s));

export function DomainForm({ domain, organisations, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const create = useCreateDomain();
  const update = useUpdateDomain();
  const [organisationId, setOrganisationId] = useState<string | null>(domain?.organisationId ?? (organisations.length === 1 ? organisations[0]!.id : null));
  const [kind, setKind] = useState<SecrecyDomainKind | null>(domain?.kind ?? null);
  const [name, setName] = useState(domain?.name ?? '');
  const [legalReference, setLegalReference] = useState(domain?.legalReference ?? '');
  const [chosenSectors, setSectors] = useState<Sector[]>(domain?.sectors ?? []);
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors({ organisationId, kind, name, legalReference, sectors: chosenSectors });

  // The kind suggests the default name and reference; the administrator may change both.
  function chooseKind(next: SecrecyDomainKind) {
    setKind(next);
    if (!name.trim()) setName(defaultSecrecyDomains[next].name);
    if (!legalReference.trim()) setLegalReference(defaultSecrecyDomains[next].legalReference);
  }

  function onError(error: Error) {
    const { fields, message } = formFailure(error, t, currentLanguage(), { 'conflict:name': t('secrecyDomains.nameTaken'), 'conflict:sectors': t('secrecyDomains.sectorsTaken') });
    setFailure(message);
    fail(fields);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (domain) {
      const patch = {
        ...(name.trim() !== domain.name ? { name } : {}),
        ...(legalReference.trim() !== domain.legalReference ? { legalReference } : {}),
        ...(!sameSectors(chosenSectors, domain.sectors) ? { sectors: chosenSectors } : {}),
      };
      if (Object.keys(patch).length === 0) return onSaved(domain.name, false);
      const parsed = SecrecyDomainUpdate.safeParse(patch);
      if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
      update.mutate({ id: domain.id, patch: parsed.data }, { onSuccess: (saved) => onSaved(saved.name, false), onError });
    } else {
      const parsed = SecrecyDomainCreate.safeParse({ organisationId: organisationId ?? undefined, kind: kind ?? undefined, name, legalReference, sectors: chosenSectors });
      if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
      create.mutate(parsed.data, { onSuccess: (saved) => onSaved(saved.name, true), onError });
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        <OrganisationField label={t('secrecyDomains.organisation')} hint={t('secrecyDomains.organisationHint')} fixedName={domain?.organisationName ?? null} organisations={organisations} value={organisationId} onChange={setOrganisationId} error={errors.organisationId} />
        {!domain && (
          <CodeSelect
            label={t('secrecyDomains.kind')}
            description={t('secrecyDomains.kindHint')}
            codes={secrecyDomainKinds}
            optionLabel={(k) => t(`secrecyDomains.kinds.${k}`)}
            value={kind}
            onChange={chooseKind}
            required
            error={errors.kind}
            data-autofocus={organisations.length <= 1 || undefined}
          />
        )}
        <TextInput label={t('secrecyDomains.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} error={errors.name} data-autofocus={domain !== null || undefined} />
        <TextInput
          label={t('secrecyDomains.legalReference')}
          description={t('secrecyDomains.legalReferenceHint')}
          value={legalReference}
          onChange={(e) => setLegalReference(e.currentTarget.value)}
          required
          maxLength={300}
          error={errors.legalReference}
        />
        <MultiSelect
          label={t('secrecyDomains.sectors')}
          description={t('secrecyDomains.sectorsHint')}
          data={sectors.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
          value={chosenSectors}
          onChange={(values) => setSectors(values as Sector[])}
          error={errors.sectors}
          clearable
          searchable
          nothingFoundMessage={t('table.empty')}
        />
        <FormActions onCancel={onCancel} saving={create.isPending || update.isPending} />
      </Stack>
    </form>
  );
}
