import { Button, Group, Select, Text } from '@mantine/core';
import { sectors } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage, OrganisationFilter } from '../../common/ListPage.tsx';
import type { Column } from '../../common/SortableTable.tsx';
import { message } from '../../common/StatusMessage.tsx';
import { useListPage } from '../../common/useListPage.ts';
import { useOrganisations } from '../useOrganisations.ts';
import { DomainForm } from './DomainForm.tsx';
import { MoveUnitDialog } from './MoveUnitDialog.tsx';
import { useSecrecyDomains, type DomainRow } from './useSecrecyDomains.ts';

/**
 * Secrecy domains (sekretessområden) of the organisations the user administers: the legal
 * boundary for reading inside an organisation. The administrator names them, gives their legal
 * reference and the sectors whose new units join them, and moves units between them.
 */
export function SecrecyDomainsPage() {
  const { t } = useTranslation();
  const domains = useSecrecyDomains();
  const organisations = useOrganisations();
  const list = useListPage<DomainRow>({ sortKey: 'organisation' });
  const [organisationFilter, setOrganisationFilter] = useState<string | null | undefined>(undefined);
  const [sectorFilter, setSectorFilter] = useState<string | null>(null);
  const [moving, setMoving] = useState<DomainRow | null>(null);

  const administrable = useMemo(() => (organisations.data ?? []).filter((o) => o.administrable), [organisations.data]);
  // Only organisations that have domains the user sees are worth filtering on.
  const shown = useMemo(() => {
    const ids = new Set((domains.data ?? []).map((d) => d.organisationId));
    return (organisations.data ?? []).filter((o) => ids.has(o.id));
  }, [domains.data, organisations.data]);
  const organisationId = organisationFilter === undefined ? (administrable.length === 1 ? administrable[0]!.id : null) : organisationFilter;
  const sectorNames = (d: DomainRow) => d.sectors.map((s) => t(`sectors.${s}`)).join(', ');
  const unitNames = (d: DomainRow) => d.units.map((u) => u.name).join(', ');

  const columns: Column<DomainRow>[] = [
    // The server sorts by organisation, then name; a stable sort on the organisation keeps that order inside each.
    { key: 'organisation', header: t('secrecyDomains.organisation'), value: (d) => d.organisationName },
    { key: 'name', header: t('secrecyDomains.name'), value: (d) => d.name, render: (d) => <Text fw={600} size="sm">{d.name}</Text> },
    { key: 'legalReference', header: t('secrecyDomains.legalReference'), value: (d) => d.legalReference },
    { key: 'sectors', header: t('secrecyDomains.sectors'), value: sectorNames, render: (d) => sectorNames(d) || <Text c="dimmed" size="sm">{t('secrecyDomains.noSectors')}</Text> },
    { key: 'unitCount', header: t('secrecyDomains.unitCount'), value: (d) => d.units.length, nowrap: true },
    { key: 'units', header: t('secrecyDomains.units'), value: unitNames, render: (d) => unitNames(d) || <Text c="dimmed" size="sm">{t('secrecyDomains.noUnits')}</Text> },
    {
      key: 'actions',
      header: t('common.actions'),
      sortable: false,
      exported: false,
      value: () => '',
      render: (d) => (
        <Group gap={6} wrap="nowrap">
          <Button size="compact-sm" variant="light" onClick={() => list.openForm(d)} aria-label={t('common.editNamed', { name: d.name })}>
            {t('common.edit')}
          </Button>
          {d.units.length > 0 && (
            <Button size="compact-sm" variant="default" onClick={() => setMoving(d)} aria-label={t('secrecyDomains.moveNamed', { name: d.name })}>
              {t('secrecyDomains.move')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <ListPage
        list={list}
        query={domains}
        title={t('secrecyDomains.title')}
        intro={t('secrecyDomains.intro')}
        newLabel={administrable.length > 0 ? t('secrecyDomains.new') : undefined}
        inactiveFilter={false}
        filters={
          <>
            <OrganisationFilter organisations={shown} value={organisationId} onChange={setOrganisationFilter} />
            <Select
              label={t('secrecyDomains.sector')}
              placeholder={t('secrecyDomains.allSectors')}
              data={sectors.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
              value={sectorFilter}
              onChange={setSectorFilter}
              clearable
            />
          </>
        }
        filter={(d) =>
          list.matches(d, `${d.name} ${d.organisationName} ${d.legalReference} ${sectorNames(d)} ${unitNames(d)}`)
          && (!organisationId || d.organisationId === organisationId)
          && (!sectorFilter || d.sectors.includes(sectorFilter as (typeof d.sectors)[number]) || d.units.some((u) => u.sector === sectorFilter))}
        filterKey={[organisationId, sectorFilter]}
        columns={columns}
        caption={t('secrecyDomains.caption')}
        exportFile={t('secrecyDomains.exportFile')}
        formTitle={t(list.editing.item ? 'secrecyDomains.editTitle' : 'secrecyDomains.createTitle')}
        formSize="lg"
        form={
          <DomainForm
            key={list.editing.key}
            domain={list.editing.item}
            organisations={administrable}
            onCancel={list.closeForm}
            onSaved={(name, created) => list.saved(message(created ? 'secrecyDomains.created' : 'secrecyDomains.saved', { name }))}
          />
        }
      />
      <MoveUnitDialog
        from={moving}
        domains={domains.data ?? []}
        onClose={() => setMoving(null)}
        onMoved={(message) => {
          setMoving(null);
          list.status.success(message);
        }}
      />
    </>
  );
}
