import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ChildView, WheelView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { AssessmentForm } from './AssessmentForm.tsx';
import { IssueCode } from './IssueCode.tsx';
import { inLanguage } from './text.ts';
import { useWheel, useWheelModels } from './useWellbeing.ts';
import { AreaOverTime, LatestWheel } from './WheelCharts.tsx';

/** The record's wellbeing wheel: the latest views side by side, each area over time, and the assessments. */
export function WellbeingSection({ child }: { child: ChildView }) {
  const { t } = useTranslation();
  const wheel = useWheel(child.id);
  const models = useWheelModels();
  const status = useStatus();
  const [formOpen, form] = useDisclosure(false);
  const [codeOpen, code] = useDisclosure(false);
  if (wheel.isError && isApiError(wheel.error, 403)) return null;
  const current = models.data?.current;
  return (
    <section aria-labelledby="wellbeing-heading" className="page-panel" data-testid="wellbeing-section">
      <Stack gap="md" p="lg">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="wellbeing-heading">{t('wellbeing.title')}</Title>
          {wheel.data?.canRecord && (
            <Group gap="sm">
              <Button variant="light" onClick={form.open}>{t('wellbeing.record.open')}</Button>
              <Button variant="light" component={Link} to={`/child/${child.id}/self-rating?for=child`}>{t('wellbeing.meeting.child')}</Button>
              <Button variant="light" component={Link} to={`/child/${child.id}/self-rating?for=guardian`}>{t('wellbeing.meeting.guardian')}</Button>
              <Button variant="light" onClick={code.open}>{t('wellbeing.code.open')}</Button>
            </Group>
          )}
        </Group>
        <Text size="sm">{t('wellbeing.describes')}</Text>
        <StatusMessage status={status.status} onClose={status.clear} />
        {wheel.isPending || models.isPending ? (
          <Loading />
        ) : wheel.isError ? (
          <LoadError error={wheel.error} onRetry={() => void wheel.refetch()} />
        ) : models.isError || !current ? (
          <LoadError error={models.error} onRetry={() => void models.refetch()} />
        ) : (
          <>
            {!wheel.data.sharedFromOthers && (
              <Alert color="gray" variant="light" p="xs"><Text size="sm" c="dark.8">{t('consentParties.record.notShared')}</Text></Alert>
            )}
            <LatestWheel wheel={wheel.data} model={current.content} />
            <AreaOverTime wheel={wheel.data} model={current.content} />
            <AssessmentList wheel={wheel.data} />
          </>
        )}
      </Stack>
      <Modal opened={formOpen} onClose={form.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('wellbeing.record.title')} size="xl">
        {current && (
          <AssessmentForm
            childId={child.id}
            model={current}
            onCancel={form.close}
            onSaved={() => {
              form.close();
              status.success(t('wellbeing.record.saved'));
            }}
          />
        )}
      </Modal>
      <Modal opened={codeOpen} onClose={code.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('wellbeing.code.title')} size="lg">
        <IssueCode childId={child.id} onClose={code.close} />
      </Modal>
    </section>
  );
}

/** Every assessment the caller may read, newest first, in the words of the model version it was made with. */
function AssessmentList({ wheel }: { wheel: WheelView }) {
  const { t } = useTranslation();
  if (wheel.assessments.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">{t('wellbeing.list.title')}</Title>
      <ul className="plain-list">
        {wheel.assessments.map((a) => {
          const model = wheel.models.find((m) => m.id === a.modelVersionId)?.content;
          const notes = a.answers.filter((x) => x.strengths || x.worries);
          return (
            <li key={a.id} className="record-entry">
              <details>
                <summary>
                  <Text span fw={600} size="sm">{t('wellbeing.list.summary', { date: formatDate(a.occurredOn), respondent: t(`wellbeing.respondents.${a.respondent}`), by: a.recordedBy })}</Text>
                </summary>
                <Text size="xs" c="dimmed">{t('wellbeing.list.meta', { organisation: a.organisationName, domain: a.secrecyDomainName, version: a.modelVersion, via: t(`wellbeing.vias.${a.via}`) })}</Text>
                {a.important && <Text size="sm" mt={4}>{t('wellbeing.list.important', { text: a.important })}</Text>}
                {notes.length === 0 ? (
                  <Text size="sm" c="dimmed" mt={4}>{t('wellbeing.list.noNotes')}</Text>
                ) : (
                  <dl className="wheel-notes">
                    {notes.map((x) => {
                      const area = model?.areas.find((m) => m.code === x.area);
                      return (
                        <div key={x.area}>
                          <dt>{area ? inLanguage(area.label) : x.area}</dt>
                          {x.strengths && <dd>{t('wellbeing.list.strengths', { text: x.strengths })}</dd>}
                          {x.worries && <dd>{t('wellbeing.list.worries', { text: x.worries })}</dd>}
                        </div>
                      );
                    })}
                  </dl>
                )}
              </details>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
