import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartHandle } from './DashboardChart.tsx';
import { downloadDataUrl, exportCsv, exportExcel, type ExportTable } from './exports.ts';

/** PNG of the chart (when there is one), and its data as CSV and Excel: the same suppressed figures as the table. */
export function ChartExports({ name, label, chart, table }: { name: string; label: string; chart?: () => ChartHandle | null; table: () => ExportTable }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const png = () => {
    const url = chart?.()?.pngDataUrl();
    if (url) downloadDataUrl(`${name}.png`, url);
  };
  const excel = async () => {
    setBusy(true);
    try {
      await exportExcel(`${name}.xlsx`, label, table());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" role="group" aria-label={t('dashboards.exports', { chart: label })}>
      {chart && <Button size="xs" variant="default" onClick={png}>{t('dashboards.png')}</Button>}
      <Button size="xs" variant="default" onClick={() => exportCsv(`${name}.csv`, table())}>{t('dashboards.csv')}</Button>
      <Button size="xs" variant="default" onClick={() => void excel()} loading={busy}>{t('dashboards.excel')}</Button>
    </Group>
  );
}
