import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { CareTeamMemberView, DisclosureView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { DisclosureForm } from './DisclosureForm.tsx';
import { DisclosureList } from './DisclosureList.tsx';
import { useDisclosures } from './useDisclosures.ts';

/**
 * The record's sharing ledger, and the way to add to it when the policy allows
 * (`record_disclosure`); `careTeam` is the team the record shows.
 */
export function SharingSection({ childId, careTeam, canRecord, disclosures: given }: { childId: string; careTeam: readonly CareTeamMemberView[]; canRecord: boolean; disclosures?: readonly DisclosureView[] }) {
  const { t } = useTranslation();
  // Given with the record (one look); fetched on its own only where no record brought it.
  const fetched = useDisclosures(childId, given === undefined);
  const disclosures = given === undefined ? fetched : { isPending: false as const, isError: false as const, data: { disclosures: [...given] }, error: null, refetch: fetched.refetch };
  const status = useStatus();
  const [formOpen, form] = useDisclosure(false);
  return (
    <section aria-labelledby="sharing-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Group justify="space-between">
          <Title order={2} size="h3" id="sharing-heading">{t('sharing.title')}</Title>
          {canRecord && <Button variant="light" onClick={form.open}>{t('sharing.record')}</Button>}
        </Group>
        <Text size="sm">{t('sharing.explain')}</Text>
        <StatusMessage status={status.status} onClose={status.clear} />
        {disclosures.isPending ? (
          <Loading />
        ) : disclosures.isError ? (
          <LoadError error={disclosures.error} onRetry={() => void disclosures.refetch()} />
        ) : (
          <DisclosureList disclosures={disclosures.data.disclosures} />
        )}
      </Stack>
      <Modal opened={formOpen} onClose={form.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('sharing.formTitle')} size="lg">
        <DisclosureForm
          childId={childId}
          careTeam={careTeam}
          onCancel={form.close}
          onSaved={() => {
            form.close();
            status.success(message('sharing.recorded'));
          }}
        />
      </Modal>
    </section>
  );
}
