import { Button, FileInput, Group, Text } from '@mantine/core';
import type { MeasureView, Language } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { DataList } from './DataList.tsx';
import { useImprovementChange } from './useImprovement.ts';

interface Preview { rows: { line: number; period: string; value: number | null; numerator: number | null; denominator: number | null; error: string | null; replaces: boolean }[]; valid: number; invalid: number; written: number }

/** Values from a CSV file: a preview with each row's error first; nothing is written until accepted. */
export function CsvImport({ measure }: { measure: MeasureView }) {
  const { t, i18n } = useTranslation();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const run = useImprovementChange<Preview>(`/api/improvement/measures/${measure.id}/import`);
  const p = measure.kind === 'proportion';
  return (
    <section aria-labelledby="csv-import">
      <h2 id="csv-import">{t('improvement.import')}</h2>
      <Text size="sm">{t(p ? 'improvement.importFormatP' : 'improvement.importFormat')}</Text>
      <Group align="end" wrap="wrap">
        <FileInput label={t('improvement.importFile')} accept=".csv,text/csv" onChange={(file) => { setPreview(null); void file?.text().then(setCsv); }} />
        <Button variant="default" disabled={csv === null} loading={run.isPending && !run.variables} onClick={() => run.mutate({ csv }, { onSuccess: setPreview })}>{t('improvement.preview')}</Button>
        <Button disabled={!preview || preview.invalid > 0 || preview.rows.length === 0 || preview.written > 0} onClick={() => run.mutate({ csv, accept: true }, { onSuccess: setPreview })}>{t('improvement.accept')}</Button>
      </Group>
      {run.isError && <Text c="red.8" role="alert">{errorText(run.error, t, i18n.language as Language)}</Text>}
      {preview && (
        <>
          <Text role="status">{preview.written > 0 ? t('improvement.imported', { count: preview.written }) : t('improvement.previewed', { valid: preview.valid, invalid: preview.invalid })}</Text>
          <DataList
            rows={preview.rows}
            columns={[
              { key: 'line', header: t('improvement.line'), value: (r) => r.line },
              { key: 'period', header: t('improvement.period'), value: (r) => r.period },
              ...(p ? [{ key: 'numerator', header: t('improvement.numerator'), value: (r: Preview['rows'][number]) => r.numerator ?? '' }, { key: 'denominator', header: t('improvement.denominator'), value: (r: Preview['rows'][number]) => r.denominator ?? '' }] : [{ key: 'value', header: t('improvement.value'), value: (r: Preview['rows'][number]) => r.value ?? '' }]),
              { key: 'replaces', header: t('improvement.replaces'), value: (r) => (r.replaces ? t('common.yes') : t('common.none')) },
              { key: 'error', header: t('improvement.rowError'), value: (r) => (r.error ? t(`improvement.importErrors.${r.error}`, { defaultValue: r.error }) : t('improvement.rowOk')) },
            ]}
            caption={t('improvement.previewCaption')}
            exportFile={t('improvement.previewFile')}
            searchText={(r) => `${r.period} ${r.error ?? ''}`}
            filter={() => true}
            rowKey={(r) => String(r.line)}
            sortKey="line"
          />
        </>
      )}
    </section>
  );
}
