import { Anchor, Group, Select, Stack, Text, Title } from '@mantine/core';
import { priorityAreas, type IndicatorView } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { SeriesBody } from '../indicators/SeriesSection.tsx';
import { useIndicators } from '../indicators/useIndicators.ts';
import { useSeries, useTargets } from '../indicators/useTargets.ts';
import { useEstimates, useSurveyIndicators, type OpenIndicator } from '../surveys/useSurveys.ts';
import { countyMunicipalities } from './MunicipalitiesPage.tsx';
import type { Filters } from './panelData.ts';
import { TrendSection } from './TrendSection.tsx';

type Gender = Filters['gender'];
interface Place {
  code: string;
  name: string;
}

/**
 * One municipality's follow-up page (issue 15, item 6): for each priority area, its Kolada (and
 * local) series and its survey indicators, the municipality beside the whole county, judged by
 * the municipality's stored target or the county's shared rule, each chart beside its table with
 * its exports. The sections are the dashboards' and the indicator page's own (TrendSection,
 * SeriesBody), so a figure reads and exports the same on every page.
 */
export function MunicipalityPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const organisations = useOrganisations();
  if (organisations.isPending) return <Loading />;
  if (organisations.isError) return <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} />;
  const municipality = countyMunicipalities(organisations.data).find((o) => o.municipalityCode === code);
  if (!municipality) return <NotFoundPage />;
  const place = { code: municipality.municipalityCode!, name: municipality.name };
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <PageTitle>{t('municipalityPages.title', { name: place.name })}</PageTitle>
        <Text mt="xs">{t('municipalityPages.intro')}</Text>
        <Anchor component={Link} to="/population/municipalities" mt="xs" display="inline-block">{t('municipalityPages.back')}</Anchor>
      </div>
      <Areas place={place} />
    </Stack>
  );
}

function Areas({ place }: { place: Place }) {
  const { t } = useTranslation();
  const catalogue = useIndicators();
  const surveys = useSurveyIndicators();
  if (catalogue.isPending || surveys.isPending) return <Loading />;
  if (catalogue.isError) return <LoadError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  if (surveys.isError) return <LoadError error={surveys.error} onRetry={() => void surveys.refetch()} />;
  const series = catalogue.data.filter((i) => i.source.kind === 'kolada' || i.source.kind === 'local');
  // The three priorities always; "other" only when it has indicators.
  const areas = priorityAreas.filter((a) => a !== 'other' || series.some((i) => i.priorityArea === a) || surveys.data.some((i) => i.priorityArea === a));
  return <>{areas.map((area) => {
    const mine = series.filter((i) => i.priorityArea === area);
    const asked = surveys.data.filter((i) => i.priorityArea === area);
    const headingId = `area-${area}`;
    return (
      <section key={area} aria-labelledby={headingId}>
        <Stack gap="md">
          <Title order={2} id={headingId}>{t(`indicators.priorityAreas.${area}`)}</Title>
          {mine.length === 0 && asked.length === 0 && <Text>{t('municipalityPages.noIndicators')}</Text>}
          {mine.map((i) => <SeriesPanel key={i.id} indicator={i} place={place} />)}
          {asked.map((i) => <SurveyPanel key={i.id} indicator={i} place={place} />)}
        </Stack>
      </section>
    );
  })}</>;
}

const nameOf = (i: { nameSv: string; nameEn: string }) => (currentLanguage() === 'sv' ? i.nameSv : i.nameEn);

function GenderSelect({ id, value, onChange }: { id: string; value: Gender; onChange: (g: Gender) => void }) {
  const { t } = useTranslation();
  return <Select id={id} label={t('dashboards.gender')} data={(['T', 'K', 'M'] as const).map((g) => ({ value: g, label: t(`dashboards.genders.${g}`) }))} value={value} onChange={(v) => v && onChange(v as Gender)} allowDeselect={false} w={160} />;
}

/** A Kolada or local indicator: the municipality's yearly values beside the county's, judged per year. */
function SeriesPanel({ indicator, place }: { indicator: IndicatorView; place: Place }) {
  const { t } = useTranslation();
  const [gender, setGender] = useState<Gender>('T');
  const mine = useSeries(indicator.id, place.code, gender);
  const county = useSeries(indicator.id, 'county', gender);
  const headingId = `indicator-${indicator.id}`;
  const failed = mine.isError ? mine : county.isError ? county : null;
  return (
    <section aria-labelledby={headingId} className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={3} size="h4" id={headingId}>{nameOf(indicator)}</Title>
        <Text size="sm" c="dimmed">{t('municipalityPages.source', { source: `${t(`indicators.sourceKinds.${indicator.source.kind}`)} ${indicator.source.ref}` })}</Text>
        <Group gap="sm" align="end" role="group" aria-label={t('dashboards.filters')}>
          <GenderSelect id={`${indicator.id}-gender`} value={gender} onChange={setGender} />
        </Group>
        {(mine.isPending || county.isPending) && <Loading />}
        {failed && <LoadError error={failed.error} onRetry={() => void failed.refetch()} />}
        {mine.data && county.data && <SeriesBody view={mine.data} beside={county.data} changes={false} headingId={headingId} />}
        {indicator.source.kind === 'kolada' && <Text size="xs" c="dimmed">{t('municipalityPages.koladaNote')}</Text>}
        <Anchor component={Link} to={`/population/indicators/${encodeURIComponent(indicator.id)}`} size="sm">{t('municipalityPages.indicatorLink', { name: nameOf(indicator) })}</Anchor>
      </Stack>
    </section>
  );
}

/** A survey indicator: the municipality's shares over the waves with intervals, the county's beside. */
function SurveyPanel({ indicator, place }: { indicator: OpenIndicator; place: Place }) {
  const { t } = useTranslation();
  const estimates = useEstimates(indicator.id);
  const targets = useTargets(indicator.id);
  const [gender, setGender] = useState<Gender>('T');
  const [grade, setGrade] = useState('all');
  const filters = useMemo<Filters>(() => ({ year: 0, area: place.code, gender, grade }), [place.code, gender, grade]);
  const headingId = `indicator-${indicator.id}`;
  const view = estimates.data;
  const failed = estimates.isError ? estimates : targets.isError ? targets : null;
  return (
    <section aria-labelledby={headingId} className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={3} size="h4" id={headingId}>{nameOf(indicator)}</Title>
        <Group gap="sm" align="end" role="group" aria-label={t('dashboards.filters')}>
          <GenderSelect id={`${indicator.id}-gender`} value={gender} onChange={setGender} />
          <Select id={`${indicator.id}-grade`} label={t('dashboards.grade')} data={['all', ...(view?.grades ?? [])].map((g) => ({ value: g, label: t(`dashboards.grades.${g}`, { defaultValue: g }) }))} value={grade} onChange={(v) => v && setGrade(v)} allowDeselect={false} w={180} />
        </Group>
        {(estimates.isPending || targets.isPending) && <Loading />}
        {failed && <LoadError error={failed.error} onRetry={() => void failed.refetch()} />}
        {view && targets.data && (view.areas.some((a) => a.code === place.code)
          ? <TrendSection view={view} filters={filters} areaName={place.name} name={`${indicator.id}-${place.code}`} targets={targets.data.targets} beside={{ code: 'county', name: t('dashboards.county') }} />
          : <Text>{t('dashboards.noData')}</Text>)}
        {view && <Text size="xs" c="dimmed">{t('dashboards.suppressionNote', { threshold: view.threshold })}</Text>}
      </Stack>
    </section>
  );
}
