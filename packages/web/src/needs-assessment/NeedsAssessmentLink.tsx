import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The record's way to the child's needs assessments: a link only, so opening the record stays one
 * look; the list is a look of its own. The child's name travels along for the pages' headings.
 */
export function NeedsAssessmentLink({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="needs-link-heading" className="page-panel">
      <Stack gap="xs" p="lg" align="flex-start">
        <Title order={2} size="h3" id="needs-link-heading">{t('needs.listTitle')}</Title>
        <Text size="sm">{t('needs.recordIntro')}</Text>
        <Anchor component={Link} to={`/child/${childId}/needs-assessments`} state={{ childName }}>{t('needs.open')}</Anchor>
      </Stack>
    </section>
  );
}
