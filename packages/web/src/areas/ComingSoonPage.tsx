import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../common/PageTitle.tsx';

export type Area = 'child' | 'operations' | 'population';

/** The three levels; later issues replace these with the real pages. */
export function ComingSoonPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={760}>
      <Group gap="sm" align="center">
        <PageTitle>{t(`areas.${area}.title`)}</PageTitle>
        <Badge variant="light" color="samsyn" size="lg">{t('areas.comingSoon')}</Badge>
      </Group>
      <Text size="lg">{t(`areas.${area}.description`)}</Text>
      <Alert variant="light" color="samsyn">
        <Text c="dark.8">{t('areas.comingSoonText')}</Text>
      </Alert>
    </Stack>
  );
}
