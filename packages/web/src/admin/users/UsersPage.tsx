import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { canEditAccount, roles, type User } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/useCurrentUser.ts';
import { ActiveBadge } from '../../common/ActiveBadge.tsx';
import { downloadCsv, toCsv } from '../../common/csv.ts';
import { errorText } from '../../common/errors.ts';
import { today } from '../../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../../common/ListToolbar.tsx';
import { LoadError } from '../../common/LoadError.tsx';
import { Loading } from '../../common/Loading.tsx';
import { PageTitle } from '../../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../../common/SortableTable.tsx';
import { StatusMessage, useStatus } from '../../common/StatusMessage.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useUnits } from '../units/useUnits.ts';
import { useOrganisations } from '../useOrganisations.ts';
import { roleText } from './roleText.ts';
import { UserForm } from './UserForm.tsx';
import { useUpdateUser, useUsers } from './useUsers.ts';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const organisations = useOrganisations();
  const units = useUnits();
  const update = useUpdateUser();
  const status = useStatus();
  const [search, setSearch] = useState('');
  const [organisationFilter, setOrganisationFilter] = useState<string | null>(null);
  const [roleFilter, setRoleFilter] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: 'displayName', direction: 'ascending' });
  const [formOpen, form] = useDisclosure(false);
  const [editing, setEditing] = useState<{ user: User | null; key: number }>({ user: null, key: 0 });

  const administrable = useMemo(() => (organisations.data ?? []).filter((o) => o.administrable), [organisations.data]);

  const columns: Column<User>[] = [
    { key: 'displayName', header: t('users.displayName'), value: (u) => u.displayName, render: (u) => <Text fw={600} size="sm">{u.displayName}</Text> },
    { key: 'username', header: t('users.username'), value: (u) => u.username, nowrap: true },
    { key: 'title', header: t('users.title_'), value: (u) => u.title ?? '' },
    {
      key: 'roles',
      header: t('users.rolesColumn'),
      value: (u) => u.roles.map((r) => roleText(r, t)).join('; '),
      render: (u) => (
        <Stack gap={6}>
          {u.roles.map((r) => (
            <div key={`${r.organisationId}:${r.unitId ?? ''}:${r.role}`}>
              <Text size="sm">{t(`roles.${r.role}`)}</Text>
              <Text size="xs" c="dimmed">{r.unitName ? `${r.organisationName} – ${r.unitName}` : r.organisationName}</Text>
            </div>
          ))}
        </Stack>
      ),
    },
    { key: 'active', header: t('common.status'), value: (u) => (u.active ? t('common.active') : t('common.inactive')), render: (u) => <ActiveBadge active={u.active} />, nowrap: true },
    {
      key: 'actions',
      header: t('common.actions'),
      sortable: false,
      exported: false,
      value: () => '',
      render: (u) => (
        <Group gap={6}>
          <Button size="compact-sm" variant="light" onClick={() => openForm(u)} aria-label={t('common.editNamed', { name: u.displayName })}>
            {t('common.edit')}
          </Button>
          {canEditAccount(me, u) && u.id !== me.id && (
            <Button
              size="compact-sm"
              variant="default"
              loading={update.isPending && update.variables.id === u.id}
              onClick={() => toggleActive(u)}
              aria-label={t(u.active ? 'common.deactivateNamed' : 'common.reactivateNamed', { name: u.displayName })}
            >
              {u.active ? t('common.deactivate') : t('common.reactivate')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  const all = users.data ?? [];
  const needle = search.trim().toLocaleLowerCase('sv');
  const filtered = all.filter((u) =>
    (showInactive || u.active)
    && (!organisationFilter || u.roles.some((r) => r.organisationId === organisationFilter))
    && (!roleFilter || u.roles.some((r) => r.role === roleFilter))
    && (!needle || [u.displayName, u.username, u.title ?? '', u.email ?? ''].join(' ').toLocaleLowerCase('sv').includes(needle)));
  const rows = sortRows(filtered, columns, sort);
  const paged = usePage(rows, JSON.stringify([search, organisationFilter, roleFilter, showInactive, sort]));

  function openForm(user: User | null) {
    setEditing((previous) => ({ user, key: previous.key + 1 }));
    form.open();
  }

  function toggleActive(user: User) {
    update.mutate(
      { id: user.id, patch: { active: !user.active } },
      {
        onSuccess: (saved) => status.success(t(saved.active ? 'users.reactivated' : 'users.deactivated', { name: saved.displayName })),
        onError: (error) => status.failure(errorText(error, t, currentLanguage())),
      },
    );
  }

  function exportCsv() {
    const data = exportRows(rows, columns);
    const file = `${t('users.exportFile')}-${today()}.csv`;
    downloadCsv(file, toCsv(data.header, data.rows));
    status.success(t('table.exported', { count: rows.length, file }));
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>{t('users.title')}</PageTitle>
          <Text c="dimmed" mt={4}>{t('users.intro')}</Text>
        </div>
        {administrable.length > 0 && <Button onClick={() => openForm(null)}>{t('users.new')}</Button>}
      </Group>
      <StatusMessage status={status.status} onClose={status.clear} />
      <section aria-label={t('table.filters')} className="page-panel">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} p="md" spacing="md" verticalSpacing="sm">
          <TextInput type="search" label={t('table.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select
            label={t('table.organisation')}
            placeholder={t('table.allOrganisations')}
            data={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={organisationFilter}
            onChange={setOrganisationFilter}
            clearable
            searchable
            nothingFoundMessage={t('table.empty')}
          />
          <Select
            label={t('users.roleFilter')}
            placeholder={t('users.allRoles')}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={roleFilter}
            onChange={setRoleFilter}
            clearable
          />
          <Checkbox label={t('table.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mt={{ base: 0, sm: 30 }} />
        </SimpleGrid>
      </section>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <ListToolbar from={paged.from} to={paged.to} count={rows.length} total={all.length} onExport={exportCsv} />
          <div className="page-panel">
            <SortableTable caption={t('users.caption')} columns={columns} rows={paged.rows} rowKey={(u) => u.id} sort={sort} onSort={setSort} empty={t('table.empty')} />
          </div>
          <TablePages page={paged.page} pageCount={paged.pageCount} onChange={paged.setPage} />
        </>
      )}
      <Modal opened={formOpen} onClose={form.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t(editing.user ? 'users.editTitle' : 'users.createTitle')} size="xl">
        <UserForm
          key={editing.key}
          user={editing.user}
          me={me}
          organisations={administrable}
          units={units.data ?? []}
          onCancel={form.close}
          onSaved={(saved, created) => {
            form.close();
            status.success(t(created ? 'users.created' : 'users.saved', { name: saved.displayName }));
          }}
        />
      </Modal>
    </Stack>
  );
}
