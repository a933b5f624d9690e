import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { workspaceMemberRoles, type WorkspaceMemberRole, type WorkspaceView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { usePeople } from '../action-plans/useActionPlans.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useWorkspaceSend } from './useWorkspaceEdits.ts';

type Member = WorkspaceView['members'][number];

/** The owners add a professional of any organisation (non-profits included) as member or owner. */
export function AddMemberForm({ w }: { w: WorkspaceView }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const people = usePeople(organisationId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<WorkspaceMemberRole>('member');
  const [missing, setMissing] = useState(false);
  const send = useWorkspaceSend(w.id);
  const added = send.isSuccess ? w.members.find((m) => m.user.id === (send.variables.body as { userId: string }).userId) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!userId);
    if (userId) send.mutate({ method: 'POST', path: '/members', body: { userId, role } }, { onSuccess: () => setUserId(null) });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-member">
      <Stack gap="xs">
        <Text component="h2" fw={700} id="add-member">{t('opsForms2.wsMember.title')}</Text>
        <FormError text={missing ? t('opsForms2.member.missing') : send.isError ? errorText(send.error, t, currentLanguage()) : null} />
        <Group align="flex-end" wrap="wrap">
          <Select style={{ flex: 1, minWidth: 200 }} label={t('opsForms2.member.organisation')} data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={organisationId} onChange={(v) => { setOrganisationId(v); setUserId(null); }} searchable required />
          <Select style={{ flex: 1, minWidth: 200 }} label={t('opsForms2.member.person')} data={(people.data ?? []).filter((p) => !w.members.some((m) => m.user.id === p.id)).map((p) => ({ value: p.id, label: p.displayName }))} value={userId} onChange={setUserId} searchable required disabled={!organisationId} />
          <Select label={t('opsForms2.member.role')} data={workspaceMemberRoles.map((r) => ({ value: r, label: t(`workspaces.roles.${r}`) }))} value={role} onChange={(v) => setRole((v as WorkspaceMemberRole | null) ?? 'member')} allowDeselect={false} />
          <Button type="submit" loading={send.isPending}>{t('opsForms2.wsMember.add')}</Button>
        </Group>
        <Text role="status">{added ? t('opsForms2.member.saved', { name: added.user.name }) : ''}</Text>
      </Stack>
    </form>
  );
}

/** The owners' column in the member list: make owner or member, remove (asked first). The server keeps the last owner (409). */
export function useMemberActions(w: WorkspaceView): { column: Column<Member> | null; dialog: React.ReactNode; status: React.ReactNode } {
  const { t } = useTranslation();
  const send = useWorkspaceSend(w.id);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [done, setDone] = useState('');
  const other = (role: WorkspaceMemberRole): WorkspaceMemberRole => (role === 'owner' ? 'member' : 'owner');
  const setRole = (m: Member) => send.mutate({ method: 'PATCH', path: `/members/${m.user.id}`, body: { role: other(m.role) } }, { onSuccess: () => setDone(t(`opsForms2.wsMember.nowRole.${other(m.role)}`, { name: m.user.name })) });
  const remove = (m: Member) => send.mutate({ method: 'POST', path: `/members/${m.user.id}/remove`, body: {} }, { onSuccess: () => { setRemoving(null); setDone(t('opsForms2.wsMember.removed', { name: m.user.name })); } });
  const column: Column<Member> | null = w.actions.manageMembers ? {
    key: 'actions', header: t('workspaces.actions'), value: () => '', sortable: false, exported: false,
    render: (m) => (
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" variant="light" onClick={() => setRole(m)} aria-label={t(`opsForms2.wsMember.make.${other(m.role)}Named`, { name: m.user.name })}>{t(`opsForms2.wsMember.make.${other(m.role)}`)}</Button>
        <Button size="xs" color="red" variant="light" onClick={() => setRemoving(m)} aria-label={t('opsForms2.wsMember.removeNamed', { name: m.user.name })}>{t('opsForms2.wsMember.remove')}</Button>
      </Group>
    ),
  } : null;
  const dialog = (
    <ConfirmDialog item={removing} onClose={() => setRemoving(null)} title={t('opsForms2.wsMember.removeTitle')} confirmLabel={t('opsForms2.wsMember.remove')} onConfirm={() => removing && remove(removing)} loading={send.isPending}>
      {(m) => <Text>{t('opsForms2.wsMember.removeQuestion', { name: m.user.name, workspace: w.name })}</Text>}
    </ConfirmDialog>
  );
  const status = (
    <>
      <FormError text={send.isError ? errorText(send.error, t, currentLanguage()) : null} />
      <Text role="status">{done}</Text>
    </>
  );
  return { column, dialog, status };
}
