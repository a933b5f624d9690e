import { Checkbox, Fieldset, MultiSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { infoCategories, type ConsentExclusionInput, type InfoCategory } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { serverFieldErrors, type FieldErrors } from '../common/errors.ts';
import sv from '../i18n/sv.json';
import { compareText, today } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { ConsentExclusionFields, exclusionErrors, type ExclusionDraft } from './ConsentExclusionFields.tsx';
import { ConsentSummaryBox } from './ConsentSummaryBox.tsx';
import { consentSummary } from './consentSummary.ts';
import { termsOfChoice, usePartyNames, type PartyNames } from './useConsentParties.ts';

/** What a consent covers: its parties, which information, what is left out, and for how long. */
export interface ConsentScope {
  /** Whole organisations: all their secrecy domains. */
  organisationIds: string[];
  /** Single secrecy domains. */
  domainIds: string[];
  categories: InfoCategory[];
  exclusions: ExclusionDraft[];
  validFrom: string;
  /** Empty: until further notice. */
  validTo: string;
}

export const newConsentScope = (): ConsentScope => ({ organisationIds: [], domainIds: [], categories: [], exclusions: [], validFrom: today(), validTo: '' });

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The scope's problems, keyed by field, in the UI language. */
export function consentScopeErrors(scope: ConsentScope, t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  if (!isoDate.test(scope.validFrom)) found.validFrom = t('consents.dateFormat');
  if (scope.validTo && !isoDate.test(scope.validTo)) found.validTo = t('consents.dateFormat');
  else if (scope.validTo && scope.validTo < scope.validFrom) found.validTo = t('consents.validToBefore');
  if (scope.organisationIds.length + scope.domainIds.length === 0) found.organisationIds = t('consentParties.fields.partiesRequired');
  if (scope.categories.length === 0) found.categories = t('validation.required');
  return { ...found, ...exclusionErrors(scope.exclusions, t) };
}

/** The server's field problems; one that names a known reason (`unknown_secrecy_domain`, …) says it in words. */
export function consentServerErrors(error: unknown, t: TFunction): FieldErrors {
  const found = serverFieldErrors(error, t);
  if (!(error instanceof ApiError)) return found;
  for (const [field, issues] of error.fieldIssues()) {
    const reason = issues.find((i) => i.message && i.message in sv.refusals)?.message;
    if (reason) found[field] = t(`refusals.${reason as keyof typeof sv.refusals}`);
  }
  return found;
}

/** The scope as the API's fields: exclusions without a place are dropped before this (they are errors). */
export function scopeInput(scope: ConsentScope) {
  const exclusions: ConsentExclusionInput[] = scope.exclusions.flatMap((x) => {
    const [kind, id] = x.place.split(':') as [ConsentExclusionInput['scope'], string];
    return id ? [{ scope: kind, id, categories: x.categories }] : [];
  });
  return { organisationIds: scope.organisationIds, domainIds: scope.domainIds, categories: scope.categories, exclusions, validFrom: scope.validFrom, validTo: scope.validTo || null };
}

/** The plain-language sentence for a scope being filled in; null until it names a party and information. */
export function useScopeSummary(scope: ConsentScope): string | null {
  const { t } = useTranslation();
  const names = usePartyNames();
  const input = scopeInput(scope);
  return consentSummary(termsOfChoice({ ...input, validTo: scope.validTo }, names), t, currentLanguage());
}

/** The domains offered, grouped by organisation; each label names its organisation, since names repeat. */
function domainOptions(names: PartyNames, t: TFunction) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const d of [...names.domains.values()].sort((a, b) => compareText(a.name, b.name))) {
    const group = t('consentParties.fields.domainsOf', { organisation: d.organisationName });
    groups.set(group, [...(groups.get(group) ?? []), { value: d.id, label: `${d.name} (${d.organisationName})` }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/**
 * The fields of a consent's scope, shared by the professional's record of a consent and the
 * citizen's own, with the live summary of what it will allow.
 */
export function ConsentScopeFields({ scope, onChange, errors }: { scope: ConsentScope; onChange: (scope: ConsentScope) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const names = usePartyNames();
  const summary = useScopeSummary(scope);
  const set = (patch: Partial<ConsentScope>) => onChange({ ...scope, ...patch });
  const partiesError = errors.organisationIds ?? errors.domainIds;
  const lone = scope.organisationIds.length === 0 && scope.domainIds.length === 1;
  return (
    <>
      <Fieldset legend={t('consentParties.fields.parties')} variant="unstyled">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('consentParties.fields.partiesHint')}</Text>
          <MultiSelect
            label={t('consentParties.fields.organisations')}
            description={t('consentParties.fields.organisationsHint')}
            searchable
            data={[...names.organisations].map(([value, label]) => ({ value, label }))}
            value={scope.organisationIds}
            onChange={(organisationIds) => set({ organisationIds })}
            error={errors.organisationIds}
            aria-invalid={Boolean(partiesError) || undefined}
            nothingFoundMessage={t('table.empty')}
          />
          <MultiSelect
            label={t('consentParties.fields.domains')}
            description={t('consentParties.fields.domainsHint')}
            searchable
            data={domainOptions(names, t)}
            value={scope.domainIds}
            onChange={(domainIds) => set({ domainIds })}
            error={errors.domainIds}
            aria-invalid={Boolean(errors.domainIds) || undefined}
            nothingFoundMessage={t('table.empty')}
          />
          {lone && <Text size="sm" c="orange.9">{t('consentParties.fields.lonePartyWarning')}</Text>}
        </Stack>
      </Fieldset>
      <Checkbox.Group label={t('consents.categories')} value={scope.categories} onChange={(v) => set({ categories: v as InfoCategory[] })} error={errors.categories} required>
        <SimpleGrid cols={{ base: 2, sm: 3 }} mt={6} spacing={6}>
          {infoCategories.map((c) => <Checkbox key={c} value={c} label={t(`child.record.categories.${c}`)} aria-invalid={Boolean(errors.categories) || undefined} />)}
        </SimpleGrid>
      </Checkbox.Group>
      <ConsentExclusionFields exclusions={scope.exclusions} onChange={(exclusions) => set({ exclusions })} errors={errors} names={names} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('consents.validFrom')} description={t('consents.dateHint')} required value={scope.validFrom} onChange={(e) => set({ validFrom: e.currentTarget.value })} error={errors.validFrom} aria-invalid={Boolean(errors.validFrom) || undefined} />
        <TextInput label={t('consents.validTo')} description={t('consents.validToHint')} value={scope.validTo} onChange={(e) => set({ validTo: e.currentTarget.value })} error={errors.validTo} aria-invalid={Boolean(errors.validTo) || undefined} />
      </SimpleGrid>
      <ConsentSummaryBox summary={summary} live />
    </>
  );
}
