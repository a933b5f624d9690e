import { Alert, Anchor, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { InvitationView } from '@samsyn/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useDraft } from '../children/useDraft.ts';
import { refusalText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useInvitation, useReply } from './useSip.ts';
import { meetingTime, replyWords } from './words.ts';

/** The invitee's own summons or invitation: the meeting's time, place and link, and their reply. Opening it is the read receipt. */
export function InvitationPage() {
  const { id = '', invitationId = '' } = useParams();
  const invitation = useInvitation(id, invitationId);
  if (invitation.isPending) return <Loading />;
  if (invitation.isError) {
    if (isApiError(invitation.error, 404) || isApiError(invitation.error, 403) || isApiError(invitation.error, 400)) return <NotFoundPage />;
    return <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />;
  }
  return <Invitation invitation={invitation.data} />;
}

export function Invitation({ invitation: v, compact = false }: { invitation: InvitationView; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      {!compact && <PageTitle documentTitle={t(`sipMeetings.kinds.${v.kind}`)}>{t(`sipMeetings.invitation.title.${v.kind}`, { plan: t(`sipMeetings.planKinds.${v.planKind}`) })}</PageTitle>}
      <Text>{t('sipMeetings.invitation.when', { time: meetingTime(v.startsAt, t) })}</Text>
      {v.place && <Text>{t('sipMeetings.invitation.where', { place: v.place })}</Text>}
      {v.digitalLink && <Anchor href={v.digitalLink} target="_blank" rel="noreferrer">{t('sipMeetings.invitation.digital')}</Anchor>}
      <Text size="sm" c="dimmed">{t('sipMeetings.invitation.sentBy', { name: v.sentByName })}</Text>
      {v.reply ? (
        <Alert variant="light" color="samsyn"><Text size="sm" c="dark.8">{t('sipMeetings.invitation.yourReply', { reply: replyWords(v, t) })}</Text></Alert>
      ) : (
        <ReplyForm invitation={v} />
      )}
      {!compact && <Anchor component={Link} to="/inbox">{t('sipMeetings.invitation.toInbox')}</Anchor>}
    </Stack>
  );
}

function ReplyForm({ invitation: v }: { invitation: InvitationView }) {
  const { t } = useTranslation();
  const reply = useReply(v.childId, v.id);
  const [draft, setDraft, discard] = useDraft<{ reply: 'coming' | 'not_coming' | ''; comment: string }>(`invitation-reply:${v.id}`, { reply: '', comment: '' });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.reply) return;
    reply.mutate({ reply: draft.reply, comment: draft.comment }, { onSuccess: discard });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError text={reply.isError ? refusalText(reply.error, t, currentLanguage()) : null} />
        <Radio.Group label={t('sipMeetings.invitation.question')} value={draft.reply} onChange={(r) => setDraft({ ...draft, reply: r as 'coming' | 'not_coming' })} required>
          <Group mt={6}>
            <Radio value="coming" label={t('sipMeetings.reply.coming')} />
            <Radio value="not_coming" label={t('sipMeetings.reply.not_coming')} />
          </Group>
        </Radio.Group>
        <Textarea label={t('sipMeetings.invitation.comment')} value={draft.comment} onChange={(e) => setDraft({ ...draft, comment: e.currentTarget.value })} maxLength={2000} autosize minRows={2} />
        <Group><Button type="submit" disabled={!draft.reply} loading={reply.isPending}>{t('sipMeetings.invitation.send')}</Button></Group>
      </Stack>
    </form>
  );
}
