import { Anchor, Stack, Text } from '@mantine/core';
import { canManageIndicators } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { SeriesSection } from './SeriesSection.tsx';
import { TargetsSection } from './TargetsSection.tsx';
import { useIndicators } from './useIndicators.ts';

/**
 * One indicator of the catalogue (Befolkning): its yearly series for the county or a municipality
 * with the stored target judged per year (Kolada and local indicators), and its targets with their
 * editor. A local indicator's keepers reach its import from here.
 */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useCurrentUser();
  const indicators = useIndicators();
  if (indicators.isPending) return <Loading />;
  if (indicators.isError) return <LoadError error={indicators.error} onRetry={() => void indicators.refetch()} />;
  const indicator = indicators.data.find((i) => i.id === id);
  if (!indicator) return <NotFoundPage />;
  const name = currentLanguage() === 'sv' ? indicator.nameSv : indicator.nameEn;
  const series = indicator.source.kind === 'kolada' || indicator.source.kind === 'local';
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <PageTitle>{name}</PageTitle>
        <Text mt="xs">{`${t(`indicators.sourceKinds.${indicator.source.kind}`)} ${indicator.source.ref} · ${t(`indicators.units.${indicator.unit}`)} · ${t(`indicators.directions.${indicator.direction}`)}${indicator.pupilBasis ? ` · ${t(`indicators.pupilBases.${indicator.pupilBasis}`)}` : ''}`}</Text>
        {indicator.source.kind === 'local' && canManageIndicators(me, indicator.owner.id) && (
          <Anchor component={Link} to={`/population/indicators/${encodeURIComponent(indicator.id)}/import`} fw={600}>{t('populationTargets.importLink')}</Anchor>
        )}
      </div>
      {series ? <SeriesSection indicator={indicator} /> : <Text>{t('populationTargets.seriesOnDashboard')}</Text>}
      <TargetsSection indicator={indicator} />
    </Stack>
  );
}
