import { Alert, Button, FileInput, List, Progress, Stack, Text, Title } from '@mantine/core';
import type { KoladaImportView } from '@samsyn/core';
import { canManageIndicators } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { errorText } from '../common/errors.ts';
import { formatNumber } from '../common/format.ts';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';
import { formatDateTime } from '../account/time.ts';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useKoladaImport, useKoladaImports } from './useIndicators.ts';

/** Reads the chosen files as JSON, saying which one is not JSON at all. */
async function readFiles(files: readonly File[], onRead: (done: number) => void): Promise<{ name: string; content: unknown }[]> {
  const read: { name: string; content: unknown }[] = [];
  for (const file of files) {
    const text = await file.text();
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch {
      throw new NotJsonError(file.name);
    }
    read.push({ name: file.name, content });
    onRead(read.length);
  }
  return read;
}

class NotJsonError extends Error {
  constructor(readonly file: string) {
    super(file);
  }
}

/**
 * Kolada imports: files saved from Kolada's open API (v2 or v3: data pages, KPI and municipality
 * metadata). The answer says what was added, what Kolada revised, which rows were rejected and
 * which KPIs were renamed; the history below keeps every import.
 */
export function KoladaImportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const allowed = canManageIndicators(me);
  const history = useKoladaImports(allowed);
  const run = useKoladaImport();
  const [files, setFiles] = useState<File[]>([]);
  const [read, setRead] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<KoladaImportView | null>(null);
  if (!allowed) return <NotAllowedPage />;

  async function start() {
    setFailure(null);
    setResult(null);
    setRead(0);
    if (files.length === 0) return setFailure(t('kolada.chooseFiles'));
    try {
      const contents = await readFiles(files, setRead);
      run.mutate({ files: contents }, { onSuccess: setResult, onError: (e) => setFailure(errorText(e, t, currentLanguage())) });
    } catch (error) {
      setFailure(error instanceof NotJsonError ? t('kolada.notJson', { file: error.file }) : errorText(error, t, currentLanguage()));
    }
  }

  const busy = run.isPending || (read > 0 && read < files.length);
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle>{t('kolada.title')}</PageTitle>
        <Text mt="xs">{t('kolada.intro')}</Text>
      </div>
      <section aria-labelledby="kolada-files" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="kolada-files">{t('kolada.filesHeading')}</Title>
          <FileInput label={t('kolada.files')} description={t('kolada.filesHint')} multiple accept="application/json,.json" value={files} onChange={setFiles} clearable clearButtonProps={{ 'aria-label': t('kolada.clearFiles') }} />
          {busy && (
            <div role="status" aria-live="polite">
              <Text size="sm">{run.isPending ? t('kolada.importing') : t('kolada.reading', { done: read, total: files.length })}</Text>
              <Progress value={run.isPending ? 100 : (read / Math.max(1, files.length)) * 100} animated={run.isPending} aria-label={t('kolada.progress')} />
            </div>
          )}
          <Button onClick={() => void start()} loading={busy} w="fit-content">{t('kolada.import')}</Button>
          {failure && <Alert color="red" variant="light" role="alert"><Text size="sm" className="text-error">{failure}</Text></Alert>}
        </Stack>
      </section>
      {result && <ImportResult result={result} />}
      <section aria-labelledby="kolada-history">
        <Title order={2} size="h3" id="kolada-history" mb="sm">{t('kolada.history')}</Title>
        <KoladaHistory imports={history.data ?? []} />
      </section>
    </Stack>
  );
}

/** Every import, newest first: who, when, the source, the row counts and the rejected rows; to sort, filter and export. */
function KoladaHistory({ imports }: { imports: readonly KoladaImportView[] }) {
  const { t } = useTranslation();
  const count = (key: 'added' | 'revised' | 'unchanged' | 'rejected'): Column<KoladaImportView> => ({ key, header: t(`kolada.${key}`), value: (i) => i.counts[key], render: (i) => formatNumber(i.counts[key]), nowrap: true });
  const columns: Column<KoladaImportView>[] = [
    { key: 'when', header: t('kolada.when'), value: (i) => formatDateTime(i.importedAt), nowrap: true },
    { key: 'who', header: t('kolada.who'), value: (i) => i.importedBy.displayName },
    { key: 'source', header: t('kolada.source'), value: (i) => i.source, render: (i) => <span style={{ overflowWrap: 'anywhere' }}>{i.source}</span> },
    count('added'),
    count('revised'),
    count('unchanged'),
    count('rejected'),
    { key: 'rejectedRows', header: t('kolada.rejectedRows'), value: (i) => i.rejected.map((r) => t('kolada.rejectedItem', r)).join('; '), sortable: false },
  ];
  return <FilteredTable rows={imports} columns={columns} caption={t('kolada.history')} rowKey={(i) => i.id} empty={t('kolada.noImports')} exportFile={t('kolada.historyFile')} sortKey="when" sortDirection="descending" excelSheet={t('kolada.history')} />;
}

function ImportResult({ result }: { result: KoladaImportView }) {
  const { t } = useTranslation();
  const { counts } = result;
  return (
    <section aria-labelledby="kolada-result" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="kolada-result">{t('kolada.resultHeading')}</Title>
        <Text role="status">{t('kolada.summary', counts)}</Text>
        {result.renamedKpis.length > 0 && (
          <Alert color="orange" variant="light" title={t('kolada.renamedHeading')}>
            <List size="sm">
              {result.renamedKpis.map((k) => <List.Item key={k.id}>{t('kolada.renamed', k)}</List.Item>)}
            </List>
          </Alert>
        )}
        {result.revised.length > 0 && (
          <>
            <Title order={3} size="h4">{t('kolada.revisedHeading')}</Title>
            <List size="sm">
              {result.revised.map((r) => (
                <List.Item key={r.key}>{t('kolada.revisedItem', { key: r.key, before: r.before ?? t(`kolada.statuses.${r.beforeStatus}`), after: r.after ?? t(`kolada.statuses.${r.afterStatus}`) })}</List.Item>
              ))}
            </List>
          </>
        )}
        {result.rejected.length > 0 && (
          <>
            <Title order={3} size="h4">{t('kolada.rejectedHeading')}</Title>
            <List size="sm">
              {result.rejected.map((r, i) => <List.Item key={`${r.file}:${r.path}:${i}`}>{t('kolada.rejectedItem', r)}</List.Item>)}
            </List>
          </>
        )}
      </Stack>
    </section>
  );
}
