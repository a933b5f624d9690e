import { Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Language, NetworkView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { errorText } from '../common/errors.ts';
import { today } from '../common/format.ts';
import { NewTeamForm, TeamEditForm } from './TeamForms.tsx';
import { useImprovementChange } from './useImprovement.ts';

/**
 * A network's coordinator forms (offered when the server says `canManage`): add a team and change
 * a team's coach and members, schedule a learning session, and record which teams attended one.
 * The server answers the network anew each time.
 */
export function NetworkForms({ network }: { network: NetworkView }) {
  return (
    <Stack>
      <Group align="flex-start" grow>
        <NewTeamForm network={network} />
        {network.teamList.length > 0 && <TeamEditForm network={network} />}
      </Group>
      <Group align="flex-start" grow>
        <SessionForm network={network} />
        {network.sessions.length > 0 && <AttendanceForm network={network} />}
      </Group>
    </Stack>
  );
}

function SessionForm({ network }: { network: NetworkView }) {
  const { t, i18n } = useTranslation();
  const initial = { heldOn: today(), title: '' };
  const [form, setForm, clear] = useDraft(`improvement-session-${network.id}`, initial);
  const save = useImprovementChange<NetworkView>(`/api/improvement/networks/${network.id}/sessions`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form, { onSuccess: clear });
  };
  return (
    <form onSubmit={submit} aria-labelledby="session-form">
      <Stack gap="xs">
        <Title order={3} size="h4" id="session-form">{t('improvementForms.newSession')}</Title>
        <TextInput type="date" label={t('improvementForms.heldOn')} value={form.heldOn} onChange={(e) => setForm({ ...form, heldOn: e.currentTarget.value })} required />
        <TextInput label={t('improvementForms.sessionTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} required maxLength={200} />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.addSession')}</Button></Group>
        {save.isError && <Text c="red.8" role="alert">{errorText(save.error, t, i18n.language as Language)}</Text>}
        {save.isSuccess && <Text role="status">{t('improvementForms.sessionAdded')}</Text>}
      </Stack>
    </form>
  );
}

function AttendanceForm({ network }: { network: NetworkView }) {
  const { t, i18n } = useTranslation();
  const sorted = [...network.sessions].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const [sessionId, setSessionId] = useState<string>(sorted[0]!.id);
  const session = network.sessions.find((s) => s.id === sessionId) ?? sorted[0]!;
  const [teams, setTeams] = useState<string[]>(session.attendingTeamIds);
  const save = useImprovementChange<NetworkView>(`/api/improvement/networks/${network.id}/sessions/${session.id}/attendance`);
  const choose = (id: string | null) => {
    const next = network.sessions.find((s) => s.id === id);
    if (!next) return;
    setSessionId(next.id);
    setTeams(next.attendingTeamIds);
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate({ teamIds: teams }); }} aria-labelledby="attendance-form">
      <Stack gap="xs">
        <Title order={3} size="h4" id="attendance-form">{t('improvementForms.attendance')}</Title>
        <Select label={t('improvementForms.session')} data={sorted.map((s) => ({ value: s.id, label: `${s.heldOn} ${s.title}` }))} value={session.id} onChange={choose} allowDeselect={false} searchable />
        <Checkbox.Group label={t('improvementForms.attendingTeams')} value={teams} onChange={setTeams}>
          <Stack gap={4} mt={4}>{network.teamList.map((team) => <Checkbox key={team.id} value={team.id} label={team.name} />)}</Stack>
        </Checkbox.Group>
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.saveAttendance')}</Button></Group>
        {save.isError && <Text c="red.8" role="alert">{errorText(save.error, t, i18n.language as Language)}</Text>}
        {save.isSuccess && <Text role="status">{t('improvementForms.attendanceSaved')}</Text>}
      </Stack>
    </form>
  );
}
