import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { useMyChildren } from './useMyChildren.ts';

/** A citizen's start page: the children they may see, as a guardian or themselves. */
export function MyChildrenPage() {
  const { t } = useTranslation();
  const children = useMyChildren();
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageTitle>{t('citizen.title')}</PageTitle>
        <Text mt="xs" size="lg">{t('citizen.intro')}</Text>
      </div>
      {children.isPending ? (
        <Loading />
      ) : children.isError ? (
        <LoadError error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.length === 0 ? (
        <Text>{t('citizen.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list">
          {children.data.map((child) => (
            <Card key={child.id} component="li" withBorder padding="lg" radius="md">
              <Title order={2} size="h3">{childName(child.name, t)}</Title>
              <Text mt={4}>{t('citizen.born', { date: formatDate(child.birthDate) })}</Text>
              {child.relation === 'self' && <Text size="sm" c="dimmed">{t('citizen.self')}</Text>}
              <Anchor component={Link} to={`/my-children/${child.id}`} mt="md" fw={600}>
                {t('citizen.open', { name: child.name.givenName })}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
