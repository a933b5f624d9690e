import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { startOfStockholmDay } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A Stockholm date and time (HH:MM) as an instant: the calendar's times are Stockholm's, whatever the browser's zone. */
const instant = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return new Date(startOfStockholmDay(date).getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000).toISOString();
};

/** A new meeting in the workspace's calendar (members). */
export function MeetingForm({ onSubmit, saving }: { onSubmit: (meeting: { title: string; startsAt: string; endsAt: string; location: string; agenda: string }, done: () => void) => void; saving: boolean }) {
  const { t } = useTranslation();
  const empty = { title: '', date: '', start: '09:00', end: '10:00', location: '', agenda: '' };
  const [v, setV] = useState(empty);
  const set = (key: keyof typeof empty) => (e: { currentTarget: { value: string } }) => setV({ ...v, [key]: e.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ title: v.title, startsAt: instant(v.date, v.start), endsAt: instant(v.date, v.end), location: v.location, agenda: v.agenda }, () => setV(empty));
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-meeting">
      <Stack gap="xs">
        <Title order={2} size="h4" id="new-meeting">{t('workspaces.newMeeting')}</Title>
        <Group align="end">
          <TextInput label={t('workspaces.meetingTitle')} value={v.title} onChange={set('title')} required maxLength={200} />
          <TextInput type="date" label={t('workspaces.meetingDate')} value={v.date} onChange={set('date')} required />
          <TextInput type="time" label={t('workspaces.startTime')} value={v.start} onChange={set('start')} required />
          <TextInput type="time" label={t('workspaces.endTime')} value={v.end} onChange={set('end')} required />
          <TextInput label={t('workspaces.location')} value={v.location} onChange={set('location')} maxLength={300} />
        </Group>
        <Textarea label={t('workspaces.agenda')} value={v.agenda} onChange={set('agenda')} maxLength={4000} />
        <Button type="submit" w="fit-content" loading={saving} disabled={!v.title.trim() || !v.date || v.end <= v.start}>{t('workspaces.addMeeting')}</Button>
      </Stack>
    </form>
  );
}
