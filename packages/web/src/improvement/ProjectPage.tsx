import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatNumber } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { ActCell } from './ActCell.tsx';
import { PdsaNotes } from './PdsaNotes.tsx';
import { DataList } from './DataList.tsx';
import { DriverDiagram } from './DriverDiagram.tsx';
import { ChangeIdeaForm, DriverForm, MeasureForm } from './DriverForms.tsx';
import { PdsaForm } from './PdsaForm.tsx';
import { AimForm } from './ProjectForms.tsx';
import { useProject } from './useImprovement.ts';

/** A team's project: the aim, the driver diagram, the family of measures and the PDSA log. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const idea = (ideaId: string) => p.changeIdeas.find((c) => c.id === ideaId)?.title ?? '';
  return (
    <Stack>
      <Anchor component={Link} to={`/improvement/networks/${p.network.id}`}>{t('improvement.backTo', { name: p.network.name })}</Anchor>
      <PageTitle>{p.title}</PageTitle>
      <Text>{t('improvement.teamFacts', { team: p.team.name, organisation: p.team.organisation.name, coach: p.team.coach?.displayName ?? '–', members: p.team.members.map((m) => m.displayName).join(', ') })}</Text>
      <Title order={2}>{t('improvement.aim')}</Title>
      <dl className="facts">
        <dt>{t('improvement.aimWhat')}</dt><dd>{p.aimWhat}</dd>
        <dt>{t('improvement.aimHowMuch')}</dt><dd>{p.aimHowMuch}</dd>
        <dt>{t('improvement.aimBy')}</dt><dd>{formatDate(p.aimBy)}</dd>
        <dt>{t('improvement.indicator')}</dt><dd>{p.indicator ? <Anchor component={Link} to={`/population?indicator=${encodeURIComponent(p.indicator.id)}`}>{p.indicator.name}</Anchor> : t('improvement.noIndicator')}</dd>
      </dl>
      {p.canEdit && <AimForm project={p} />}
      {p.indicator && (
        <>
          <Title order={2}>{t('improvement.indicatorTrend')}</Title>
          <DataList
            rows={p.indicatorTrend}
            columns={[
              { key: 'year', header: t('improvement.year'), value: (r) => r.year },
              { key: 'indicator', header: t('improvement.indicatorValue'), value: (r) => (r.indicator === null ? '–' : formatNumber(r.indicator)) },
              { key: 'team', header: t('improvement.teamValue'), value: (r) => (r.team === null ? '–' : formatNumber(r.team)) },
            ]}
            caption={t('improvement.trendCaption')}
            exportFile={t('improvement.trendFile')}
            searchText={(r) => String(r.year)}
            rowKey={(r) => String(r.year)}
            sortKey="year"
          />
        </>
      )}
      <Title order={2}>{t('improvement.driverDiagram')}</Title>
      <DriverDiagram project={p} />
      {p.canEdit && (
        <Group align="flex-start" grow>
          <DriverForm project={p} />
          {p.drivers.length > 0 && <ChangeIdeaForm project={p} />}
        </Group>
      )}
      <Title order={2}>{t('improvement.measures')}</Title>
      <DataList
        rows={p.measures}
        columns={[
          { key: 'name', header: t('improvement.measure'), value: (m) => m.name, render: (m) => <Anchor component={Link} to={`/improvement/measures/${m.id}`} fw={600}>{m.name}</Anchor> },
          { key: 'role', header: t('improvement.role'), value: (m) => t(`improvement.roles.${m.role}`) },
          { key: 'kind', header: t('improvement.kind'), value: (m) => t(`improvement.kinds.${m.kind}`) },
          { key: 'definition', header: t('improvement.definition'), value: (m) => m.definition },
          { key: 'values', header: t('improvement.values'), value: (m) => m.values },
          { key: 'status', header: t('improvement.runStatus'), value: (m) => t(`improvement.status.${m.status}`) },
        ]}
        caption={t('improvement.measuresCaption')}
        exportFile={t('improvement.measuresFile')}
        searchText={(m) => `${m.name} ${m.definition}`}
        rowKey={(m) => m.id}
        sortKey="name"
      />
      {p.canEdit && <MeasureForm project={p} />}
      <Title order={2}>{t('improvement.pdsaLog')}</Title>
      <DataList
        rows={p.pdsa}
        columns={[
          { key: 'startsOn', header: t('improvement.startsOn'), value: (c) => c.startsOn, render: (c) => formatDate(c.startsOn), nowrap: true },
          { key: 'endsOn', header: t('improvement.endsOn'), value: (c) => c.endsOn ?? '', render: (c) => (c.endsOn ? formatDate(c.endsOn) : '–'), nowrap: true },
          { key: 'title', header: t('improvement.pdsaTitle'), value: (c) => c.title },
          { key: 'idea', header: t('improvement.changeIdea'), value: (c) => idea(c.changeIdeaId) },
          { key: 'prediction', header: t('improvement.prediction'), value: (c) => c.prediction },
          { key: 'study', header: t('improvement.study'), value: (c) => c.study },
          ...(p.canEdit ? [{ key: 'notes', header: t('improvementForms.notes'), value: () => '', render: (c: (typeof p.pdsa)[number]) => <PdsaNotes projectId={p.id} cycle={c} />, exported: false }] : []),
          { key: 'act', header: t('improvement.act'), value: (c) => (c.act ? t(`improvement.acts.${c.act}`) : t('improvement.ongoing')), render: (c) => (c.act || !p.canEdit ? (c.act ? t(`improvement.acts.${c.act}`) : t('improvement.ongoing')) : <ActCell projectId={p.id} pdsaId={c.id} title={c.title} />) },
        ]}
        caption={t('improvement.pdsaCaption')}
        exportFile={t('improvement.pdsaFile')}
        searchText={(c) => `${c.title} ${idea(c.changeIdeaId)}`}
        rowKey={(c) => c.id}
        sortKey="startsOn"
      />
      {p.canEdit && p.changeIdeas.length > 0 && <PdsaForm project={p} />}
    </Stack>
  );
}
