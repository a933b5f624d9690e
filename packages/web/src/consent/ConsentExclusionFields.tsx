import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { infoCategories, type InfoCategory } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../common/errors.ts';
import { compareText } from '../common/format.ts';
import type { PartyNames } from './useConsentParties.ts';

/** One exclusion as the form holds it: the place as `scope:id` (empty until chosen) and its categories. */
export interface ExclusionDraft {
  place: string;
  categories: InfoCategory[];
}

/** Each exclusion needs a place and at least one category; errors are keyed `exclusions.N.field`. */
export function exclusionErrors(exclusions: readonly ExclusionDraft[], t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  exclusions.forEach((x, i) => {
    if (!x.place) found[`exclusions.${i}.place`] = t('consentParties.fields.placeRequired');
    if (x.categories.length === 0) found[`exclusions.${i}.categories`] = t('validation.required');
  });
  return found;
}

/** Whole organisations, then each organisation's domains and units, as grouped options. */
function placeOptions(names: PartyNames, t: TFunction) {
  const groups: { group: string; items: { value: string; label: string }[] }[] = [
    { group: t('consentParties.fields.wholeOrganisations'), items: [...names.organisations].map(([id, name]) => ({ value: `organisation:${id}`, label: name })) },
  ];
  const add = (group: string, item: { value: string; label: string }) => {
    const found = groups.find((g) => g.group === group);
    if (found) found.items.push(item);
    else groups.push({ group, items: [item] });
  };
  for (const d of [...names.domains.values()].sort((a, b) => compareText(a.organisationName, b.organisationName))) {
    add(t('consentParties.fields.domainsOf', { organisation: d.organisationName }), { value: `secrecy_domain:${d.id}`, label: `${d.name} (${d.organisationName})` });
  }
  for (const [id, u] of [...names.units].sort((a, b) => compareText(a[1].organisationName, b[1].organisationName) || compareText(a[1].name, b[1].name))) {
    add(t('consentParties.fields.unitsOf', { organisation: u.organisationName }), { value: `unit:${id}`, label: u.name });
  }
  return groups;
}

/** Optional exclusions: "not BUP's health entries". */
export function ConsentExclusionFields({ exclusions, onChange, errors, names }: { exclusions: ExclusionDraft[]; onChange: (exclusions: ExclusionDraft[]) => void; errors: FieldErrors; names: PartyNames }) {
  const { t } = useTranslation();
  const options = placeOptions(names, t);
  const update = (i: number, patch: Partial<ExclusionDraft>) => onChange(exclusions.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Fieldset legend={t('consentParties.fields.exclusions')} variant="unstyled">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('consentParties.fields.exclusionsHint')}</Text>
        {exclusions.map((x, i) => {
          const number = i + 1;
          const placeError = errors[`exclusions.${i}.place`];
          const categoriesError = errors[`exclusions.${i}.categories`];
          return (
            <Fieldset key={i} legend={t('consentParties.fields.exclusionNumber', { number })}>
              <Stack gap="xs">
                <Select
                  label={t('consentParties.fields.exclusionPlace')}
                  required
                  searchable
                  data={options}
                  value={x.place || null}
                  onChange={(place) => update(i, { place: place ?? '' })}
                  error={placeError}
                  aria-invalid={Boolean(placeError) || undefined}
                  nothingFoundMessage={t('table.empty')}
                />
                <Checkbox.Group label={t('consentParties.fields.exclusionCategories')} value={x.categories} onChange={(v) => update(i, { categories: v as InfoCategory[] })} error={categoriesError} required>
                  <SimpleGrid cols={{ base: 2, sm: 3 }} mt={6} spacing={6}>
                    {infoCategories.map((c) => <Checkbox key={c} value={c} label={t(`child.record.categories.${c}`)} aria-invalid={Boolean(categoriesError) || undefined} />)}
                  </SimpleGrid>
                </Checkbox.Group>
                <Group justify="flex-end">
                  <Button size="compact-sm" variant="default" onClick={() => onChange(exclusions.filter((_, j) => j !== i))}>
                    {t('consentParties.fields.removeExclusion', { number })}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button variant="light" size="compact-md" onClick={() => onChange([...exclusions, { place: '', categories: [] }])}>{t('consentParties.fields.addExclusion')}</Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
