import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On the family's own pages: the way to give one's own view on the wheel. */
export function OwnViewSection({ childId, relation }: { childId: string; relation: 'guardian' | 'self' }) {
  const { t } = useTranslation();
  const who = relation === 'guardian' ? 'guardian' : 'child';
  return (
    <section aria-labelledby="own-view-heading" className="page-panel">
      <Stack gap="sm" p="lg" align="flex-start">
        <Title order={2} size="h3" id="own-view-heading">{t(`wellbeing.own.heading.${who}`)}</Title>
        <Text>{t(`wellbeing.own.intro.${who}`)}</Text>
        <Button component={Link} to={`/my-children/${childId}/self-rating`} size="md">{t(`wellbeing.own.open.${who}`)}</Button>
      </Stack>
    </section>
  );
}
