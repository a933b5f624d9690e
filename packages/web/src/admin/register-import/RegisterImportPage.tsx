import { Alert, Button, FileInput, Group, List, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { municipalityHeader, registerHeaders, type RegisterImportPreview } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../common/errors.ts';
import { FormError } from '../../common/FormActions.tsx';
import { formatNumber } from '../../common/format.ts';
import { PageTitle } from '../../common/PageTitle.tsx';
import { message, StatusMessage, useStatus } from '../../common/StatusMessage.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { useImportDecision, useImportHistory, useImportProgress, usePreviewImport } from './useRegisterImport.ts';

/** Registerimport: upload a register file, see the preview, accept it, follow its progress, and the history. */
export function RegisterImportPage() {
  const { t } = useTranslation();
  const preview = usePreviewImport();
  const decision = useImportDecision();
  const status = useStatus();
  const [file, setFile] = useState<File | null>(null);
  // What is missing, not its words: the message is translated when drawn, so it follows the language.
  const [missing, setMissing] = useState<{ file: boolean; register: boolean }>({ file: false, register: false });
  // An administrator who keeps several municipalities' registers chooses one; with one it is that one.
  const registers = useImportHistory().data?.registers ?? [];
  const [register, setRegister] = useState<string | null>(null);
  const choosing = registers.length > 1;
  const [shown, setShown] = useState<RegisterImportPreview | null>(null);
  const [runningId, setRunningId] = useState<string | null>(null);
  const progress = useImportProgress(runningId);
  const run = progress.data;

  async function upload(event: FormEvent) {
    event.preventDefault();
    status.clear();
    const lacking = { file: !file, register: choosing && !register };
    setMissing(lacking);
    if (!file || lacking.register) return;
    setRunningId(null);
    const upload = { fileName: file.name, content: await file.text(), ...(choosing && register ? { organisationId: register } : {}) };
    preview.mutate(upload, { onSuccess: setShown, onError: () => setShown(null) });
  }

  function decide(kind: 'accept' | 'discard') {
    if (!shown) return;
    decision.mutate({ id: shown.import.id, decision: kind }, {
      onSuccess: (summary) => {
        setShown(null);
        if (kind === 'accept') setRunningId(summary.id);
        else status.success(message('registerImport.discarded', { file: summary.fileName }));
      },
    });
  }

  const fileProblem = preview.error instanceof ApiError && preview.error.code === 'register_file_invalid' ? t('registerImport.fileInvalid') : null;
  const failure = fileProblem ?? (preview.isError ? errorText(preview.error, t, currentLanguage()) : decision.isError ? errorText(decision.error, t, currentLanguage()) : null);
  const percent = run && run.totalRows > 0 ? Math.round((run.processedRows / run.totalRows) * 100) : 0;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('registerImport.title')}</PageTitle>
        <Text mt="xs">{t('registerImport.intro')}</Text>
      </div>
      <StatusMessage status={status.status} onClose={status.clear} />
      <form onSubmit={(e) => void upload(e)} noValidate className="page-panel">
        <Stack p="md" gap="sm">
          {choosing && (
            <Select label={t('registerImport.register')} description={t('registerImport.registerHint')} data={registers.map((r) => ({ value: r.id, label: r.name }))} value={register} onChange={(v) => { setRegister(v); setMissing((m) => ({ ...m, register: false })); }} error={missing.register ? t('registerImport.chooseRegister') : null} required maw={420} />
          )}
          <FileInput label={t('registerImport.file')} description={t('registerImport.fileHint', { columns: registerHeaders.join('; ') })} accept=".csv,text/csv" value={file} onChange={(f) => { setFile(f); setMissing((m) => ({ ...m, file: false })); }} error={missing.file ? t('registerImport.chooseFile') : null} required />
          <Group><Button type="submit" loading={preview.isPending}>{t('registerImport.preview')}</Button></Group>
        </Stack>
      </form>
      <FormError text={failure} />
      {shown && (
        <section aria-labelledby="preview-heading" className="page-panel">
          <Stack p="md" gap="sm">
            <Title order={2} size="h3" id="preview-heading">{t('registerImport.previewTitle', { file: shown.import.fileName })}</Title>
            <Text size="sm">{t('registerImport.previewFor', { organisation: shown.import.organisation.name })}</Text>
            <Text size="sm">{t('registerImport.previewNothingWritten')}</Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {(['create', 'change', 'unchanged', 'error'] as const).map((o) => (
                <div key={o}><Text size="xs" c="dimmed">{t(`registerImport.outcomes.${o}`)}</Text><Text fw={700} size="lg">{formatNumber(shown.planned[o])}</Text></div>
              ))}
            </SimpleGrid>
            {shown.ignoredColumns.length > 0 && <Alert color="yellow" variant="light"><Text size="sm">{t('registerImport.ignoredColumns', { columns: shown.ignoredColumns.join(', ') })}</Text></Alert>}
            {shown.planned.error > 0 && <Text size="sm" className="text-error">{t('registerImport.errorsSkipped', { count: shown.planned.error })}</Text>}
            <PreviewTable rows={shown.rows} fileName={shown.import.fileName} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => decide('discard')} loading={decision.isPending && decision.variables.decision === 'discard'}>{t('registerImport.discard')}</Button>
              <Button onClick={() => decide('accept')} loading={decision.isPending && decision.variables.decision === 'accept'} disabled={shown.planned.create + shown.planned.change === 0}>{t('registerImport.accept')}</Button>
            </Group>
          </Stack>
        </section>
      )}
      {run && (
        <section aria-labelledby="progress-heading" className="page-panel">
          <Stack p="md" gap="xs">
            <Title order={2} size="h3" id="progress-heading">{t('registerImport.progressTitle', { file: run.fileName })}</Title>
            <Progress.Root size="lg">
              <Progress.Section value={percent} aria-label={t('registerImport.progressLabel')} aria-valuetext={t('registerImport.progressText', { done: formatNumber(run.processedRows), total: formatNumber(run.totalRows) })} />
            </Progress.Root>
            <div role="status" aria-live="polite" aria-atomic="true">
              <Text size="sm">
                {run.status === 'done'
                  ? t('registerImport.doneText', { created: run.created, changed: run.changed, unchanged: run.unchanged, errors: run.errors })
                  : run.status === 'failed'
                    ? t('registerImport.failedText', { done: formatNumber(run.processedRows), total: formatNumber(run.totalRows), created: run.created, changed: run.changed })
                    : t('registerImport.progressText', { done: formatNumber(run.processedRows), total: formatNumber(run.totalRows) })}
              </Text>
            </div>
          </Stack>
        </section>
      )}
      <ImportHistory />
      <section aria-labelledby="columns-heading">
        <Title order={2} size="h4" id="columns-heading" mb="xs">{t('registerImport.columnsTitle')}</Title>
        <List size="sm">
          {registerHeaders.map((h) => <List.Item key={h}>{h}</List.Item>)}
          <List.Item key={municipalityHeader}>{t('registerImport.municipalityColumn')}</List.Item>
        </List>
      </section>
    </Stack>
  );
}
