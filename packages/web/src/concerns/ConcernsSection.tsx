import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ConcernView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { ReportsSection } from '../reports/ReportsSection.tsx';
import { ConcernForm } from './ConcernForm.tsx';
import { useConcerns } from './useConcerns.ts';

/**
 * The record's concerns (oro) and reports of concern: what the caller's basis allows, and the
 * forms the server's answer offers. One line in the record page.
 */
export function ConcernsAndReports({ childId }: { childId: string }) {
  return (
    <>
      <ConcernsSection childId={childId} />
      <ReportsSection childId={childId} />
    </>
  );
}

function ConcernsSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const concerns = useConcerns(childId);
  const status = useStatus();
  const [formOpen, form] = useDisclosure(false);
  return (
    <section aria-labelledby="concerns-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Group justify="space-between">
          <Title order={2} size="h3" id="concerns-heading">{t('concerns.title')}</Title>
          {concerns.data?.mayRecord && <Button variant="light" onClick={form.open}>{t('concerns.record')}</Button>}
        </Group>
        <Text size="sm">{t('concerns.explain')}</Text>
        <StatusMessage status={status.status} onClose={status.clear} />
        {concerns.isPending ? (
          <Loading />
        ) : concerns.isError ? (
          <LoadError error={concerns.error} onRetry={() => void concerns.refetch()} />
        ) : (
          <>
            {!concerns.data.sharedFromOthers && (
              <Alert color="gray" variant="light" p="xs"><Text size="sm" c="dark.8">{t('concerns.notShared')}</Text></Alert>
            )}
            {concerns.data.concerns.length === 0 ? (
              <Text size="sm" c="dimmed">{t('concerns.none')}</Text>
            ) : (
              <Stack gap="sm" component="ul" className="plain-list">
                {concerns.data.concerns.map((c) => <ConcernItem key={c.id} concern={c} />)}
              </Stack>
            )}
          </>
        )}
      </Stack>
      <Modal opened={formOpen} onClose={form.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('concerns.form.title')} size="lg">
        <ConcernForm
          childId={childId}
          onCancel={form.close}
          onSaved={() => {
            form.close();
            status.success(t('concerns.recorded'));
          }}
        />
      </Modal>
    </section>
  );
}

const levelColour = { observation: 'gray', concern: 'orange', serious_concern: 'red' } as const;

function ConcernItem({ concern }: { concern: ConcernView }) {
  const { t } = useTranslation();
  return (
    <li className="record-entry">
      <Group gap="xs">
        {/* The level in words, not only colour. */}
        <Badge color={levelColour[concern.level]} variant="light" tt="none">{t(`concerns.levels.${concern.level}`)}</Badge>
        <Text size="sm" fw={600}>{concern.areas.map((a) => t(`concerns.areas.${a}`)).join(', ')}</Text>
      </Group>
      <Text size="sm" mt={4}>{concern.description}</Text>
      <Text size="xs" c="dimmed">{t('concerns.meta', { date: formatDate(concern.occurredOn), author: concern.authorName, organisation: concern.organisationName, source: t(`concerns.sources.${concern.source}`) })}</Text>
      <Text size="xs" c="dimmed">{t('consentParties.record.entryDomain', { domain: concern.secrecyDomainName })}</Text>
    </li>
  );
}
