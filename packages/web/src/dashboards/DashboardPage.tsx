import { Alert, Anchor, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { priorityAreas, type EstimatesView } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useEstimates, useSurveyIndicators, type OpenIndicator } from '../surveys/useSurveys.ts';
import { ComparisonSection } from './ComparisonSection.tsx';
import { useIndicators } from '../indicators/useIndicators.ts';
import { useTargets } from '../indicators/useTargets.ts';
import { TrendSection } from './TrendSection.tsx';
import type { Filters } from './panelData.ts';

/**
 * A priority area's dashboard (Befolkning): for each of its survey indicators, the trend with its
 * interval band and the target, and the municipalities compared, each chart with its table and
 * its exports. The figures are the open API's, suppressed: a hidden cell says why.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { area } = useParams();
  const indicators = useSurveyIndicators();
  if (!area || !(priorityAreas as readonly string[]).includes(area)) return <NotFoundPage />;
  const title = t('dashboards.title', { area: t(`indicators.priorityAreas.${area as (typeof priorityAreas)[number]}`) });
  const mine = (indicators.data ?? []).filter((i) => i.priorityArea === area);
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <PageTitle>{title}</PageTitle>
        <Text mt="xs">{t('dashboards.intro')}</Text>
        <Group gap="lg" mt="xs">
          <Anchor component={Link} to="/population/municipalities">{t('municipalityPages.fromDashboards')}</Anchor>
          <Anchor component={Link} to="/population/schools">{t('schoolProfiles.fromDashboards')}</Anchor>
        </Group>
      </div>
      {indicators.isPending && <Loading />}
      {indicators.isError && <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} />}
      {indicators.isSuccess && mine.length === 0 && <Alert>{t('dashboards.none')}</Alert>}
      {mine.map((i) => <IndicatorPanel key={i.id} indicator={i} />)}
      <SeriesLinks area={area} />
    </Stack>
  );
}

/** The area's Kolada and local indicators: each has its yearly series and target on its own page. */
function SeriesLinks({ area }: { area: string }) {
  const { t } = useTranslation();
  const catalogue = useIndicators();
  const series = (catalogue.data ?? []).filter((i) => i.priorityArea === area && (i.source.kind === 'kolada' || i.source.kind === 'local'));
  if (series.length === 0) return null;
  return (
    <section aria-labelledby="series-links" className="page-panel">
      <Stack gap="xs" p="lg">
        <Title order={2} size="h3" id="series-links">{t('populationTargets.seriesLinks')}</Title>
        <List>
          {series.map((i) => (
            <List.Item key={i.id}><Anchor component={Link} to={`/population/indicators/${encodeURIComponent(i.id)}`}>{currentLanguage() === 'sv' ? i.nameSv : i.nameEn}</Anchor></List.Item>
          ))}
        </List>
      </Stack>
    </section>
  );
}

function IndicatorPanel({ indicator }: { indicator: OpenIndicator }) {
  const estimates = useEstimates(indicator.id);
  const name = currentLanguage() === 'sv' ? indicator.nameSv : indicator.nameEn;
  const headingId = `indicator-${indicator.id}`;
  return (
    <section aria-labelledby={headingId} className="page-panel">
      <Stack gap="md" p="lg">
        <Title order={2} size="h3" id={headingId}>{name}</Title>
        {estimates.isPending && <Loading />}
        {estimates.isError && <LoadError error={estimates.error} onRetry={() => void estimates.refetch()} />}
        {estimates.data && <PanelBody view={estimates.data} fileName={indicator.id} />}
      </Stack>
    </section>
  );
}

function PanelBody({ view, fileName }: { view: EstimatesView; fileName: string }) {
  const { t } = useTranslation();
  // The stored target of the area shown judges it (issue 15, item 4); without one, the county's shared rule, said in words.
  const targets = useTargets(view.indicator.id);
  const latest = Math.max(...view.years);
  const [filters, setFilters] = useState<Filters>({ year: latest, area: 'county', gender: 'T', grade: 'all' });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const areaName = (code: string) => (code === 'county' ? t('dashboards.county') : view.areas.find((a) => a.code === code)?.name ?? code);
  const stable = useMemo(() => filters, [filters]);
  if (view.years.length === 0) return <Text>{t('dashboards.noData')}</Text>;
  const id = (f: string) => `${view.indicator.id}-${f}`;
  return (
    <>
      <Group gap="sm" align="end" wrap="wrap" role="group" aria-label={t('dashboards.filters')}>
        <Select id={id('year')} label={t('dashboards.year')} data={view.years.map((y) => ({ value: String(y), label: String(y) }))} value={String(filters.year)} onChange={(v) => v && set({ year: Number(v) })} allowDeselect={false} w={120} />
        <Select id={id('area')} label={t('dashboards.municipality')} data={view.areas.map((a) => ({ value: a.code, label: areaName(a.code) }))} value={filters.area} onChange={(v) => v && set({ area: v })} allowDeselect={false} w={200} />
        <Select id={id('gender')} label={t('dashboards.gender')} data={(['T', 'K', 'M'] as const).map((g) => ({ value: g, label: t(`dashboards.genders.${g}`) }))} value={filters.gender} onChange={(v) => v && set({ gender: v as Filters['gender'] })} allowDeselect={false} w={160} />
        <Select id={id('grade')} label={t('dashboards.grade')} data={['all', ...view.grades].map((g) => ({ value: g, label: t(`dashboards.grades.${g}`, { defaultValue: g }) }))} value={filters.grade} onChange={(v) => v && set({ grade: v })} allowDeselect={false} w={180} />
      </Group>
      <Text size="sm" c="dimmed">{t('dashboards.suppressionNote', { threshold: view.threshold })}</Text>
      {targets.isPending && <Loading />}
      {targets.isError && <LoadError error={targets.error} onRetry={() => void targets.refetch()} />}
      {targets.data && <TrendSection view={view} filters={stable} areaName={areaName(filters.area)} name={fileName} targets={targets.data.targets} />}
      <ComparisonSection view={view} filters={stable} name={fileName} />
    </>
  );
}
