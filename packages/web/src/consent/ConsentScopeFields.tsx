import { Checkbox, MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { infoCategories, type InfoCategory } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import type { FieldErrors } from '../common/errors.ts';
import { today } from '../common/format.ts';

/** What a consent covers: which organisations, which information, and for how long. */
export interface ConsentScope {
  organisationIds: string[];
  categories: InfoCategory[];
  validFrom: string;
  /** Empty: until further notice. */
  validTo: string;
}

export const newConsentScope = (): ConsentScope => ({ organisationIds: [], categories: [], validFrom: today(), validTo: '' });

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The scope's problems, keyed by field, in the UI language. */
export function consentScopeErrors(scope: ConsentScope, t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  if (!isoDate.test(scope.validFrom)) found.validFrom = t('consents.dateFormat');
  if (scope.validTo && !isoDate.test(scope.validTo)) found.validTo = t('consents.dateFormat');
  else if (scope.validTo && scope.validTo < scope.validFrom) found.validTo = t('consents.validToBefore');
  if (scope.organisationIds.length === 0) found.organisationIds = t('validation.required');
  if (scope.categories.length === 0) found.categories = t('validation.required');
  return found;
}

/** The fields of a consent's scope, shared by the professional's record of a consent and the citizen's own. */
export function ConsentScopeFields({ scope, onChange, errors }: { scope: ConsentScope; onChange: (scope: ConsentScope) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const set = (patch: Partial<ConsentScope>) => onChange({ ...scope, ...patch });
  return (
    <>
      <MultiSelect
        label={t('consents.organisations')}
        required
        searchable
        data={(organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
        value={scope.organisationIds}
        onChange={(organisationIds) => set({ organisationIds })}
        error={errors.organisationIds}
        aria-invalid={Boolean(errors.organisationIds) || undefined}
        nothingFoundMessage={t('table.empty')}
      />
      <Checkbox.Group label={t('consents.categories')} value={scope.categories} onChange={(v) => set({ categories: v as InfoCategory[] })} error={errors.categories} required>
        <SimpleGrid cols={{ base: 2, sm: 3 }} mt={6} spacing={6}>
          {infoCategories.map((c) => <Checkbox key={c} value={c} label={t(`child.record.categories.${c}`)} aria-invalid={Boolean(errors.categories) || undefined} />)}
        </SimpleGrid>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('consents.validFrom')} description={t('consents.dateHint')} required value={scope.validFrom} onChange={(e) => set({ validFrom: e.currentTarget.value })} error={errors.validFrom} aria-invalid={Boolean(errors.validFrom) || undefined} />
        <TextInput label={t('consents.validTo')} description={t('consents.validToHint')} value={scope.validTo} onChange={(e) => set({ validTo: e.currentTarget.value })} error={errors.validTo} aria-invalid={Boolean(errors.validTo) || undefined} />
      </SimpleGrid>
    </>
  );
}
