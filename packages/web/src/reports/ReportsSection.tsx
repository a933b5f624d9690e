import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReportReceipt } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { formatStockholmDateTime } from '@samsyn/core';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { ReportForm } from './ReportForm.tsx';
import { useChildReports } from './useReports.ts';

/** On the record: the way to send a report of concern (where the server allows it) and the caller's own receipts. Nobody else's. */
export function ReportsSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const reports = useChildReports(childId);
  const status = useStatus();
  const [formOpen, form] = useDisclosure(false);
  if (reports.isSuccess && !reports.data.mayReport && reports.data.receipts.length === 0) return null;
  return (
    <section aria-labelledby="reports-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Group justify="space-between">
          <Title order={2} size="h3" id="reports-heading">{t('reports.title')}</Title>
          {reports.data?.mayReport && <Button variant="light" color="red" onClick={form.open}>{t('reports.send')}</Button>}
        </Group>
        <Text size="sm">{t('reports.explain')}</Text>
        <StatusMessage status={status.status} onClose={status.clear} />
        {reports.isPending ? (
          <Loading />
        ) : reports.isError ? (
          <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.data.receipts.length === 0 ? (
          <Text size="sm" c="dimmed">{t('reports.noneSent')}</Text>
        ) : (
          <Stack gap="xs" component="ul" className="plain-list" aria-label={t('reports.receipts')}>
            {reports.data.receipts.map((r) => <Receipt key={r.id} receipt={r} />)}
          </Stack>
        )}
      </Stack>
      <Modal opened={formOpen} onClose={form.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('reports.form.title')} size="lg">
        <ReportForm
          childId={childId}
          onCancel={form.close}
          onSent={(receipt) => {
            form.close();
            status.success(t('reports.sent', { intake: receipt.intakeName, time: formatStockholmDateTime(new Date(receipt.receivedAt)) }));
          }}
        />
      </Modal>
    </section>
  );
}

export function Receipt({ receipt }: { receipt: ReportReceipt }) {
  const { t } = useTranslation();
  const ground = currentLanguage() === 'en' ? receipt.legalGround.titleEn : receipt.legalGround.titleSv;
  return (
    <li className="record-entry">
      <Text size="sm" fw={600}>{t('reports.receipt', { intake: receipt.intakeName, time: formatStockholmDateTime(new Date(receipt.receivedAt)) })}</Text>
      <Text size="sm">{t(`reports.feedback.${receipt.feedback}`)}</Text>
      <Text size="xs" c="dimmed">{t('reports.ground', { ground, reference: receipt.legalGround.reference })}</Text>
    </li>
  );
}
