import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { WorkspaceSummary } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { ToneBadge } from '../action-plans/StatusBadge.tsx';
import { FilteredTable } from './FilteredTable.tsx';
import { useJoinRequest, useWorkspaces } from './useWorkspaces.ts';
import { WorkspaceCreateForm } from './WorkspaceSettingsForm.tsx';

/** Verksamhet › Arbetsplatsytor: the workspaces you belong to, and the open ones you may ask to join. */
export function WorkspacesPage() {
  const { t } = useTranslation();
  const list = useWorkspaces();
  const join = useJoinRequest();
  const [status, setStatus] = useState('');
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const role = (w: WorkspaceSummary) => (w.myRole ? t(`workspaces.roles.${w.myRole}`) : w.requestPending ? t('workspaces.requestPending') : t('workspaces.notMember'));
  const columns: Column<WorkspaceSummary>[] = [
    { key: 'name', header: t('workspaces.name'), value: (w) => w.name, render: (w) => (w.myRole ? <Anchor component={Link} to={`/operations/workspaces/${w.id}`} fw={600}>{w.name}</Anchor> : <Text fw={600}>{w.name}</Text>) },
    { key: 'belongsTo', header: t('workspaces.belongsTo'), value: (w) => (w.belongsTo ? t(`workspaces.kinds.${w.belongsTo.kind}`) : '') },
    { key: 'members', header: t('workspaces.memberCount'), value: (w) => w.memberCount },
    { key: 'role', header: t('workspaces.yourRole'), value: role },
    { key: 'unread', header: t('workspaces.unread'), value: (w) => w.unreadNotices, render: (w) => (w.unreadNotices > 0 ? <ToneBadge tone="ongoing" symbol="●">{t('workspaces.unreadCount', { count: w.unreadNotices })}</ToneBadge> : t('workspaces.noUnread')) },
    {
      key: 'join', header: t('workspaces.actions'), value: () => '', sortable: false, exported: false,
      render: (w) => (w.canRequestJoin ? <Button size="xs" loading={join.isPending} onClick={() => join.mutate(w.id, { onSuccess: () => setStatus(t('workspaces.requestSent', { name: w.name })) })}>{t('workspaces.askToJoin', { name: w.name })}</Button> : null),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('workspaces.title')}</PageTitle>
        <Button onClick={() => setCreating(true)}>{t('opsForms2.workspace.new')}</Button>
      </Group>
      <Text>{t('workspaces.intro')}</Text>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('opsForms2.workspace.new')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
        <WorkspaceCreateForm onCancel={() => setCreating(false)} onSaved={(view) => { setCreating(false); void navigate(`/operations/workspaces/${view.id}`); }} />
      </Modal>
      <Text role="status" aria-live="polite">{status}</Text>
      <FilteredTable rows={list.data.workspaces} columns={columns} caption={t('workspaces.title')} rowKey={(w) => w.id} empty={t('workspaces.none')} exportFile={t('workspaces.exportFile')} sortKey="name" />
    </Stack>
  );
}
