import { Anchor, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { PlanMeetingInput, type PlanMeetingList, type PlanMeetingView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { TableScroll } from '../dashboards/TableScroll.tsx';
import { useCreateMeeting, useInvite, useMeetings, useUpdateMeeting } from './useSip.ts';
import { meetingTime, receiptWords, replyWords, toInstant } from './words.ts';

/**
 * The plan's meetings for the team: time, place and digital link, the invitees with their
 * summons or invitation, receipt and reply in words, attendance, notes and decisions. Booking and
 * recording are offered for `write`, summoning and inviting for `invite` (the planning lead).
 */
export function MeetingsSection({ childId, planId }: { childId: string; planId: string }) {
  const { t } = useTranslation();
  const list = useMeetings(childId, planId);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <section aria-labelledby="meetings-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="meetings-heading">{t('sipMeetings.meetings.title')}</Title>
        {data.meetings.length === 0 && <Text c="dimmed">{t('sipMeetings.meetings.none')}</Text>}
        {data.meetings.map((m) => <Meeting key={m.id} childId={childId} planId={planId} meeting={m} list={data} />)}
        {data.actions.includes('write') && <BookForm childId={childId} planId={planId} />}
      </Stack>
    </section>
  );
}

function Meeting({ childId, planId, meeting: m, list }: { childId: string; planId: string; meeting: PlanMeetingView; list: PlanMeetingList }) {
  const { t } = useTranslation();
  const headingId = `meeting-${m.id}`;
  return (
    <article aria-labelledby={headingId} className="record-entry">
      <Title order={3} size="h4" id={headingId}>{meetingTime(m.startsAt, t)}{m.heldAt ? ` · ${t('sipMeetings.meetings.held')}` : ''}</Title>
      {m.place && <Text size="sm">{t('sipMeetings.meetings.placeLine', { place: m.place })}</Text>}
      {m.digitalLink && <Anchor href={m.digitalLink} target="_blank" rel="noreferrer" size="sm">{t('sipMeetings.meetings.digital')}</Anchor>}
      {m.invitees.length > 0 && (
        <TableScroll label={t('sipMeetings.meetings.invitees', { time: meetingTime(m.startsAt, t) })}>
          <Table miw={600}>
            <Table.Caption>{t('sipMeetings.meetings.invitees', { time: meetingTime(m.startsAt, t) })}</Table.Caption>
            <Table.Thead><Table.Tr><Table.Th>{t('sipMeetings.invitee.name')}</Table.Th><Table.Th>{t('sipMeetings.invitee.kind')}</Table.Th><Table.Th>{t('sipMeetings.invitee.receipt')}</Table.Th><Table.Th>{t('sipMeetings.invitee.reply')}</Table.Th><Table.Th>{t('sipMeetings.invitee.attendance')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {m.invitees.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.name}{i.organisationName ? `, ${i.organisationName}` : ''}{i.external ? ` (${t('sipMeetings.invitee.external')})` : ''}</Table.Td>
                  <Table.Td>{t(`sipMeetings.kinds.${i.kind}`)}</Table.Td>
                  <Table.Td>{receiptWords(i, t)}</Table.Td>
                  <Table.Td>{replyWords(i, t)}</Table.Td>
                  <Table.Td>{i.attendance ? t(`sipMeetings.attendance.${i.attendance}`) : t('sipMeetings.attendance.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {m.notes && <><Text fw={600} size="sm" mt="xs">{t('sipMeetings.meetings.notes')}</Text><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.notes}</Text></>}
      {m.decisions && <><Text fw={600} size="sm" mt="xs">{t('sipMeetings.meetings.decisions')}</Text><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.decisions}</Text></>}
      {list.actions.includes('invite') && !m.heldAt && <InviteForm childId={childId} planId={planId} meeting={m} list={list} />}
      {list.actions.includes('write') && <RecordForm childId={childId} planId={planId} meeting={m} />}
    </article>
  );
}

function BookForm({ childId, planId }: { childId: string; planId: string }) {
  const { t } = useTranslation();
  const book = useCreateMeeting(childId, planId);
  const [draft, setDraft, discard] = useDraft(`meeting-book:${planId}`, { startsAt: '', place: '', digitalLink: '' });
  const { errors, fail, clear, formRef } = useFormErrors();
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PlanMeetingInput.safeParse({ ...draft, startsAt: toInstant(draft.startsAt) ?? undefined });
    if (!parsed.success) return fail(schemaErrors(parsed.error.issues, t));
    clear();
    book.mutate(parsed.data, { onSuccess: discard });
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="book-heading">
      <Stack gap="xs">
        <Title order={3} size="h4" id="book-heading">{t('sipMeetings.meetings.book')}</Title>
        <FormError text={book.isError ? refusalText(book.error, t, currentLanguage()) : null} />
        <TextInput type="datetime-local" label={t('sipMeetings.meetings.startsAt')} required value={draft.startsAt} onChange={(e) => setDraft({ ...draft, startsAt: e.currentTarget.value })} error={errors.startsAt} aria-invalid={Boolean(errors.startsAt) || undefined} />
        <TextInput label={t('sipMeetings.meetings.place')} value={draft.place} onChange={(e) => setDraft({ ...draft, place: e.currentTarget.value })} maxLength={300} />
        <TextInput type="url" label={t('sipMeetings.meetings.link')} description={t('sipMeetings.meetings.linkHint')} value={draft.digitalLink} onChange={(e) => setDraft({ ...draft, digitalLink: e.currentTarget.value })} error={errors.digitalLink} aria-invalid={Boolean(errors.digitalLink) || undefined} />
        <Group><Button type="submit" loading={book.isPending}>{t('sipMeetings.meetings.bookSubmit')}</Button></Group>
      </Stack>
    </form>
  );
}

function InviteForm({ childId, planId, meeting, list }: { childId: string; planId: string; meeting: PlanMeetingView; list: PlanMeetingList }) {
  const { t } = useTranslation();
  const invite = useInvite(childId, planId);
  const invited = new Set(meeting.invitees.map((i) => i.name));
  const options = list.inviteOptions.filter((o) => !invited.has(o.name));
  const [userId, setUserId] = useState<string | null>(null);
  const chosen = options.find((o) => o.userId === userId);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    invite.mutate({ meetingId: meeting.id, input: { kind: chosen.suggestedKind, userId: chosen.userId } }, { onSuccess: () => setUserId(null) });
  }
  if (options.length === 0) return null;
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" mt="xs">
        <Select label={t('sipMeetings.invite.who', { time: meetingTime(meeting.startsAt, t) })} data={options.map((o) => ({ value: o.userId, label: `${o.name}${o.organisationName ? `, ${o.organisationName}` : ''} – ${t(`sipMeetings.kinds.${o.suggestedKind}`)}` }))} value={userId} onChange={setUserId} searchable w={420} />
        <Button type="submit" variant="light" disabled={!chosen} loading={invite.isPending}>{chosen ? t(`sipMeetings.invite.send.${chosen.suggestedKind}`) : t('sipMeetings.invite.send.invitation')}</Button>
      </Group>
      <FormError text={invite.isError ? refusalText(invite.error, t, currentLanguage()) : null} />
    </form>
  );
}

function RecordForm({ childId, planId, meeting }: { childId: string; planId: string; meeting: PlanMeetingView }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(childId, planId);
  const initial = { notes: meeting.notes, decisions: meeting.decisions, held: meeting.heldAt !== null, present: meeting.invitees.filter((i) => i.attendance === 'present').map((i) => i.id) };
  const [draft, setDraft, discard] = useDraft(`meeting-record:${meeting.id}`, initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    const attendance = meeting.invitees.map((i) => ({ invitationId: i.id, attendance: draft.present.includes(i.id) ? ('present' as const) : draft.held ? ('absent' as const) : null }));
    update.mutate({ meetingId: meeting.id, input: { notes: draft.notes, decisions: draft.decisions, held: draft.held, attendance } }, { onSuccess: discard });
  }
  const name = meetingTime(meeting.startsAt, t);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="sm">
        <FormError text={update.isError ? refusalText(update.error, t, currentLanguage()) : null} />
        {meeting.invitees.length > 0 && (
          <Checkbox.Group label={t('sipMeetings.record.present')} value={draft.present} onChange={(present) => setDraft({ ...draft, present })}>
            <Stack gap={4} mt={4}>{meeting.invitees.map((i) => <Checkbox key={i.id} value={i.id} label={i.name} />)}</Stack>
          </Checkbox.Group>
        )}
        <Textarea label={t('sipMeetings.record.notes', { time: name })} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })} maxLength={10000} autosize minRows={2} />
        <Textarea label={t('sipMeetings.record.decisions', { time: name })} value={draft.decisions} onChange={(e) => setDraft({ ...draft, decisions: e.currentTarget.value })} maxLength={10000} autosize minRows={2} />
        <Checkbox label={t('sipMeetings.record.held')} checked={draft.held} onChange={(e) => setDraft({ ...draft, held: e.currentTarget.checked })} />
        <Group><Button type="submit" variant="light" loading={update.isPending}>{t('sipMeetings.record.save')}</Button></Group>
        {update.isSuccess && <Text size="sm" role="status">{t('sipMeetings.record.saved')}</Text>}
      </Stack>
    </form>
  );
}
