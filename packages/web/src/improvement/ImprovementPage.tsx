import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ageGroups, priorityAreas, type Language } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { DataList } from './DataList.tsx';
import { useImprovementChange, useNetworks, type NetworkSummaryRow } from './useImprovement.ts';

/** Förbättringsarbete: the learning networks the caller reads, and (coordinators) a new one. */
export function ImprovementPage() {
  const { t } = useTranslation();
  const networks = useNetworks();
  const [area, setArea] = useState<string | null>(null);
  if (networks.isPending) return <Loading />;
  if (networks.isError) return <LoadError error={networks.error} onRetry={() => void networks.refetch()} />;
  const columns: Column<NetworkSummaryRow>[] = [
    { key: 'name', header: t('improvement.network'), value: (n) => n.name, render: (n) => <Anchor component={Link} to={`/improvement/networks/${n.id}`} fw={600}>{n.name}</Anchor> },
    { key: 'priorityArea', header: t('improvement.priorityArea'), value: (n) => t(`indicators.priorityAreas.${n.priorityArea}`) },
    { key: 'ageGroup', header: t('improvement.ageGroup'), value: (n) => n.ageGroup },
    { key: 'teams', header: t('improvement.teams'), value: (n) => n.teams },
    { key: 'organisations', header: t('improvement.organisations'), value: (n) => n.organisations },
    { key: 'nextSession', header: t('improvement.nextSession'), value: (n) => (n.nextSession ? formatDate(n.nextSession) : '–'), nowrap: true },
  ];
  return (
    <Stack>
      <PageTitle>{t('improvement.title')}</PageTitle>
      <Text>{t('improvement.intro')}</Text>
      <Anchor component={Link} to="/improvement/coach">{t('improvement.coachLink')}</Anchor>
      <DataList
        rows={networks.data.networks}
        columns={columns}
        caption={t('improvement.networksCaption')}
        exportFile={t('improvement.networksFile')}
        searchText={(n) => n.name}
        rowKey={(n) => n.id}
        sortKey="name"
        filters={<Select label={t('improvement.priorityArea')} placeholder={t('improvement.allAreas')} data={priorityAreas.map((a) => ({ value: a, label: t(`indicators.priorityAreas.${a}`) }))} value={area} onChange={setArea} clearable />}
        filter={(n) => !area || n.priorityArea === area}
      />
      {networks.data.canCreate && <NewNetwork />}
    </Stack>
  );
}

function NewNetwork() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [area, setArea] = useState<string>('completed_studies');
  const [age, setAge] = useState<string>('0-18');
  const create = useImprovementChange<{ id: string }>('/api/improvement/networks');
  return (
    <section aria-labelledby="new-network">
      <h2 id="new-network">{t('improvement.newNetwork')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate({ name, priorityArea: area, ageGroup: age }, { onSuccess: (n) => void navigate(`/improvement/networks/${n.id}`) }); }}>
        <Group align="end" wrap="wrap">
          <TextInput label={t('improvement.network')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Select label={t('improvement.priorityArea')} data={priorityAreas.map((a) => ({ value: a, label: t(`indicators.priorityAreas.${a}`) }))} value={area} onChange={(v) => setArea(v ?? area)} allowDeselect={false} />
          <Select label={t('improvement.ageGroup')} data={[...ageGroups]} value={age} onChange={(v) => setAge(v ?? age)} allowDeselect={false} />
          <Button type="submit" loading={create.isPending}>{t('improvement.create')}</Button>
        </Group>
        {create.isError && <Text c="red.8" role="alert">{errorText(create.error, t, i18n.language as Language)}</Text>}
      </form>
    </section>
  );
}
