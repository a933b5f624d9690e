import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatStockholmDateTime } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../common/DataTable.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { useIdentityHistory } from './useRegistration.ts';

/**
 * On the record: the identity history is loaded only when asked for, so opening a record stays one
 * logged look and this one is a look of its own.
 */
export function IdentityHistoryOnDemand({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (shown) return <IdentityHistoryTable childId={childId} level={3} />;
  return <div><Button variant="subtle" size="compact-sm" onClick={() => setShown(true)}>{t('identityCorrection.showHistory')}</Button></div>;
}

/** Every change of the child's identity data: field, old and new value, who, when and why. */
export function IdentityHistoryTable({ childId, level = 2 }: { childId: string; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const history = useIdentityHistory(childId);
  const value = (v: string | null, hidden: boolean) => (hidden ? t('child.record.hidden') : (v ?? t('child.record.none')));
  return (
    <section aria-labelledby="identity-history-heading">
      <Stack gap="xs">
        <Title order={level} size={level === 2 ? 'h3' : 'h4'} id="identity-history-heading">{t('identityCorrection.historyTitle')}</Title>
        {history.isPending && <Loading />}
        {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && history.data.changes.length === 0 && <Text c="dimmed">{t('identityCorrection.noHistory')}</Text>}
        {history.data && history.data.changes.length > 0 && (
          <DataTable caption={t('identityCorrection.historyTitle')} headers={[t('identityCorrection.when'), t('identityCorrection.field'), t('identityCorrection.oldValue'), t('identityCorrection.newValue'), t('identityCorrection.who'), t('identityCorrection.why')]}>
            {history.data.changes.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td className="nowrap">{formatStockholmDateTime(new Date(c.changedAt))}</Table.Td>
                <Table.Td>{t(`identityCorrection.fields.${c.field}`)}</Table.Td>
                <Table.Td>{value(c.oldValue, c.hidden)}</Table.Td>
                <Table.Td>{value(c.newValue, c.hidden)}</Table.Td>
                <Table.Td>{c.changedBy}</Table.Td>
                <Table.Td>{c.source === 'register_import' ? `${t('identityCorrection.sources.register_import')}: ${c.reason}` : c.reason}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </section>
  );
}
