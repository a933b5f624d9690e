import { Alert, Anchor, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { formatStockholmDateTime, stepOutcomes, type IntakeReportView, type IntakeStep, type StepOutcome } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { childName, displayIdentityNumber } from '../children/text.ts';
import { refusalText } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { nextStepText } from './intakeText.ts';
import { useIntakeReport, useRecordStep } from './useReports.ts';

/** One received report as intake reads it, with its steps and the form for the next one. */
export function IntakeReportPage() {
  const { id = '' } = useParams();
  const report = useIntakeReport(id);
  if (report.isPending) return <Loading />;
  if (report.isError) {
    if (isApiError(report.error, 403)) return <NotAllowedPage />;
    if (isApiError(report.error, 404) || isApiError(report.error, 400)) return <NotFoundPage />;
    return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  }
  return <ReportView report={report.data} />;
}

function ReportView({ report }: { report: IntakeReportView }) {
  const { t } = useTranslation();
  const status = useStatus();
  const language = currentLanguage();
  const next = report.status.next;
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <PageTitle documentTitle={t('reports.intake.reportTitle')}>{t('reports.intake.reportHeading', { name: childName(report.childName, t) })}</PageTitle>
        <Text mt={4} size="lg">{displayIdentityNumber(report.identityNumber)}</Text>
      </div>
      <StatusMessage status={status.status} onClose={status.clear} />
      {report.immediateDanger && <Alert color="red" variant="light"><Text size="sm" c="dark.8">{t('reports.intake.dangerNotice')}</Text></Alert>}
      <Alert color={report.status.overdue ? 'red' : 'samsyn'} variant="light">
        <Text size="sm" c="dark.8">{nextStepText(report, t)}</Text>
      </Alert>
      <section aria-labelledby="report-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="report-heading">{t('reports.intake.theReport')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" className="facts">
            <Fact label={t('reports.intake.receivedAt')} value={formatStockholmDateTime(new Date(report.receivedAt))} />
            <Fact label={t('reports.intake.reporter')} value={`${report.reporter.name}${report.reporter.title ? `, ${report.reporter.title}` : ''} (${report.reporter.organisationName})`} />
            <Fact label={t('reports.intake.groundLabel')} value={`${language === 'en' ? report.legalGround.titleEn : report.legalGround.titleSv} (${report.legalGround.reference})`} />
            <Fact label={t('reports.form.areas')} value={report.areas.length > 0 ? report.areas.map((a) => t(`concerns.areas.${a}`)).join(', ') : t('child.record.none')} />
          </SimpleGrid>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{report.description}</Text>
        </Stack>
      </section>
      <section aria-labelledby="steps-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="steps-heading">{t('reports.intake.steps')}</Title>
          {report.steps.length === 0 ? (
            <Text size="sm" c="dimmed">{t('reports.intake.noSteps')}</Text>
          ) : (
            <Stack gap="xs" component="ul" className="plain-list">
              {report.steps.map((s) => (
                <li key={s.step} className="record-entry">
                  <Text size="sm" fw={600}>{t(`reports.intake.stepNames.${s.step}`)}: {t(`reports.intake.outcomes.${s.outcome}`)}</Text>
                  <Text size="xs" c="dimmed">{t('reports.intake.decided', { who: s.decidedBy, time: formatStockholmDateTime(new Date(s.decidedAt)) })}</Text>
                  {s.note && <Text size="sm">{s.note}</Text>}
                </li>
              ))}
            </Stack>
          )}
          {next !== 'done' && <StepForm key={next} reportId={report.id} step={next} onSaved={() => status.success(t('reports.intake.stepRecorded', { step: t(`reports.intake.stepNames.${next}`) }))} />}
          <Text size="sm">{t('reports.intake.feedbackLine', { feedback: t(`reports.feedback.${report.feedback}`) })}</Text>
        </Stack>
      </section>
      <Anchor component={Link} to="/intake">{t('reports.intake.back')}</Anchor>
    </Stack>
  );
}

function StepForm({ reportId, step, onSaved }: { reportId: string; step: IntakeStep; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordStep(reportId);
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const [note, setNote] = useState('');
  const { errors, fail, clear, formRef } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      fail({ outcome: t('validation.required') });
      return;
    }
    clear();
    record.mutate({ step, outcome, ...(note.trim() ? { note } : {}) }, { onSuccess: onSaved });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="step-form-heading">
      <Stack gap="md" mt="sm">
        <Title order={3} size="h4" id="step-form-heading">{t(`reports.intake.record.${step}`)}</Title>
        <Text size="sm">{t(`reports.intake.stepHints.${step}`)}</Text>
        <FormError text={record.isError ? refusalText(record.error, t, currentLanguage()) : null} />
        <Radio.Group label={t('reports.intake.outcome')} value={outcome ?? ''} onChange={(v) => setOutcome(v as StepOutcome)} error={errors.outcome} required>
          <Stack gap={6} mt={6}>
            {stepOutcomes[step].map((o) => <Radio key={o} value={o} label={t(`reports.intake.outcomes.${o}`)} aria-invalid={Boolean(errors.outcome) || undefined} />)}
          </Stack>
        </Radio.Group>
        <Textarea label={t('reports.intake.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={4000} autosize minRows={2} />
        <FormActions onCancel={() => { setOutcome(null); setNote(''); }} saving={record.isPending} submitLabel={t('reports.intake.recordStep')} />
      </Stack>
    </form>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">{label}</Text>
      <Text component="dd" m={0} fw={500}>{value}</Text>
    </div>
  );
}

