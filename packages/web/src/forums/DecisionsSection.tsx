import { Button, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { MeetingView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { AssessmentForm } from '../impact-assessments/ImpactAssessmentSection.tsx';
import { decisionAssessmentPath, useAssessment } from '../impact-assessments/useImpactAssessment.ts';
import { DecisionPlanLink, noLink, type PlanLink } from './DecisionPlanLink.tsx';
import { useProposeDecision } from './useForumChanges.ts';
import { useTakeDecision } from './useForums.ts';

type Decision = MeetingView['decisions'][number];

/**
 * The meeting's decisions: members propose one, fill in its child-rights impact assessment and mark
 * it taken. The server refuses a decision without a done (or not needed) assessment; the refusal is
 * shown in words, as the server's catalogue words it.
 */
export function DecisionsSection({ forumId, meeting }: { forumId: string; meeting: MeetingView }) {
  const { t } = useTranslation();
  const take = useTakeDecision(forumId, meeting.id);
  const [assessing, setAssessing] = useState<Decision | null>(null);
  return (
    <section aria-labelledby="decisions">
      <Title order={2} id="decisions" mb="xs">{t('forums.decisions')}</Title>
      <FormError text={take.isError ? errorText(take.error, t, currentLanguage()) : null} />
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Caption>{t('forums.decisionsCaption')}</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th>{t('forums.decision')}</Table.Th><Table.Th>{t('forums.planRow')}</Table.Th><Table.Th>{t('forums.assessment')}</Table.Th><Table.Th>{t('forums.state')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {meeting.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.text}</Table.Td>
                <Table.Td>{[d.actionPlan?.name, d.subGoal?.name, d.activity?.name].filter(Boolean).join(' › ')}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <span>{t(`forums.assessmentStates.${d.assessmentState}`)}</span>
                    {(meeting.canEdit || d.assessmentState !== 'none') && (
                      <Button size="xs" variant="light" onClick={() => setAssessing(d)} aria-label={t(meeting.canEdit ? 'forumEditor.assessFor' : 'forumEditor.viewAssessmentFor', { text: d.text })}>
                        {t(meeting.canEdit ? 'forumEditor.assess' : 'forumEditor.viewAssessment')}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {d.state === 'taken' ? t('forums.taken') : meeting.canEdit ? <Button size="xs" onClick={() => take.mutate(d.id)} loading={take.isPending} aria-label={t('forumEditor.markTakenFor', { text: d.text })}>{t('forums.markTaken')}</Button> : t('forums.proposed')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {meeting.canEdit && <ProposeForm forumId={forumId} meetingId={meeting.id} />}
      <Modal opened={assessing !== null} onClose={() => setAssessing(null)} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('impactAssessment.title')} size="xl">
        {assessing && <DecisionAssessment forumId={forumId} meeting={meeting} decision={assessing} onSaved={() => { setAssessing(null); take.reset(); }} />}
      </Modal>
    </section>
  );
}

function DecisionAssessment({ forumId, meeting, decision, onSaved }: { forumId: string; meeting: MeetingView; decision: Decision; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const path = decisionAssessmentPath(forumId, decision.id);
  const query = useAssessment(path);
  if (query.isPending) return <Text>{t('forumEditor.loading')}</Text>;
  if (query.isError) return <FormError text={errorText(query.error, t, currentLanguage())} />;
  return (
    <Stack gap="sm">
      <Text fw={600}>{decision.text}</Text>
      <AssessmentForm
        path={path}
        canEdit={meeting.canEdit}
        readOnlyText={t('forumEditor.assessmentReadOnly')}
        assessment={query.data}
        onSaved={() => { void client.invalidateQueries({ queryKey: ['forums', forumId, 'meetings', meeting.id] }); onSaved(); }}
      />
    </Stack>
  );
}

function ProposeForm({ forumId, meetingId }: { forumId: string; meetingId: string }) {
  const { t } = useTranslation();
  const propose = useProposeDecision(forumId, meetingId);
  const [text, setText] = useState('');
  const [link, setLink] = useState<PlanLink>(noLink);
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (text.trim()) propose.mutate({ text, ...link }, { onSuccess: () => { setText(''); setLink(noLink); } }); }} noValidate>
      <Stack gap="xs" mt="md">
        <FormError text={propose.isError ? errorText(propose.error, t, currentLanguage()) : null} />
        <Textarea label={t('forumEditor.newDecision')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <DecisionPlanLink value={link} onChange={setLink} />
        <Group><Button type="submit" variant="light" loading={propose.isPending}>{t('forumEditor.propose')}</Button></Group>
        {propose.isSuccess && <Text role="status">{t('forumEditor.proposed')}</Text>}
      </Stack>
    </form>
  );
}
