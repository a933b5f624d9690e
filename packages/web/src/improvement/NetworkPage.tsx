import { Anchor, Select, Stack, Text, Title } from '@mantine/core';
import type { TeamSummary } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { DataList } from './DataList.tsx';
import { NetworkForms } from './NetworkForms.tsx';
import { StartProjectForm } from './ProjectForms.tsx';
import { useNetwork } from './useImprovement.ts';

const statuses = ['signal', 'no_signal', 'too_few', 'no_measure'] as const;

/** A network: its teams with each one's progress in words, and the learning sessions with attendance. */
export function NetworkPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const network = useNetwork(id);
  const [status, setStatus] = useState<string | null>(null);
  if (network.isPending) return <Loading />;
  if (network.isError) return <LoadError error={network.error} onRetry={() => void network.refetch()} />;
  const n = network.data;
  const teamColumns: Column<TeamSummary>[] = [
    { key: 'name', header: t('improvement.team'), value: (x) => x.name, render: (x) => (x.projectId ? <Anchor component={Link} to={`/improvement/projects/${x.projectId}`} fw={600}>{x.name}</Anchor> : x.name) },
    { key: 'organisation', header: t('improvement.organisation'), value: (x) => x.organisation.name },
    { key: 'coach', header: t('improvement.coach'), value: (x) => x.coach?.displayName ?? '–' },
    { key: 'members', header: t('improvement.members'), value: (x) => x.members.map((m) => m.displayName).join(', ') },
    { key: 'project', header: t('improvement.project'), value: (x) => x.projectTitle ?? '–' },
    { key: 'status', header: t('improvement.outcomeStatus'), value: (x) => t(`improvement.status.${x.status}`) },
  ];
  const attended = (teamId: string) => n.sessions.filter((s) => s.attendingTeamIds.includes(teamId)).length;
  return (
    <Stack>
      <Anchor component={Link} to="/improvement">{t('improvement.back')}</Anchor>
      <PageTitle>{n.name}</PageTitle>
      <Text>{t('improvement.networkFacts', { area: t(`indicators.priorityAreas.${n.priorityArea}`), age: n.ageGroup, teams: n.teams, organisations: n.organisations })}</Text>
      {n.description && <Text>{n.description}</Text>}
      <Title order={2}>{t('improvement.teams')}</Title>
      <DataList
        rows={n.teamList}
        columns={[...teamColumns, { key: 'attended', header: t('improvement.attended'), value: (x) => attended(x.id) }]}
        caption={t('improvement.teamsCaption')}
        exportFile={t('improvement.teamsFile')}
        searchText={(x) => `${x.name} ${x.organisation.name}`}
        rowKey={(x) => x.id}
        sortKey="name"
        filters={<Select label={t('improvement.outcomeStatus')} placeholder={t('improvement.allStatuses')} data={statuses.map((s) => ({ value: s, label: t(`improvement.status.${s}`) }))} value={status} onChange={setStatus} clearable />}
        filter={(x) => !status || x.status === status}
      />
      <Title order={2}>{t('improvement.sessions')}</Title>
      <DataList
        rows={n.sessions}
        columns={[
          { key: 'heldOn', header: t('improvement.date'), value: (s) => s.heldOn, render: (s) => formatDate(s.heldOn), nowrap: true },
          { key: 'title', header: t('improvement.session'), value: (s) => s.title },
          { key: 'attendance', header: t('improvement.attendance'), value: (s) => n.teamList.filter((x) => s.attendingTeamIds.includes(x.id)).map((x) => x.name).join(', ') || '–' },
        ]}
        caption={t('improvement.sessionsCaption')}
        exportFile={t('improvement.sessionsFile')}
        searchText={(s) => s.title}
        rowKey={(s) => s.id}
        sortKey="heldOn"
      />
      {n.teamList.filter((x) => x.canEdit && !x.projectId).map((x) => <StartProjectForm key={x.id} team={x} />)}
      {n.canManage && <NetworkForms network={n} />}
    </Stack>
  );
}
