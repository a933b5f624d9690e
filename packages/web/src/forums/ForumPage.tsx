import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { today } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { NewMeetingForm, OrganisationContactForm } from './ForumForms.tsx';
import { ForumMemberForm } from './ForumMemberForm.tsx';
import { MeetingsTable, MembersTable, OrganisationsTable, ViewsTable } from './ForumLists.tsx';
import { RecordViewForm } from './ViewForms.tsx';
import { useForum } from './useForums.ts';

/** One forum: members and their organisations, contacts, meetings, reference groups and views (the lists sort, filter and export). */
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
      <section aria-labelledby="forum-meetings">
        <Title order={2} id="forum-meetings" mb="xs">{t('forums.meetings')}</Title>
        <MeetingsTable forum={f} />
      </section>
      {f.canEdit && <NewMeetingForm forumId={f.id} today={today()} />}
      <section aria-labelledby="forum-members">
        <Title order={2} id="forum-members" mb="xs">{t('forums.members')}</Title>
        <MembersTable forum={f} />
      </section>
      {f.canEdit && <ForumMemberForm forum={f} />}
      <section aria-labelledby="forum-organisations">
        <Title order={2} id="forum-organisations" mb="xs">{t('forums.organisations')}</Title>
        <OrganisationsTable forum={f} />
      </section>
      {f.canEdit && <OrganisationContactForm forum={f} />}
      {f.referenceGroups.length > 0 && (
        <>
          <Title order={2}>{t('forums.referenceGroups')}</Title>
          <List>{f.referenceGroups.map((g) => <List.Item key={g.id}><Anchor component={Link} to={`/operations/forums/${g.id}`}>{g.name}</Anchor></List.Item>)}</List>
        </>
      )}
      <section aria-labelledby="forum-views">
        <Title order={2} id="forum-views" mb="xs">{t('forums.views')}</Title>
        <ViewsTable forum={f} />
      </section>
      {f.canEdit && f.kind === 'reference_group' && <RecordViewForm group={f} />}
    </Stack>
  );
}
