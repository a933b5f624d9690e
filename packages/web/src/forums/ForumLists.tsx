import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ForumDetail } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';
import { ViewResponseForm } from './ViewForms.tsx';

/**
 * The forum page's lists: meetings, members with their organisations, the organisations' contact persons,
 * and the reference groups' views with the forum's response. Each sorts, filters and exports what
 * it shows (CSV, Excel), with the shared table the feedback list uses.
 */

type Meeting = ForumDetail['meetingList'][number];
type Member = ForumDetail['memberList'][number];
type Organisation = ForumDetail['organisations'][number];
type View = ForumDetail['views'][number];

/** The forum's meetings, newest first, each a link to its agenda, minutes and decisions. */
export function MeetingsTable({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const columns: Column<Meeting>[] = [
    { key: 'date', header: t('forums.date'), value: (m) => m.heldOn, render: (m) => formatDate(m.heldOn), nowrap: true },
    { key: 'title', header: t('forums.meeting'), value: (m) => m.title, render: (m) => <Anchor component={Link} to={`/operations/forums/${forum.id}/meetings/${m.id}`}>{m.title}</Anchor> },
    { key: 'decisions', header: t('forums.decisions'), value: (m) => m.decisions },
  ];
  return <FilteredTable rows={forum.meetingList} columns={columns} caption={t('opsForms3.forum.meetingsCaption', { forum: forum.name })} rowKey={(m) => m.id} empty={t('forums.none')} exportFile={t('opsForms3.forum.meetingsFile')} sortKey="date" sortDirection="descending" excelSheet={t('forums.meetings')} />;
}

export function MembersTable({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const columns: Column<Member>[] = [
    { key: 'name', header: t('opsForms3.forum.person'), value: (m) => m.displayName },
    { key: 'organisation', header: t('forums.organisation'), value: (m) => m.organisation.name },
    { key: 'role', header: t('opsForms3.forum.role'), value: (m) => t(`forums.roles.${m.role}`) },
  ];
  return <FilteredTable rows={forum.memberList} columns={columns} caption={t('opsForms3.forum.membersCaption', { forum: forum.name })} rowKey={(m) => m.userId} empty={t('forums.none')} exportFile={t('opsForms3.forum.membersFile')} sortKey="name" excelSheet={t('forums.members')} />;
}

export function OrganisationsTable({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const columns: Column<Organisation>[] = [
    { key: 'organisation', header: t('forums.organisation'), value: (o) => o.organisation.name },
    { key: 'contact', header: t('forums.contactName'), value: (o) => o.contactName },
    { key: 'for', header: t('forums.contactFor'), value: (o) => o.contactFor },
    { key: 'email', header: t('forums.email'), value: (o) => o.contactEmail, render: (o) => (o.contactEmail ? <Anchor href={`mailto:${o.contactEmail}`}>{o.contactEmail}</Anchor> : '') },
    { key: 'phone', header: t('forums.phone'), value: (o) => o.contactPhone, nowrap: true },
  ];
  return <FilteredTable rows={forum.organisations} columns={columns} caption={t('opsForms3.forum.organisationsCaption', { forum: forum.name })} rowKey={(o) => o.organisation.id} empty={t('forums.none')} exportFile={t('opsForms3.forum.organisationsFile')} sortKey="organisation" excelSheet={t('forums.organisations')} />;
}

/** The views a reference group brought and the forum's responses; the receiving forum's members answer below. */
export function ViewsTable({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const columns: Column<View>[] = [
    { key: 'received', header: t('opsForms3.forum.received'), value: (v) => v.createdAt, render: (v) => formatDate(v.createdAt.slice(0, 10)), nowrap: true },
    { key: 'subject', header: t('opsForms3.forum.subject'), value: (v) => v.subject },
    { key: 'from', header: t('opsForms3.forum.from'), value: (v) => v.referenceGroup.name },
    { key: 'to', header: t('opsForms3.forum.to'), value: (v) => v.forum.name },
    { key: 'view', header: t('opsForms3.forum.view'), value: (v) => v.view },
    { key: 'how', header: t('forums.childrenViewsHow'), value: (v) => v.childrenViewsHow },
    { key: 'response', header: t('forums.response'), value: (v) => v.response ?? t('forums.noResponse') },
  ];
  const answerable = forum.canEdit ? forum.views.filter((v) => v.forum.id === forum.id) : [];
  return (
    <Stack gap="sm">
      <FilteredTable rows={forum.views} columns={columns} caption={t('opsForms3.forum.viewsCaption', { forum: forum.name })} rowKey={(v) => v.id} empty={t('forums.none')} exportFile={t('opsForms3.forum.viewsFile')} sortKey="received" sortDirection="descending" excelSheet={t('forums.views')} />
      {answerable.length > 0 && (
        <section aria-labelledby="view-responses">
          <Title order={3} size="h4" id="view-responses" mb="xs">{t('opsForms3.forum.responses')}</Title>
          <Text size="sm" mb="xs">{t('opsForms3.forum.responsesHint')}</Text>
          <Stack gap="md">{answerable.map((v) => <ViewResponseForm key={v.id} forumId={forum.id} viewId={v.id} subject={v.subject} response={v.response} />)}</Stack>
        </section>
      )}
    </Stack>
  );
}
