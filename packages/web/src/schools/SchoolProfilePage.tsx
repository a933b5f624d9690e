import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { KoladaResults } from './KoladaResults.tsx';
import { SurveyTrend } from './SurveyTrend.tsx';
import { profilePdfUrl, useSchoolProfile } from './useSchools.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A school unit's profile (issue 15, item 8), for its head teacher and student-health team: its
 * pupils' survey results beside the municipality and the county over the waves, its Kolada
 * results, and the same as a PDF. The server decides who may open it; a refusal is its page.
 */
export function SchoolProfilePage() {
  const { unitId = '' } = useParams();
  if (!uuid.test(unitId)) return <NotFoundPage />;
  return <Profile unitId={unitId} />;
}

function Profile({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const profile = useSchoolProfile(unitId);
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    if (isApiError(profile.error, 403)) return <NotAllowedPage />;
    if (isApiError(profile.error, 404)) return <NotFoundPage />;
    return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const view = profile.data;
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <PageTitle>{t('schoolProfiles.title', { school: view.school.name })}</PageTitle>
        <Text mt="xs">{[view.school.organisation, view.school.schoolUnitCode ? t('schoolProfiles.code', { code: view.school.schoolUnitCode }) : null].filter(Boolean).join(' · ')}</Text>
        <Text mt="xs">{t('schoolProfiles.intro')}</Text>
      </div>
      <Group>
        {/* Whoever may open the profile may print it: the server gives the PDF on the same rule. */}
        <Button component="a" variant="default" href={profilePdfUrl(unitId, currentLanguage())} download>{t('schoolProfiles.pdf')}</Button>
      </Group>
      <section aria-labelledby="profile-survey" className="page-panel">
        <Stack gap="md" p="lg">
          <Title order={2} size="h3" id="profile-survey">{t('schoolProfiles.surveyHeading')}</Title>
          <Text size="sm" c="dimmed">{t('dashboards.suppressionNote', { threshold: view.threshold })}</Text>
          {view.survey.length === 0 && <Alert>{t('schoolProfiles.noSurvey')}</Alert>}
          {view.survey.map((i) => <SurveyTrend key={i.id} indicator={i} unitId={unitId} />)}
        </Stack>
      </section>
      <KoladaResults kolada={view.kolada} unitId={unitId} />
    </Stack>
  );
}
