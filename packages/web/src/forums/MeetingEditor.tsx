import { Button, Checkbox, Fieldset, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { MeetingView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useUpdateMeeting } from './useForumChanges.ts';

type Agenda = MeetingView['agenda'];
type Attendance = MeetingView['attendance'];

/** The standing items a new meeting starts with: the meeting's article of the Convention and the plan's follow-up. */
export function standingItems(t: TFunction): Agenda {
  return [
    { title: t('forumEditor.standingCrc'), standing: true, crcArticle: null },
    { title: t('forumEditor.standingFollowUp'), standing: true, crcArticle: null },
  ];
}

interface Draft { title: string; heldOn: string; agenda: Agenda; attendance: Attendance }

/**
 * A member edits the meeting's date, title, agenda (standing items and their CRC article) and
 * attendance. The draft is kept in the tab (a reload keeps what was typed) until it is saved or
 * undone; after a save the form starts again from the saved meeting (a new round remounts it).
 */
export function MeetingEditor({ forumId, meeting }: { forumId: string; meeting: MeetingView }) {
  const save = useUpdateMeeting(forumId, meeting.id);
  const [round, setRound] = useState(0);
  return <MeetingForm key={round} meeting={meeting} save={save} onSaved={() => setRound((r) => r + 1)} />;
}

function MeetingForm({ meeting, save, onSaved }: { meeting: MeetingView; save: ReturnType<typeof useUpdateMeeting>; onSaved: () => void }) {
  const { t } = useTranslation();
  const saved: Draft = { title: meeting.title, heldOn: meeting.heldOn, agenda: meeting.agenda, attendance: meeting.attendance };
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`samsyn.draft.forumMeeting.${meeting.id}`, saved);
  const { title, heldOn, agenda, attendance } = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setTitle = (v: string) => set({ title: v });
  const setHeldOn = (v: string) => set({ heldOn: v });
  const setAgenda = (v: Agenda) => set({ agenda: v });
  const setAttendance = (v: Attendance) => set({ attendance: v });
  const item = (i: number, change: Partial<Agenda[number]>) => setAgenda(agenda.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const person = (i: number, change: Partial<Attendance[number]>) => setAttendance(attendance.map((a, j) => (j === i ? { ...a, ...change } : a)));
  // Empty rows are left out rather than refused: a row added by mistake needs no removal first.
  const send = () => save.mutate({ title, heldOn, agenda: agenda.filter((a) => a.title.trim()), attendance: attendance.filter((a) => a.name.trim()) }, { onSuccess: () => { clearDraft(); onSaved(); } });
  return (
    <form onSubmit={(e) => { e.preventDefault(); send(); }} noValidate aria-labelledby="meeting-editor">
      <Stack gap="md">
        <Text id="meeting-editor" fw={600}>{t('forumEditor.editMeeting')}</Text>
        <FormError text={save.isError ? errorText(save.error, t, currentLanguage()) : null} />
        <Group grow align="flex-start">
          <TextInput label={t('forumEditor.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
          <TextInput type="date" label={t('forumEditor.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} required />
        </Group>
        <Fieldset legend={t('forumEditor.agenda')}>
          <Stack gap="sm">
            {agenda.map((a, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <TextInput style={{ flex: 1, minWidth: 220 }} label={t('forumEditor.item', { n: i + 1 })} value={a.title} onChange={(e) => item(i, { title: e.currentTarget.value })} maxLength={300} />
                <NumberInput w={150} label={t('forumEditor.crcArticle', { n: i + 1 })} value={a.crcArticle ?? ''} min={1} max={54} allowDecimal={false} onChange={(v) => item(i, { crcArticle: typeof v === 'number' ? v : null })} />
                <Checkbox mb={8} label={t('forumEditor.standing', { n: i + 1 })} checked={a.standing} onChange={(e) => item(i, { standing: e.currentTarget.checked })} />
                <Button variant="subtle" color="red" onClick={() => setAgenda(agenda.filter((_, j) => j !== i))}>{t('forumEditor.removeItem', { n: i + 1 })}</Button>
              </Group>
            ))}
            <Group><Button variant="light" onClick={() => setAgenda([...agenda, { title: '', standing: false, crcArticle: null }])}>{t('forumEditor.addItem')}</Button></Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('forumEditor.attendance')}>
          <Stack gap="sm">
            {attendance.map((a, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <TextInput style={{ flex: 1, minWidth: 220 }} label={t('forumEditor.person', { n: i + 1 })} value={a.name} onChange={(e) => person(i, { name: e.currentTarget.value })} maxLength={200} />
                <Checkbox mb={8} label={t('forumEditor.present', { n: i + 1 })} checked={a.present} onChange={(e) => person(i, { present: e.currentTarget.checked })} />
                <Button variant="subtle" color="red" onClick={() => setAttendance(attendance.filter((_, j) => j !== i))}>{t('forumEditor.removePerson', { n: i + 1 })}</Button>
              </Group>
            ))}
            <Group><Button variant="light" onClick={() => setAttendance([...attendance, { name: '', organisationId: null, present: true }])}>{t('forumEditor.addPerson')}</Button></Group>
          </Stack>
        </Fieldset>
        <Text size="sm">{t('opsForms3.meeting.draftKept')}</Text>
        <Group>
          <Button type="submit" loading={save.isPending}>{t('forumEditor.saveMeeting')}</Button>
          <Button variant="default" onClick={clearDraft}>{t('opsForms3.meeting.undo')}</Button>
        </Group>
        {save.isSuccess && <Text role="status">{t('forumEditor.meetingSaved')}</Text>}
      </Stack>
    </form>
  );
}
