import { Alert, Anchor, Button, Checkbox, Fieldset, FileInput, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { canManageIndicators, parseCsv, type LocalColumnMapping, type LocalImportUpload, type LocalImportView, type LocalPreviewView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../account/time.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { errorText } from '../common/errors.ts';
import { formatNumber } from '../common/format.ts';
import { rowErrorsText } from '../common/rowErrors.ts';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { TableScroll } from '../dashboards/TableScroll.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useIndicators } from './useIndicators.ts';
import { useLocalImportProgress, useLocalImports, useLocalPreview, useStartLocalImport } from './useTargets.ts';

/**
 * Local statistics import (analysts): a CSV or Excel file, its columns mapped to year,
 * municipality, school unit, gender, value, count and status. The preview shows every bad row
 * with its column and reason; nothing is written until the file is valid or the analyst accepts
 * skipping the bad rows. The import runs as a job whose progress shows, then the history.
 */

type Field = keyof LocalColumnMapping;
const fields: Field[] = ['year', 'municipality', 'schoolUnit', 'gender', 'value', 'count', 'status'];
const optional = new Set<Field>(['schoolUnit', 'count', 'status']);
// Column names a file usually has, Swedish and English, so the mapping starts filled in.
const guesses: Record<Field, string[]> = { year: ['år', 'year', 'period'], municipality: ['kommun', 'kommunkod', 'municipality'], schoolUnit: ['skolenhet', 'skolenhetskod', 'school unit', 'school_unit'], gender: ['kön', 'gender'], value: ['värde', 'andel', 'value'], count: ['antal', 'count'], status: ['status'] };

async function readFile(file: File): Promise<{ format: 'csv' | 'xlsx'; content: string; header: string[] }> {
  if (!/\.xlsx$/i.test(file.name)) {
    const content = await file.text();
    return { format: 'csv', content, header: parseCsv(content).header };
  }
  const buffer = await file.arrayBuffer();
  const loaded = await import('exceljs');
  const excel = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(buffer);
  const first = workbook.worksheets[0]?.getRow(1);
  const header: string[] = [];
  first?.eachCell({ includeEmpty: false }, (cell) => header.push(String(cell.text).trim()));
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: 'xlsx', content: btoa(binary), header };
}

function guessMapping(header: string[]): Record<Field, string | null> {
  const find = (f: Field) => header.find((h) => guesses[f].includes(h.trim().toLowerCase())) ?? null;
  return Object.fromEntries(fields.map((f) => [f, find(f)])) as Record<Field, string | null>;
}

export function LocalImportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useCurrentUser();
  const indicators = useIndicators();
  const indicator = indicators.data?.find((i) => i.id === id);
  const allowed = indicator !== undefined && canManageIndicators(me, indicator.owner.id);
  const preview = useLocalPreview(id ?? '');
  const start = useStartLocalImport(id ?? '');
  const history = useLocalImports(id ?? '', allowed);
  const [file, setFile] = useState<{ name: string; format: 'csv' | 'xlsx'; content: string; header: string[] } | null>(null);
  const [mapping, setMapping] = useState<Record<Field, string | null>>(guessMapping([]));
  const [checked, setChecked] = useState<LocalPreviewView | null>(null);
  const [skip, setSkip] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const progress = useLocalImportProgress(id ?? '', importId);
  if (indicators.isSuccess && !indicator) return <NotFoundPage />;
  if (indicators.isSuccess && !allowed) return <NotAllowedPage />;
  if (!indicator) return null;
  const name = currentLanguage() === 'sv' ? indicator.nameSv : indicator.nameEn;

  const choose = async (chosen: File | null) => {
    setChecked(null);
    setFailure(null);
    setImportId(null);
    if (!chosen) return setFile(null);
    try {
      const read = await readFile(chosen);
      setFile({ name: chosen.name, ...read });
      setMapping(guessMapping(read.header));
    } catch {
      setFailure(t('populationTargets.import.unreadable'));
    }
  };
  const upload = (): LocalImportUpload | null => {
    if (!file || fields.some((f) => !optional.has(f) && !mapping[f])) return null;
    return { fileName: file.name, format: file.format, content: file.content, mapping: mapping as LocalColumnMapping, skipInvalidRows: skip };
  };
  const check = () => {
    const body = upload();
    if (!body) return setFailure(t('populationTargets.import.mappingIncomplete'));
    setFailure(null);
    preview.mutate(body, { onSuccess: setChecked, onError: (e) => setFailure(errorText(e, t, currentLanguage())) });
  };
  const run = () => {
    const body = upload();
    if (!body) return;
    start.mutate(body, { onSuccess: (v) => setImportId(v.id), onError: (e) => setFailure(errorText(e, t, currentLanguage())) });
  };
  const view = progress.data;
  const busy = start.isPending || view?.status === 'reading' || view?.status === 'saving';
  const ready = checked !== null && checked.valid > 0 && (checked.rejected === 0 || skip);
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle>{t('populationTargets.import.title', { name })}</PageTitle>
        <Text mt="xs">{t('populationTargets.import.intro')}</Text>
        <Anchor component={Link} to={`/population/indicators/${encodeURIComponent(indicator.id)}`}>{t('populationTargets.import.back', { name })}</Anchor>
      </div>
      <section aria-labelledby="local-file" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="local-file">{t('populationTargets.import.fileHeading')}</Title>
          <FileInput label={t('populationTargets.import.file')} description={t('populationTargets.import.fileHint')} accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(f) => void choose(f)} clearable clearButtonProps={{ 'aria-label': t('populationTargets.import.clearFile') }} />
          {file && (
            <Fieldset legend={t('populationTargets.import.mapping')}>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                {fields.map((f) => (
                  <Select key={f} label={t(`populationTargets.import.fields.${f}`)} data={file.header.filter((h) => h !== '')} value={mapping[f]} onChange={(v) => { setMapping((m) => ({ ...m, [f]: v })); setChecked(null); }} clearable={optional.has(f)} required={!optional.has(f)} placeholder={optional.has(f) ? t('populationTargets.import.none') : undefined} />
                ))}
              </SimpleGrid>
            </Fieldset>
          )}
          <Group gap="sm">
            <Button variant="default" onClick={check} loading={preview.isPending} disabled={!file || busy}>{t('populationTargets.import.preview')}</Button>
            <Button onClick={run} loading={start.isPending} disabled={!ready || busy}>{t('populationTargets.import.start')}</Button>
          </Group>
          {failure && <Alert color="red" variant="light" role="alert">{failure}</Alert>}
          {checked && <Preview view={checked} skip={skip} onSkip={setSkip} />}
          {view && <ImportState view={view} />}
        </Stack>
      </section>
      <History imports={history.data ?? []} />
    </Stack>
  );
}

function Preview({ view, skip, onSkip }: { view: LocalPreviewView; skip: boolean; onSkip: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text role="status" fw={600}>{t('populationTargets.import.checked', { total: formatNumber(view.total), valid: formatNumber(view.valid), rejected: formatNumber(view.rejected) })}</Text>
      {view.errors.length > 0 && (
        <>
          <TableScroll label={t('populationTargets.import.errors')}>
            <Table aria-label={t('populationTargets.import.errors')}>
              <Table.Thead><Table.Tr><Table.Th scope="col">{t('populationTargets.import.line')}</Table.Th><Table.Th scope="col">{t('populationTargets.import.column')}</Table.Th><Table.Th scope="col">{t('populationTargets.import.reason')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {view.errors.map((e, i) => (
                  <Table.Tr key={i}><Table.Td>{e.line}</Table.Td><Table.Td>{e.column ?? '–'}</Table.Td><Table.Td>{t(`populationTargets.import.codes.${e.code}`, { defaultValue: e.code })}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Checkbox label={t('populationTargets.import.skip', { count: view.rejected })} checked={skip} onChange={(e) => onSkip(e.currentTarget.checked)} />
        </>
      )}
    </Stack>
  );
}

function ImportState({ view }: { view: LocalImportView }) {
  const { t } = useTranslation();
  if (view.status === 'reading' || view.status === 'saving') {
    const share = view.totalRows > 0 ? Math.round((view.processedRows / view.totalRows) * 100) : 0;
    return (
      <div role="status" aria-live="polite">
        <Text size="sm">{view.status === 'reading' ? t('populationTargets.import.reading', { done: formatNumber(view.processedRows), total: formatNumber(view.totalRows) }) : t('populationTargets.import.saving')}</Text>
        <Progress value={view.status === 'saving' ? 100 : share} aria-label={t('populationTargets.import.progress')} mt={4} animated />
      </div>
    );
  }
  const c = view.counts;
  if (view.status === 'done') return <Alert color="green" variant="light" role="status">{t('populationTargets.import.done', { added: formatNumber(c.added), revised: formatNumber(c.revised), unchanged: formatNumber(c.unchanged), rejected: formatNumber(c.rejected) })}</Alert>;
  return <Alert color="red" variant="light" role="alert">{t(`populationTargets.import.failures.${(view.failure ?? 'internal_error') as 'rows_invalid'}`, { rejected: formatNumber(c.rejected) })}</Alert>;
}

/** Every import of the indicator, newest first: who, when, the file, the row counts and the rows with errors; to sort, filter and export. */
function History({ imports }: { imports: LocalImportView[] }) {
  const { t } = useTranslation();
  const count = (key: 'added' | 'revised' | 'unchanged' | 'rejected'): Column<LocalImportView> => ({ key, header: t(`populationTargets.import.columns.${key}`), value: (i) => i.counts[key], render: (i) => formatNumber(i.counts[key]), nowrap: true });
  const columns: Column<LocalImportView>[] = [
    { key: 'when', header: t('populationTargets.import.columns.when'), value: (i) => formatDateTime(i.startedAt), nowrap: true },
    { key: 'who', header: t('populationTargets.import.columns.who'), value: (i) => i.importedBy.displayName },
    { key: 'file', header: t('populationTargets.import.columns.file'), value: (i) => i.fileName, render: (i) => <span style={{ overflowWrap: 'anywhere' }}>{i.fileName}</span> },
    count('added'),
    count('revised'),
    count('unchanged'),
    count('rejected'),
    { key: 'rejectedRows', header: t('populationTargets.import.columns.rejectedRows'), value: (i) => rowErrorsText(i.errors, t, 'populationTargets.import.codes'), sortable: false },
    { key: 'status', header: t('populationTargets.import.columns.status'), value: (i) => t(`populationTargets.import.statuses.${i.status}`), nowrap: true },
  ];
  return (
    <section aria-labelledby="local-history" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="local-history">{t('populationTargets.import.history')}</Title>
        <FilteredTable rows={imports} columns={columns} caption={t('populationTargets.import.history')} rowKey={(i) => i.id} empty={t('populationTargets.import.noImports')} exportFile={t('populationTargets.import.historyFile')} sortKey="when" sortDirection="descending" excelSheet={t('populationTargets.import.history')} />
      </Stack>
    </section>
  );
}
