import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Language } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { usePublicPages, usePublishing } from '../forums/useForums.ts';
import { FeedbackPanel } from './FeedbackPanel.tsx';
import { PublishForm } from './PublishForm.tsx';

/** For coordinators: what is published, its versions, withdraw; publish any kind the server supports. */
export function PublishingPage() {
  const { t, i18n } = useTranslation();
  const pages = usePublicPages();
  const actions = usePublishing();
  // The publish form shows its own errors; these are the table's steps.
  const error = actions.republish.error ?? actions.withdraw.error;
  if (pages.isPending) return <Loading />;
  if (pages.isError) return <LoadError error={pages.error} onRetry={() => void pages.refetch()} />;
  return (
    <Stack gap="lg">
      <PageTitle>{t('publicPages.title')}</PageTitle>
      <Text>{t('publicPages.intro')}</Text>
      {error && <Alert color="red" role="alert">{errorText(error, t, i18n.language as Language)}</Alert>}
      {pages.data.canPublish && <PublishForm />}
      <Title order={2}>{t('publicPages.published')}</Title>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Caption>{t('publicPages.caption')}</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th>{t('publicPages.pageTitle')}</Table.Th><Table.Th>{t('publicPages.kind')}</Table.Th><Table.Th>{t('publicPages.versions')}</Table.Th><Table.Th>{t('publicPages.state')}</Table.Th><Table.Th>{t('publicPages.feedback')}</Table.Th><Table.Th>{t('publicPages.actions')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {pages.data.pages.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td><Anchor href={p.path}>{p.title}</Anchor></Table.Td>
                <Table.Td>{t(`publicPages.kinds.${p.kind}`)}</Table.Td>
                <Table.Td>{p.versions.map((v) => `${v.version}: ${formatDate(v.publishedAt)} (${v.publishedBy})`).join('; ')}</Table.Td>
                <Table.Td>{p.withdrawnAt ? t('publicPages.withdrawn') : t('publicPages.live')}</Table.Td>
                <Table.Td>{p.feedbackCount}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => actions.republish.mutate(p.id)} aria-label={t('publicPages.republishNamed', { title: p.title })}>{t('publicPages.republish')}</Button>
                    {!p.withdrawnAt && <Button size="xs" color="red" variant="light" onClick={() => actions.withdraw.mutate(p.id)} aria-label={t('publicPages.withdrawNamed', { title: p.title })}>{t('publicPages.withdraw')}</Button>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.data.canPublish && <FeedbackPanel />}
    </Stack>
  );
}
