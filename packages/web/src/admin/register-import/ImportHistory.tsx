import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { formatStockholmDateTime } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../common/DataTable.tsx';
import { formatNumber } from '../../common/format.ts';
import { LoadError } from '../../common/LoadError.tsx';
import { Loading } from '../../common/Loading.tsx';
import { toneStyle } from './text.ts';
import { useImportHistory } from './useRegisterImport.ts';

const statusColour = { previewed: 'yellow', running: 'blue', done: 'green', discarded: 'gray' } as const;

/** Who imported which file when, and what it did. */
export function ImportHistory() {
  const { t } = useTranslation();
  const history = useImportHistory();
  return (
    <section aria-labelledby="history-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="history-heading">{t('registerImport.historyTitle')}</Title>
        {history.isPending && <Loading />}
        {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && history.data.imports.length === 0 && <Text c="dimmed">{t('registerImport.noHistory')}</Text>}
        {history.data && history.data.imports.length > 0 && (
          <DataTable caption={t('registerImport.historyTitle')} headers={[t('registerImport.when'), t('registerImport.who'), t('registerImport.fileName'), t('registerImport.status'), t('registerImport.outcomes.create'), t('registerImport.outcomes.change'), t('registerImport.outcomes.unchanged'), t('registerImport.outcomes.error')]}>
            {history.data.imports.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td className="nowrap">{formatStockholmDateTime(new Date(i.previewedAt))}</Table.Td>
                <Table.Td>{i.importedBy}</Table.Td>
                <Table.Td>{i.fileName}</Table.Td>
                <Table.Td><Badge variant="light" tt="none" style={toneStyle(statusColour[i.status])}>{t(`registerImport.statuses.${i.status}`)}</Badge></Table.Td>
                <Table.Td>{formatNumber(i.created)}</Table.Td>
                <Table.Td>{formatNumber(i.changed)}</Table.Td>
                <Table.Td>{formatNumber(i.unchanged)}</Table.Td>
                <Table.Td>{formatNumber(i.errors)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </section>
  );
}
