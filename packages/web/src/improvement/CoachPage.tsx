import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { DataList } from './DataList.tsx';
import { useCoach } from './useImprovement.ts';

/** The coach's one page: every team they coach, across networks, with its progress in words. */
export function CoachPage() {
  const { t } = useTranslation();
  const coach = useCoach();
  if (coach.isPending) return <Loading />;
  if (coach.isError) return <LoadError error={coach.error} onRetry={() => void coach.refetch()} />;
  return (
    <Stack>
      <Anchor component={Link} to="/improvement">{t('improvement.back')}</Anchor>
      <PageTitle>{t('improvement.coachTitle')}</PageTitle>
      <Text>{t('improvement.coachIntro')}</Text>
      <DataList
        rows={coach.data.teams}
        columns={[
          { key: 'name', header: t('improvement.team'), value: (x) => x.name, render: (x) => (x.projectId ? <Anchor component={Link} to={`/improvement/projects/${x.projectId}`} fw={600}>{x.name}</Anchor> : x.name) },
          { key: 'network', header: t('improvement.network'), value: (x) => x.network.name },
          { key: 'organisation', header: t('improvement.organisation'), value: (x) => x.organisation.name },
          { key: 'status', header: t('improvement.outcomeStatus'), value: (x) => t(`improvement.status.${x.status}`) },
          { key: 'pdsaOpen', header: t('improvement.pdsaOpen'), value: (x) => x.pdsaOpen },
          { key: 'lastValue', header: t('improvement.lastValue'), value: (x) => x.lastValue ?? '', render: (x) => (x.lastValue ? formatDate(x.lastValue) : '–'), nowrap: true },
        ]}
        caption={t('improvement.coachCaption')}
        exportFile={t('improvement.coachFile')}
        searchText={(x) => `${x.name} ${x.network.name}`}
        rowKey={(x) => x.id}
        sortKey="name"
      />
    </Stack>
  );
}
