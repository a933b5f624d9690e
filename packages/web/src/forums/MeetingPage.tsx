import { Alert, Anchor, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Language } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { DecisionsSection } from './DecisionsSection.tsx';
import { MeetingEditor } from './MeetingEditor.tsx';
import { useMeeting, useSaveMinutes } from './useForums.ts';

/** One meeting: agenda with its standing items, minutes, attendance and decisions. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '', meetingId = '' } = useParams();
  const meeting = useMeeting(id, meetingId);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/operations/forums/${id}`}>{t('forums.backToForum')}</Anchor>
      <PageTitle>{m.title}</PageTitle>
      <Text>{formatDate(m.heldOn)}</Text>
      <Title order={2}>{t('forums.agenda')}</Title>
      <List type="ordered">{m.agenda.map((a, i) => <List.Item key={i}>{a.title}{a.crcArticle ? ` – ${t('forumEditor.article', { n: a.crcArticle })}` : ''}{a.standing ? ` (${t('forums.standing')})` : ''}</List.Item>)}</List>
      <Title order={2}>{t('forums.minutes')}</Title>
      {m.canEdit ? <MinutesForm forumId={id} meetingId={meetingId} minutes={m.minutes} /> : <Text style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || t('forums.none')}</Text>}
      <Title order={2}>{t('forums.attendance')}</Title>
      <List>{m.attendance.map((a, i) => <List.Item key={i}>{a.name}: {a.present ? t('forums.present') : t('forums.absent')}</List.Item>)}</List>
      {m.canEdit && <MeetingEditor key={m.id} forumId={id} meeting={m} />}
      <DecisionsSection forumId={id} meeting={m} />
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
