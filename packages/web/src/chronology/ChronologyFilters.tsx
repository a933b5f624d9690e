import { Button, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { ChronologyEventType, ChronologyOrder, ChronologyView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { noFilters, type ChronologyRequest } from './useChronology.ts';

interface Props {
  applied: ChronologyRequest;
  facets: ChronologyView['facets'];
  onApply: (request: ChronologyRequest) => void;
}

/**
 * The chronology's filters: applied with the button, not on every change, since every reading of
 * the chronology is a look in the log. The choices are what the caller may see; what is hidden
 * offers no choice.
 */
export function ChronologyFilters({ applied, facets, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(applied);
  const periodInvalid = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const set = <K extends keyof ChronologyRequest>(key: K, value: ChronologyRequest[K]) => setDraft({ ...draft, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!periodInvalid) onApply({ ...draft, page: 1 });
  }

  return (
    <form onSubmit={submit} aria-label={t('table.filters')} className="page-panel" noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} p="md" spacing="md" verticalSpacing="sm">
        <Checkbox.Group label={t('chronology.filters.type')} value={draft.types} onChange={(v) => set('types', v as ChronologyEventType[])}>
          <Group gap="sm" mt={4}>
            {facets.types.map((type) => <Checkbox key={type} value={type} label={t(`chronology.types.${type}`)} />)}
          </Group>
        </Checkbox.Group>
        <Select
          label={t('chronology.filters.organisation')}
          placeholder={t('chronology.filters.allOrganisations')}
          data={facets.organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={draft.organisation}
          onChange={(v) => set('organisation', v)}
          clearable
        />
        <Select
          label={t('chronology.filters.domain')}
          placeholder={t('chronology.filters.allDomains')}
          data={facets.secrecyDomains.map((d) => ({ value: d.id, label: d.name }))}
          value={draft.secrecyDomain}
          onChange={(v) => set('secrecyDomain', v)}
          clearable
        />
        <TextInput type="date" label={t('chronology.filters.from')} value={draft.from} onChange={(e) => set('from', e.currentTarget.value)} />
        <TextInput type="date" label={t('chronology.filters.to')} value={draft.to} onChange={(e) => set('to', e.currentTarget.value)} error={periodInvalid ? t('chronology.filters.periodInvalid') : undefined} aria-invalid={periodInvalid || undefined} />
        <Select
          label={t('chronology.filters.order')}
          data={(['newest', 'oldest'] as const).map((o) => ({ value: o, label: t(`chronology.filters.${o}`) }))}
          value={draft.order}
          onChange={(v) => set('order', (v ?? 'newest') as ChronologyOrder)}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group gap="sm" px="md" pb="md">
        <Button type="submit" disabled={periodInvalid}>{t('chronology.filters.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(noFilters);
            onApply(noFilters);
          }}
        >
          {t('chronology.filters.reset')}
        </Button>
      </Group>
    </form>
  );
}
