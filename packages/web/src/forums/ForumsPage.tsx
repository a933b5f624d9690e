import { Anchor, Group, Select } from '@mantine/core';
import { forumKinds } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../common/format.ts';
import { ListPage } from '../common/ListPage.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { useListPage } from '../common/useListPage.ts';
import { useCoordinatedOrganisations } from '../auth/useCurrentUser.ts';
import { ForumCreateForm } from './ForumCreateForm.tsx';
import { useForums } from './useForums.ts';

type Row = NonNullable<ReturnType<typeof useForums>['data']>[number] & { active: true };

/** Verksamhet → Forum: every forum and reference group, sorted, filtered and exported. */
export function ForumsPage() {
  const { t } = useTranslation();
  const forums = useForums();
  const navigate = useNavigate();
  const owners = useCoordinatedOrganisations();
  const list = useListPage<Row>({ sortKey: 'name' });
  const [kind, setKind] = useState<string | null>(null);
  const rows = { ...forums, data: forums.data?.map((f): Row => ({ ...f, active: true })) };
  const columns: Column<Row>[] = [
    { key: 'name', header: t('forums.name'), value: (f) => f.name, render: (f) => <Anchor component={Link} to={`/operations/forums/${f.id}`} fw={600}>{f.name}</Anchor> },
    { key: 'kind', header: t('forums.kind'), value: (f) => t(`forums.kinds.${f.kind}`) },
    { key: 'level', header: t('forums.level'), value: (f) => t(`forums.levels.${f.level}`) },
    { key: 'organisation', header: t('forums.organisation'), value: (f) => f.organisation.name },
    { key: 'parent', header: t('forums.parent'), value: (f) => f.parentForum?.name ?? '' },
    { key: 'meetings', header: t('forums.meetings'), value: (f) => f.meetings },
    { key: 'next', header: t('forums.nextMeeting'), value: (f) => (f.nextMeeting ? formatDate(f.nextMeeting) : t('forums.none')), nowrap: true },
    { key: 'member', header: t('forums.youAreMember'), value: (f) => (f.isMember ? t('forums.yes') : t('forums.no')) },
  ];
  return (
    <>
      <Group gap="md" mb="sm">
        <Anchor component={Link} to="/operations/contacts">{t('forums.contactsLink')}</Anchor>
        <Anchor component={Link} to="/operations/publishing">{t('publicPages.link')}</Anchor>
      </Group>
      <ListPage
        list={list}
        query={rows}
        title={t('forums.title')}
        intro={t('forums.intro')}
        newLabel={owners.length > 0 ? t('opsForms2.forum.new') : undefined}
        inactiveFilter={false}
        filters={<Select label={t('forums.kind')} placeholder={t('forums.allKinds')} data={forumKinds.map((k) => ({ value: k, label: t(`forums.kinds.${k}`) }))} value={kind} onChange={setKind} clearable />}
        filter={(f) => list.matches(f, `${f.name} ${f.organisation.name}`) && (!kind || f.kind === kind)}
        filterKey={[kind]}
        columns={columns}
        caption={t('forums.caption')}
        exportFile={t('forums.exportFile')}
        formTitle={t('opsForms2.forum.new')}
        formSize="lg"
        form={<ForumCreateForm key={list.editing.key} onCancel={list.closeForm} onSaved={(forum) => { list.closeForm(); void navigate(`/operations/forums/${forum.id}`); }} />}
      />
    </>
  );
}
