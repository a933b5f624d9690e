import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { isSystemAdmin, type AuditVerification, type AuditVerifyFrom } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/useCurrentUser.ts';
import { errorText } from '../../common/errors.ts';
import { formatDate, formatNumber } from '../../common/format.ts';
import { NotAllowedPage } from '../../common/NotAllowedPage.tsx';
import { PageTitle } from '../../common/PageTitle.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useAuditCheck, useStartAuditCheck } from './useAuditCheck.ts';

/** Kontroll av granskningsloggen: system administrators check the hash chain against the signed checkpoints. */
export function AuditCheckPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const start = useStartAuditCheck();
  const [id, setId] = useState<string | null>(null);
  const check = useAuditCheck(id);
  if (!isSystemAdmin(me)) return <NotAllowedPage />;

  const run = (from: AuditVerifyFrom) => start.mutate(from, { onSuccess: (started) => setId(started.id) });
  const job = check.data ?? start.data;
  const running = start.isPending || job?.status === 'running';
  const error = start.error ?? check.error;
  return (
    <Stack gap="md" maw={720}>
      <PageTitle documentTitle={t('auditCheck.nav')}>{t('auditCheck.title')}</PageTitle>
      <Text>{t('auditCheck.intro')}</Text>
      <Group gap="sm">
        <Button loading={running} onClick={() => run('start')}>{t('auditCheck.start')}</Button>
        <Button variant="default" disabled={running} onClick={() => run('last_checkpoint')}>{t('auditCheck.startQuick')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('auditCheck.quickHelp')}</Text>
      {error && <Alert color="red" variant="light" role="alert"><Text size="sm" className="text-error">{errorText(error, t, currentLanguage())}</Text></Alert>}
      {job && <CheckProgress job={job} />}
    </Stack>
  );
}

function CheckProgress({ job }: { job: AuditVerification }) {
  const { t } = useTranslation();
  const share = job.total > 0 ? Math.min(100, Math.round((100 * job.verified) / job.total)) : job.status === 'running' ? 0 : 100;
  const counts = { verified: formatNumber(job.verified), total: formatNumber(job.total) };
  return (
    <Stack gap="xs">
      <Progress value={share} aria-label={t('auditCheck.progressLabel')} animated={job.status === 'running'} />
      <Text size="sm" role="status" aria-live="polite">
        {job.status === 'running' ? t('auditCheck.running', counts) : t('auditCheck.finished', counts)}
      </Text>
      {job.status === 'done' && job.report && <Result report={job.report} />}
      {(job.status === 'failed' || job.status === 'abandoned') && (
        <Alert color="red" variant="light" role="alert"><Text size="sm" className="text-error">{t(`auditCheck.${job.status}`)}</Text></Alert>
      )}
    </Stack>
  );
}

function Result({ report }: { report: NonNullable<AuditVerification['report']> }) {
  const { t } = useTranslation();
  const { lastGood } = report.checkpoints;
  const checkpoints = t('auditCheck.checkpoints', {
    good: formatNumber(report.checkpoints.good),
    matched: formatNumber(report.checkpoints.matched),
    lastGood: lastGood ? t('auditCheck.lastGood', { seq: lastGood.seq, date: formatDate(lastGood.at) }) : t('auditCheck.noCheckpoint'),
  });
  // Text in the alerts' own dark shades: Mantine's light-variant titles are too pale for WCAG AA.
  if (report.ok) {
    return (
      <Alert color="green" variant="light">
        <Text size="sm" fw={700} c="dark.8">
          {report.sinceCheckpoint === null ? t('auditCheck.intact', { entries: formatNumber(report.entries) }) : t('auditCheck.intactSince', { entries: formatNumber(report.entries), seq: report.sinceCheckpoint })}
        </Text>
        <Text size="sm" c="dark.8">{checkpoints}</Text>
      </Alert>
    );
  }
  const broken = report.firstBroken!;
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm" fw={700} className="text-error">{t('auditCheck.broken', { seq: broken.seq })}</Text>
      <Text size="sm" c="dark.8">{t(`auditCheck.reasons.${broken.reason}`)}</Text>
      {broken.afterCheckpoint && <Text size="sm" c="dark.8">{t('auditCheck.afterCheckpoint', { seq: broken.afterCheckpoint })}</Text>}
      <Text size="sm" c="dark.8">{checkpoints}</Text>
    </Alert>
  );
}
