import { Button, Group, Modal, Select, Text } from '@mantine/core';
import { sectors, type KoladaOuLink, type Unit } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../common/format.ts';
import { actionsColumn, activeColumn, ListPage, OrganisationFilter } from '../../common/ListPage.tsx';
import type { Column } from '../../common/SortableTable.tsx';
import { message } from '../../common/StatusMessage.tsx';
import { useListPage } from '../../common/useListPage.ts';
import { useOrganisations } from '../useOrganisations.ts';
import { KoladaOuForm } from './KoladaOuForm.tsx';
import { UnitForm } from './UnitForm.tsx';
import { useKoladaOus } from './useKoladaOus.ts';
import { useUnits, useUpdateUnit } from './useUnits.ts';

export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const organisations = useOrganisations();
  const list = useListPage<Unit>({
    sortKey: 'name',
    update: useUpdateUnit(),
    activeMessage: (saved, tr) => tr(saved.active ? 'units.reactivated' : 'units.deactivated', { name: saved.name }),
  });
  // undefined: not chosen yet, so an administrator of a single organisation starts with theirs.
  const [organisationFilter, setOrganisationFilter] = useState<string | null | undefined>(undefined);
  const [sectorFilter, setSectorFilter] = useState<string | null>(null);

  const administrable = useMemo(() => (organisations.data ?? []).filter((o) => o.administrable), [organisations.data]);
  const administrableIds = useMemo(() => new Set(administrable.map((o) => o.id)), [administrable]);
  const organisationId = organisationFilter === undefined ? (administrable.length === 1 ? administrable[0]!.id : null) : organisationFilter;
  const canAdminister = (u: Unit) => administrableIds.has(u.organisationId);
  // A school unit's Kolada unit (ou), for the schools the administrator may link (the server's list).
  const koladaOus = useKoladaOus();
  const [linking, setLinking] = useState<KoladaOuLink | null>(null);

  const columns: Column<Unit>[] = [
    { key: 'organisation', header: t('units.organisation'), value: (u) => u.organisationName },
    { key: 'name', header: t('units.name'), value: (u) => u.name, render: (u) => <Text fw={600} size="sm">{u.name}</Text> },
    { key: 'sector', header: t('units.sector'), value: (u) => t(`sectors.${u.sector}`) },
    {
      key: 'koladaOu',
      header: t('population3.ou.column'),
      value: (u) => koladaOus.data?.get(u.id)?.koladaOu ?? '',
      render: (u) => {
        const school = koladaOus.data?.get(u.id);
        if (!school) return null;
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{school.koladaOu ?? '–'}</Text>
            <Button size="compact-sm" variant="light" onClick={() => setLinking(school)} aria-label={t(school.koladaOu ? 'population3.ou.changeNamed' : 'population3.ou.setNamed', { name: u.name })}>
              {t(school.koladaOu ? 'population3.ou.change' : 'population3.ou.set')}
            </Button>
          </Group>
        );
      },
    },
    activeColumn(t),
    { key: 'updatedAt', header: t('common.updated'), value: (u) => formatDate(u.updatedAt), nowrap: true },
    actionsColumn(t, list, { name: (u) => u.name, canEdit: canAdminister, canToggle: canAdminister }),
  ];

  return (
    <>
      <ListPage
        list={list}
        deactivation={{ name: (u) => u.name, text: (u) => t('units.confirmDeactivateText', { name: u.name }) }}
        query={units}
        title={t('units.title')}
        intro={t('units.intro')}
        newLabel={administrable.length > 0 ? t('units.new') : undefined}
        filters={
          <>
            <OrganisationFilter organisations={organisations.data ?? []} value={organisationId} onChange={setOrganisationFilter} />
            <Select
              label={t('units.sector')}
              placeholder={t('units.allSectors')}
              data={sectors.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
              value={sectorFilter}
              onChange={setSectorFilter}
              clearable
            />
          </>
        }
        filter={(u) =>
          list.matches(u, `${u.name} ${u.organisationName} ${t(`sectors.${u.sector}`)}`)
          && (!organisationId || u.organisationId === organisationId)
          && (!sectorFilter || u.sector === sectorFilter)}
        filterKey={[organisationId, sectorFilter]}
        columns={columns}
        caption={t('units.caption')}
        exportFile={t('units.exportFile')}
        formTitle={t(list.editing.item ? 'units.editTitle' : 'units.createTitle')}
        formSize="lg"
        form={
          <UnitForm
            key={list.editing.key}
            unit={list.editing.item}
            organisations={administrable}
            onCancel={list.closeForm}
            onSaved={(saved, created) => list.saved(message(created ? 'units.created' : 'units.saved', { name: saved.name }))}
          />
        }
      />
      <Modal opened={linking !== null} onClose={() => setLinking(null)} closeButtonProps={{ 'aria-label': t('common.close') }} title={linking ? t('population3.ou.title', { name: linking.name }) : ''}>
        {linking && (
          <KoladaOuForm
            school={linking}
            onCancel={() => setLinking(null)}
            onDone={(removed) => {
              list.status.success(message(removed ? 'population3.ou.removed' : 'population3.ou.saved', { name: linking.name }));
              setLinking(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}
