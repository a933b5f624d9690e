import { Button, Group, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { TeamInput, TeamUpdate, type NetworkView, type TeamSummary } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../action-plans/useActionPlans.ts';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useDraft } from '../children/useDraft.ts';
import { FormError } from '../common/FormActions.tsx';
import { useCheckedChange } from './useCheckedChange.ts';

/**
 * A network's teams, for its coordinators (the network's `canManage`): a new team from an
 * organisation with its one coach and its members, and a team's coach and members changed. Members
 * are people of the team's organisation; the coach may come from another (a region's psychologist
 * coaches a school's team), so the coach's organisation is chosen first.
 */

type Person = { id: string; displayName: string };
const options = (people: readonly Person[], keep: readonly Person[] = []) => [...new Map([...keep, ...people].map((p) => [p.id, { value: p.id, label: p.displayName }])).values()];

function CoachFields({ organisationId, coachOrganisationId, coach, onOrganisation, onCoach, keep, error }: { organisationId: string | null; coachOrganisationId: string | null; coach: string | null; onOrganisation: (id: string | null) => void; onCoach: (id: string | null) => void; keep: readonly Person[]; error?: string | undefined }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const people = usePeople(coachOrganisationId ?? organisationId);
  return (
    <Group grow align="flex-start">
      <Select label={t('improvementForms.coachOrganisation')} data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={coachOrganisationId ?? organisationId} onChange={onOrganisation} searchable allowDeselect={false} />
      <Select label={t('improvementForms.coach')} placeholder={t('improvementForms.noCoach')} data={options(people.data ?? [], keep)} value={coach} onChange={onCoach} error={error} searchable clearable />
    </Group>
  );
}

interface TeamDraft { name: string; organisationId: string | null; coachOrganisationId: string | null; coachUserId: string | null; memberUserIds: string[] }

/** A longer form: kept as a draft in the tab until the team is added. */
export function NewTeamForm({ network }: { network: NetworkView }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const initial: TeamDraft = { name: '', organisationId: null, coachOrganisationId: null, coachUserId: null, memberUserIds: [] };
  const [form, setForm, clear] = useDraft<TeamDraft>(`improvement-team-${network.id}`, initial);
  const members = usePeople(form.organisationId);
  const { save, send, errors, failure, formRef } = useCheckedChange<NetworkView>(`/api/improvement/networks/${network.id}/teams`, { ...form }, 'POST', { 'conflict:name': t('improvementForms.teamNameTaken') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(TeamInput.safeParse({ name: form.name, organisationId: form.organisationId ?? undefined, coachUserId: form.coachUserId, memberUserIds: form.memberUserIds }), clear);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="team-form">
      <Stack gap="xs">
        <Title order={3} size="h4" id="team-form">{t('improvementForms.newTeam')}</Title>
        <Text size="sm" c="dimmed">{t('improvementForms.draftKeptShort')}</Text>
        <FormError text={failure} />
        <Select label={t('improvementForms.teamOrganisation')} data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={form.organisationId} onChange={(v) => setForm({ ...form, organisationId: v, memberUserIds: [] })} error={errors.organisationId} required searchable />
        <TextInput label={t('improvementForms.teamName')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} required maxLength={200} />
        <CoachFields organisationId={form.organisationId} coachOrganisationId={form.coachOrganisationId} coach={form.coachUserId} onOrganisation={(v) => setForm({ ...form, coachOrganisationId: v, coachUserId: null })} onCoach={(v) => setForm({ ...form, coachUserId: v })} keep={[]} error={errors.coachUserId} />
        <MultiSelect label={t('improvementForms.members')} description={t('improvementForms.membersHint')} data={options(members.data ?? [])} value={form.memberUserIds} onChange={(v) => setForm({ ...form, memberUserIds: v })} error={errors.memberUserIds} disabled={!form.organisationId} searchable clearable />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.addTeam')}</Button></Group>
        {save.isSuccess && <Text role="status">{t('improvementForms.teamAdded')}</Text>}
      </Stack>
    </form>
  );
}

/** A team's coach and members as they stand; the server replaces the member list with the one sent. */
export function TeamEditForm({ network }: { network: NetworkView }) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState<string | null>(null);
  const team = network.teamList.find((x) => x.id === teamId) ?? null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id="team-edit">{t('improvementForms.changeTeam')}</Title>
      <Select label={t('improvementForms.team')} data={network.teamList.map((x) => ({ value: x.id, label: x.name }))} value={teamId} onChange={setTeamId} searchable />
      {team && <TeamPeople key={team.id} team={team} />}
    </Stack>
  );
}

function TeamPeople({ team }: { team: TeamSummary }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ coachOrganisationId: null as string | null, coachUserId: team.coach?.id ?? null, memberUserIds: team.members.map((m) => m.id) });
  const members = usePeople(team.organisation.id);
  const { save, send, errors, failure, formRef } = useCheckedChange<NetworkView>(`/api/improvement/teams/${team.id}`, { ...form }, 'PATCH');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(TeamUpdate.safeParse({ coachUserId: form.coachUserId, memberUserIds: form.memberUserIds }));
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="team-edit">
      <Stack gap="xs">
        <FormError text={failure} />
        <CoachFields organisationId={team.organisation.id} coachOrganisationId={form.coachOrganisationId} coach={form.coachUserId} onOrganisation={(v) => setForm({ ...form, coachOrganisationId: v })} onCoach={(v) => setForm({ ...form, coachUserId: v })} keep={team.coach ? [team.coach] : []} error={errors.coachUserId} />
        <MultiSelect label={t('improvementForms.members')} description={t('improvementForms.membersHint')} data={options(members.data ?? [], team.members)} value={form.memberUserIds} onChange={(v) => setForm({ ...form, memberUserIds: v })} error={errors.memberUserIds} searchable clearable />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.saveTeam')}</Button></Group>
        {save.isSuccess && <Text role="status">{t('improvementForms.teamSaved')}</Text>}
      </Stack>
    </form>
  );
}
