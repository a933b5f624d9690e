import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { useMyChildren } from './useMyChildren.ts';

/**
 * A citizen's start page: a guardian's "Mina barn", the children they may see; the child's own
 * "Mina uppgifter", written to her.
 */
export function MyChildrenPage() {
  const { t } = useTranslation();
  const children = useMyChildren();
  // The child herself (from the access age) sees only herself: her page speaks to her.
  const self = children.data !== undefined && children.data.length > 0 && children.data.every((c) => c.relation === 'self');
  return (
    <Stack gap="lg" maw={900}>
      {children.isPending ? (
        <Loading />
      ) : (
        <div>
          <PageTitle>{self ? t('citizen.selfTitle') : t('citizen.title')}</PageTitle>
          <Text mt="xs" size="lg">{self ? t('citizen.selfIntro') : t('citizen.intro')}</Text>
        </div>
      )}
      {children.isPending ? null : children.isError ? (
        <LoadError error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.length === 0 ? (
        <Text>{t('citizen.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list">
          {children.data.map((child) => (
            <Card key={child.id} component="li" withBorder padding="lg" radius="md">
              <Title order={2} size="h3">{childName(child.name, t)}</Title>
              <Text mt={4}>{child.relation === 'self' ? t('citizen.selfBorn', { date: formatDate(child.birthDate) }) : t('citizen.born', { date: formatDate(child.birthDate) })}</Text>
              {child.relation === 'self' && !self && <Text size="sm" c="dimmed">{t('citizen.self')}</Text>}
              <Anchor component={Link} to={`/my-children/${child.id}`} mt="md" fw={600}>
                {child.relation === 'self' ? t('citizen.openSelf') : t('citizen.open', { name: child.name.givenName })}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
