import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { RecordDenied } from '../children/RecordDenied.tsx';
import { ChronologyEvents } from './ChronologyEvents.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { useOverview } from './useChronology.ts';

/**
 * The child's chronology, headed by the overview. Opening the page is one look (the overview
 * brings the chronology's first page); filtering, turning a page and exporting are looks of their own.
 */
export function ChronologyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const overview = useOverview(id);
  if (overview.isPending) return <Loading />;
  if (overview.isError) {
    if (isApiError(overview.error, 403)) return <RecordDenied reason={overview.error.reason} hadAccess={false} childId={id} actions={overview.error.actions} />;
    if (isApiError(overview.error, 404) || isApiError(overview.error, 400)) return <NotFoundPage />;
    return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const { childName } = overview.data.chronology;
  const name = childName ? `${childName.givenName} ${childName.familyName}` : t('chronology.protectedName');
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle documentTitle={t('chronology.title')}>{t('chronology.titleFor', { name })}</PageTitle>
        <Text mt={4} size="sm">{t('chronology.intro')}</Text>
        <Anchor component={Link} to={`/child/${id}`} size="sm">{t('chronology.back')}</Anchor>
      </div>
      <OverviewSection childId={id} overview={overview.data} />
      <ChronologyEvents childId={id} first={overview.data.chronology} />
    </Stack>
  );
}
