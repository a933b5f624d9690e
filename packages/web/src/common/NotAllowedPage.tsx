import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle.tsx';

export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{t('notAllowed.title')}</PageTitle>
      <Alert color="orange" variant="light">
        <Text c="dark.8">{t('notAllowed.text')}</Text>
      </Alert>
      <Anchor component={Link} to="/">{t('common.backToStart')}</Anchor>
    </Stack>
  );
}
