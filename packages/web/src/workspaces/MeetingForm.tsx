import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stockholmInstant } from '../common/format.ts';

/** The calendar's times are Stockholm's, whatever the browser's zone (a form that can be sent has both). */
const instant = (date: string, time: string) => stockholmInstant(date, time) ?? '';

const stockholm = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('sv-SE', { ...options, timeZone: 'Europe/Stockholm' }).format(new Date(iso));
interface Existing { title: string; startsAt: string; endsAt: string; location: string; agenda: string }

/** A new meeting in the workspace's calendar, or a change of one (`meeting`), by its members. */
export function MeetingForm({ onSubmit, saving, meeting }: { onSubmit: (meeting: Existing, done: () => void) => void; saving: boolean; meeting?: Existing }) {
  const { t } = useTranslation();
  const empty = { title: '', date: '', start: '09:00', end: '10:00', location: '', agenda: '' };
  const time = { hour: '2-digit', minute: '2-digit' } as const;
  const [v, setV] = useState(meeting ? { title: meeting.title, date: stockholm(meeting.startsAt, { year: 'numeric', month: '2-digit', day: '2-digit' }), start: stockholm(meeting.startsAt, time), end: stockholm(meeting.endsAt, time), location: meeting.location, agenda: meeting.agenda } : empty);
  const set = (key: keyof typeof empty) => (e: { currentTarget: { value: string } }) => setV({ ...v, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ title: v.title, startsAt: instant(v.date, v.start), endsAt: instant(v.date, v.end), location: v.location, agenda: v.agenda }, () => setV(empty));
  };
  return (
    <form onSubmit={submit} aria-labelledby={meeting ? undefined : 'new-meeting'}>
      <Stack gap="xs">
        {!meeting && <Title order={2} size="h4" id="new-meeting">{t('workspaces.newMeeting')}</Title>}
        <Group align="end">
          <TextInput label={t('workspaces.meetingTitle')} value={v.title} onChange={set('title')} required maxLength={200} />
          <TextInput type="date" label={t('workspaces.meetingDate')} value={v.date} onChange={set('date')} required />
          <TextInput type="time" label={t('workspaces.startTime')} value={v.start} onChange={set('start')} required />
          <TextInput type="time" label={t('workspaces.endTime')} value={v.end} onChange={set('end')} required />
          <TextInput label={t('workspaces.location')} value={v.location} onChange={set('location')} maxLength={300} />
        </Group>
        <Textarea label={t('workspaces.agenda')} value={v.agenda} onChange={set('agenda')} maxLength={4000} />
        <Button type="submit" w="fit-content" loading={saving} disabled={!v.title.trim() || !v.date || v.end <= v.start}>{meeting ? t('opsForms2.wsMeeting.save') : t('workspaces.addMeeting')}</Button>
      </Stack>
    </form>
  );
}
