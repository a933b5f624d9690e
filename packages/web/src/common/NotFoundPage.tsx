import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.text')}</Text>
      <Anchor component={Link} to="/">{t('common.backToStart')}</Anchor>
    </Stack>
  );
}
