import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Language } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { useMeeting, useSaveMinutes, useTakeDecision } from './useForums.ts';

/** One meeting: agenda with its standing items, minutes, attendance and decisions. */
export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { id = '', meetingId = '' } = useParams();
  const meeting = useMeeting(id, meetingId);
  const take = useTakeDecision(id, meetingId);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/operations/forums/${id}`}>{t('forums.backToForum')}</Anchor>
      <PageTitle>{m.title}</PageTitle>
      <Text>{formatDate(m.heldOn)}</Text>
      <Title order={2}>{t('forums.agenda')}</Title>
      <List type="ordered">{m.agenda.map((a, i) => <List.Item key={i}>{a.title}{a.standing ? ` (${t('forums.standing')})` : ''}</List.Item>)}</List>
      <Title order={2}>{t('forums.minutes')}</Title>
      {m.canEdit ? <MinutesForm forumId={id} meetingId={meetingId} minutes={m.minutes} /> : <Text style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || t('forums.none')}</Text>}
      <Title order={2}>{t('forums.attendance')}</Title>
      <List>{m.attendance.map((a, i) => <List.Item key={i}>{a.name}: {a.present ? t('forums.present') : t('forums.absent')}</List.Item>)}</List>
      <Title order={2}>{t('forums.decisions')}</Title>
      {take.isError && <Alert color="red" role="alert">{errorText(take.error, t, i18n.language as Language)}</Alert>}
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Caption>{t('forums.decisionsCaption')}</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th>{t('forums.decision')}</Table.Th><Table.Th>{t('forums.planRow')}</Table.Th><Table.Th>{t('forums.assessment')}</Table.Th><Table.Th>{t('forums.state')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {m.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.text}</Table.Td>
                <Table.Td>{[d.actionPlan?.name, d.subGoal?.name, d.activity?.name].filter(Boolean).join(' › ')}</Table.Td>
                <Table.Td>{t(`forums.assessmentStates.${d.assessmentState}`)}</Table.Td>
                <Table.Td>
                  {d.state === 'taken' ? t('forums.taken') : m.canEdit ? <Button size="xs" onClick={() => take.mutate(d.id)} loading={take.isPending}>{t('forums.markTaken')}</Button> : t('forums.proposed')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Members write the minutes; the server refuses anyone else (403), so only members see the form. */
function MinutesForm({ forumId, meetingId, minutes }: { forumId: string; meetingId: string; minutes: string }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(minutes);
  const save = useSaveMinutes(forumId, meetingId);
  return (
    <Stack gap="xs">
      <Textarea label={t('forums.minutesLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={4} />
      <Group><Button onClick={() => save.mutate(text)} loading={save.isPending}>{t('forums.saveMinutes')}</Button></Group>
      {save.isSuccess && <Text role="status">{t('forums.minutesSaved')}</Text>}
      {save.isError && <Alert color="red" role="alert">{errorText(save.error, t, i18n.language as Language)}</Alert>}
    </Stack>
  );
}
