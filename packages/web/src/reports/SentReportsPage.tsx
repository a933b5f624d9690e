import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { childName } from '../children/text.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { Receipt } from './ReportsSection.tsx';
import { useSentReceipts } from './useReports.ts';

/** The receipts of every report of concern the caller sent, with what intake may tell them. */
export function SentReportsPage() {
  const { t } = useTranslation();
  const sent = useSentReceipts();
  return (
    <Stack gap="md" maw={900}>
      <PageTitle>{t('reports.sentTitle')}</PageTitle>
      <Text c="dimmed">{t('reports.sentIntro')}</Text>
      {sent.isPending ? (
        <Loading />
      ) : sent.isError ? (
        <LoadError error={sent.error} onRetry={() => void sent.refetch()} />
      ) : sent.data.receipts.length === 0 ? (
        <Text>{t('reports.noneSent')}</Text>
      ) : (
        <Stack gap="xs" component="ul" className="plain-list">
          {sent.data.receipts.map((r) => (
            <Stack key={r.id} gap={0} component="li">
              <Text size="sm" fw={700}>{r.childName ? childName(r.childName, t) : t('reports.childNotShown')}</Text>
              <ul className="plain-list"><Receipt receipt={r} /></ul>
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
