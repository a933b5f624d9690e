import { Alert, Button, Checkbox, FileInput, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { canManageSurveys, type SurveyImportView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { ApiError } from '../api/client.ts';
import { errorText } from '../common/errors.ts';
import { formatNumber } from '../common/format.ts';
import { rowErrorsText } from '../common/rowErrors.ts';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';
import { formatDateTime } from '../account/time.ts';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useStartSurveyImport, useSurveyImportProgress, useSurveyImports, useSurveys } from './useSurveys.ts';

/**
 * Survey microdata import (analysts): a CSV file, one row per respondent. The server reads it as a
 * job: the page shows the rows read of all, then the result — imported, or why not, with the rows
 * that were refused and their reasons.
 */
export function SurveyImportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const allowed = canManageSurveys(me);
  const surveys = useSurveys();
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const chosen = surveyId ?? surveys.data?.[0]?.id ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [replaceWave, setReplaceWave] = useState(false);
  const [skipInvalidRows, setSkipInvalidRows] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const start = useStartSurveyImport();
  const progress = useSurveyImportProgress(importId);
  const history = useSurveyImports(allowed ? chosen : null);
  if (!allowed) return <NotAllowedPage />;

  async function submit() {
    setFailure(null);
    setImportId(null);
    if (!chosen) return;
    if (!file) return setFailure(t('surveys.import.chooseFile'));
    const content = await file.text();
    start.mutate(
      { surveyId: chosen, upload: { fileName: file.name, content, replaceWave, skipInvalidRows } },
      {
        onSuccess: (view) => setImportId(view.id),
        onError: (e) => setFailure(e instanceof ApiError && e.code === 'survey_file_invalid' ? t('surveys.import.badHeader') : errorText(e, t, currentLanguage())),
      },
    );
  }

  const view = progress.data;
  const running = start.isPending || view?.status === 'reading' || view?.status === 'saving';
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle>{t('surveys.import.title')}</PageTitle>
        <Text mt="xs">{t('surveys.import.intro')}</Text>
      </div>
      <section aria-labelledby="survey-file" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="survey-file">{t('surveys.import.fileHeading')}</Title>
          <Select label={t('surveys.import.survey')} data={(surveys.data ?? []).map((s) => ({ value: s.id, label: currentLanguage() === 'sv' ? s.nameSv : s.nameEn }))} value={chosen} onChange={setSurveyId} allowDeselect={false} />
          <FileInput label={t('surveys.import.file')} description={t('surveys.import.fileHint')} accept="text/csv,.csv" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('surveys.import.clearFile') }} />
          <Checkbox label={t('surveys.import.replaceWave')} checked={replaceWave} onChange={(e) => setReplaceWave(e.currentTarget.checked)} />
          <Checkbox label={t('surveys.import.skipInvalidRows')} checked={skipInvalidRows} onChange={(e) => setSkipInvalidRows(e.currentTarget.checked)} />
          <div>
            <Button onClick={() => void submit()} loading={start.isPending} disabled={running}>{t('surveys.import.start')}</Button>
          </div>
          {failure && (
            <Alert color="red" variant="light" role="alert">
              <Text fw={700}>{t('surveys.import.failedTitle')}</Text>
              {failure}
            </Alert>
          )}
          {view && <ImportState view={view} />}
        </Stack>
      </section>
      <section aria-labelledby="survey-history" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="survey-history">{t('surveys.import.history')}</Title>
          <SurveyHistory imports={history.data ?? []} />
        </Stack>
      </section>
    </Stack>
  );
}

/** A survey's imports, newest first: who, when, the file, its years, the rows imported and rejected; to sort, filter and export. */
function SurveyHistory({ imports }: { imports: readonly SurveyImportView[] }) {
  const { t } = useTranslation();
  const columns: Column<SurveyImportView>[] = [
    { key: 'when', header: t('surveys.import.when'), value: (i) => formatDateTime(i.startedAt), nowrap: true },
    { key: 'who', header: t('surveys.import.who'), value: (i) => i.importedBy },
    { key: 'file', header: t('surveys.import.file'), value: (i) => i.fileName, render: (i) => <span style={{ overflowWrap: 'anywhere' }}>{i.fileName}</span> },
    { key: 'years', header: t('surveys.import.years'), value: (i) => i.years.join(', ') },
    { key: 'rows', header: t('surveys.import.rows'), value: (i) => i.importedRows, render: (i) => formatNumber(i.importedRows), nowrap: true },
    { key: 'rejected', header: t('surveys.import.rejected'), value: (i) => i.rejectedRows, render: (i) => formatNumber(i.rejectedRows), nowrap: true },
    { key: 'rejectedRows', header: t('surveys.import.rejectedRows'), value: (i) => rowErrorsText(i.errors, t, 'surveys.import.codes'), sortable: false },
    { key: 'status', header: t('surveys.import.status'), value: (i) => t(`surveys.import.statuses.${i.status}`), nowrap: true },
  ];
  return <FilteredTable rows={imports} columns={columns} caption={t('surveys.import.history')} rowKey={(i) => i.id} empty={t('surveys.import.noImports')} exportFile={t('surveys.import.historyFile')} sortKey="when" sortDirection="descending" excelSheet={t('surveys.import.history')} />;
}

function ImportState({ view }: { view: SurveyImportView }) {
  const { t } = useTranslation();
  const share = view.totalRows > 0 ? Math.round((view.processedRows / view.totalRows) * 100) : 0;
  if (view.status === 'reading' || view.status === 'saving') {
    return (
      <div role="status" aria-live="polite">
        <Text size="sm">{view.status === 'reading' ? t('surveys.import.reading', { done: formatNumber(view.processedRows), total: formatNumber(view.totalRows) }) : t('surveys.import.saving')}</Text>
        <Progress value={view.status === 'saving' ? 100 : share} aria-label={t('surveys.import.progress')} mt={4} animated />
      </div>
    );
  }
  if (view.status === 'done') {
    return (
      <Alert color="green" variant="light" role="status">
        <Text fw={700}>{t('surveys.import.doneTitle')}</Text>
        {t('surveys.import.done', { rows: formatNumber(view.importedRows), years: view.years.join(', '), rejected: formatNumber(view.rejectedRows) })}
        {view.errors.length > 0 && <RowErrors view={view} />}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert">
        <Text fw={700}>{t('surveys.import.failedTitle')}</Text>
      {t(`surveys.import.failures.${(view.failure ?? 'internal_error') as 'rows_invalid' | 'wave_exists' | 'no_rows' | 'internal_error'}`, { rejected: formatNumber(view.rejectedRows) })}
      {view.errors.length > 0 && <RowErrors view={view} />}
    </Alert>
  );
}

function RowErrors({ view }: { view: SurveyImportView }) {
  const { t } = useTranslation();
  return (
    <Table mt="sm" aria-label={t('surveys.import.rowErrors')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('surveys.import.line')}</Table.Th>
          <Table.Th scope="col">{t('surveys.import.column')}</Table.Th>
          <Table.Th scope="col">{t('surveys.import.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {view.errors.map((e, i) => (
          <Table.Tr key={i}>
            <Table.Td>{e.line}</Table.Td>
            <Table.Td>{e.column ?? '–'}</Table.Td>
            <Table.Td>{t(`surveys.import.codes.${e.code}`, { defaultValue: e.code })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
