import { Select, Stack, Text } from '@mantine/core';
import { canEditAccount, roles, type User } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/useCurrentUser.ts';
import { actionsColumn, activeColumn, ListPage, OrganisationFilter } from '../../common/ListPage.tsx';
import type { Column } from '../../common/SortableTable.tsx';
import { message } from '../../common/StatusMessage.tsx';
import { useListPage } from '../../common/useListPage.ts';
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
  const list = useListPage<User>({
    sortKey: 'displayName',
    update: useUpdateUser(),
    activeMessage: (saved, tr) => tr(saved.active ? 'users.reactivated' : 'users.deactivated', { name: saved.displayName }),
  });
  const [organisationFilter, setOrganisationFilter] = useState<string | null>(null);
  const [roleFilter, setRoleFilter] = useState<string | null>(null);

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
    activeColumn(t),
    actionsColumn(t, list, { name: (u) => u.displayName, canEdit: () => true, canToggle: (u) => canEditAccount(me, u) && u.id !== me.id }),
  ];

  return (
    <ListPage
      list={list}
      deactivation={{ name: (u) => u.displayName, text: (u) => t('users.confirmDeactivateText', { name: u.displayName }) }}
      query={users}
      title={t('users.title')}
      intro={t('users.intro')}
      newLabel={administrable.length > 0 ? t('users.new') : undefined}
      filters={
        <>
          <OrganisationFilter organisations={organisations.data ?? []} value={organisationFilter} onChange={setOrganisationFilter} />
          <Select
            label={t('users.roleFilter')}
            placeholder={t('users.allRoles')}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={roleFilter}
            onChange={setRoleFilter}
            clearable
          />
        </>
      }
      filter={(u) =>
        list.matches(u, [u.displayName, u.username, u.title ?? '', u.email ?? ''].join(' '))
        && (!organisationFilter || u.roles.some((r) => r.organisationId === organisationFilter))
        && (!roleFilter || u.roles.some((r) => r.role === roleFilter))}
      filterKey={[organisationFilter, roleFilter]}
      columns={columns}
      caption={t('users.caption')}
      exportFile={t('users.exportFile')}
      formTitle={t(list.editing.item ? 'users.editTitle' : 'users.createTitle')}
      formSize="xl"
      form={
        <UserForm
          key={list.editing.key}
          user={list.editing.item}
          me={me}
          organisations={administrable}
          units={units.data ?? []}
          onCancel={list.closeForm}
          onSaved={(saved, created) => list.saved(message(created ? 'users.created' : 'users.saved', { name: saved.displayName }))}
        />
      }
    />
  );
}
