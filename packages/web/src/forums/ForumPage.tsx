import { Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, today } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { NewMeetingForm, OrganisationContactForm } from './ForumForms.tsx';
import { ForumMemberForm } from './ForumMemberForm.tsx';
import { RecordViewForm, ViewResponseForm } from './ViewForms.tsx';
import { useForum } from './useForums.ts';

/** One forum: members and their organisations, contacts, meetings, reference groups and views. */
export function ForumPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const forum = useForum(id);
  if (forum.isPending) return <Loading />;
  if (forum.isError) return <LoadError error={forum.error} onRetry={() => void forum.refetch()} />;
  const f = forum.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/operations/forums">{t('forums.back')}</Anchor>
      <PageTitle>{f.name}</PageTitle>
      <Text>{t(`forums.kinds.${f.kind}`)} · {t(`forums.levels.${f.level}`)} · {f.organisation.name}</Text>
      {f.purpose && <Text>{f.purpose}</Text>}
      <Text>{f.canEdit ? t('forums.youEdit') : t('forums.youRead')}</Text>
      <Title order={2}>{t('forums.meetings')}</Title>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Caption>{t('forums.meetingsCaption')}</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th>{t('forums.date')}</Table.Th><Table.Th>{t('forums.meeting')}</Table.Th><Table.Th>{t('forums.decisions')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {f.meetingList.map((m) => (
              <Table.Tr key={m.id}><Table.Td>{formatDate(m.heldOn)}</Table.Td><Table.Td><Anchor component={Link} to={`/operations/forums/${f.id}/meetings/${m.id}`}>{m.title}</Anchor></Table.Td><Table.Td>{m.decisions}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {f.canEdit && <NewMeetingForm forumId={f.id} today={today()} />}
      <Title order={2}>{t('forums.members')}</Title>
      <List>{f.memberList.map((m) => <List.Item key={m.userId}>{m.displayName}, {m.organisation.name} ({t(`forums.roles.${m.role}`)})</List.Item>)}</List>
      {f.canEdit && <ForumMemberForm forum={f} />}
      <Title order={2}>{t('forums.organisations')}</Title>
      <List>{f.organisations.map((o) => <List.Item key={o.organisation.id}>{o.organisation.name}: {o.contactName}{o.contactFor ? ` – ${o.contactFor}` : ''}{[o.contactEmail, o.contactPhone].filter(Boolean).length > 0 ? ` (${[o.contactEmail, o.contactPhone].filter(Boolean).join(', ')})` : ''}</List.Item>)}</List>
      {f.canEdit && <OrganisationContactForm forum={f} />}
      {f.referenceGroups.length > 0 && (
        <>
          <Title order={2}>{t('forums.referenceGroups')}</Title>
          <List>{f.referenceGroups.map((g) => <List.Item key={g.id}><Anchor component={Link} to={`/operations/forums/${g.id}`}>{g.name}</Anchor></List.Item>)}</List>
        </>
      )}
      <Title order={2}>{t('forums.views')}</Title>
      {f.views.length === 0 ? <Text>{t('forums.none')}</Text> : (
        <Stack gap="sm">
          {f.views.map((v) => (
            <div key={v.id}>
              <Title order={3} size="h4">{v.subject} ({v.referenceGroup.name} → {v.forum.name})</Title>
              <Text>{v.view}</Text>
              <Text><strong>{t('forums.childrenViewsHow')}:</strong> {v.childrenViewsHow || t('forums.none')}</Text>
              <Text><strong>{t('forums.response')}:</strong> {v.response ?? t('forums.noResponse')}</Text>
              {f.canEdit && v.forum.id === f.id && <ViewResponseForm forumId={f.id} viewId={v.id} subject={v.subject} response={v.response} />}
            </div>
          ))}
        </Stack>
      )}
      {f.canEdit && f.kind === 'reference_group' && <RecordViewForm group={f} />}
    </Stack>
  );
}
