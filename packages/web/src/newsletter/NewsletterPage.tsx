import { Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { newsletterStates, type Language, type NewsletterIssueSummary, type NewsletterList } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { ListPage } from '../common/ListPage.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { useListPage } from '../common/useListPage.ts';
import { useCreateIssue, useNewsletters } from './useNewsletter.ts';

type Row = NewsletterIssueSummary & { active: true };

/** Verksamhet → the newsletter: the issues of the caller's organisations (sort, filter, export) and a new issue. */
export function NewsletterPage() {
  const { t } = useTranslation();
  const query = useNewsletters();
  const list = useListPage<Row>({ sortKey: 'issueDate' });
  const [state, setState] = useState<string | null>(null);
  const data = query.data;
  const columns: Column<Row>[] = [
    { key: 'title', header: t('newsletter.issueTitle'), value: (i) => i.title, render: (i) => <Anchor component={Link} to={`/operations/newsletter/${i.id}`} fw={600}>{i.title}</Anchor> },
    { key: 'issueDate', header: t('newsletter.issueDate'), value: (i) => i.issueDate, render: (i) => formatDate(i.issueDate), nowrap: true },
    { key: 'organisation', header: t('newsletter.organisation'), value: (i) => i.ownerOrganisation.name },
    { key: 'state', header: t('newsletter.state'), value: (i) => t(`newsletter.states.${i.state}`) },
    { key: 'blocks', header: t('newsletter.blockCount'), value: (i) => i.blocks.length, nowrap: true },
    { key: 'sent', header: t('newsletter.sent'), value: (i) => (i.sentAt ? `${formatDate(i.sentAt.slice(0, 10))} (${i.sentCount ?? 0}${i.unsent > 0 ? `, ${t('newsletter.unsentShort', { count: i.unsent })}` : ''})` : ''), nowrap: true },
    { key: 'page', header: t('newsletter.publicPage'), value: (i) => i.path ?? '', render: (i) => i.path && <Anchor href={i.path}>{i.path}</Anchor> },
  ];
  return (
    <Stack gap="md">
      <ListPage
        list={list}
        query={{ ...query, data: data?.issues.map((i): Row => ({ ...i, active: true })) }}
        title={t('newsletter.title')}
        intro={t('newsletter.intro')}
        newLabel={data?.canCompose ? t('newsletter.new') : undefined}
        inactiveFilter={false}
        filters={<Select label={t('newsletter.state')} placeholder={t('newsletter.allStates')} data={newsletterStates.map((s) => ({ value: s, label: t(`newsletter.states.${s}`) }))} value={state} onChange={setState} clearable />}
        filter={(i) => list.matches(i, `${i.title} ${i.slug} ${i.ownerOrganisation.name}`) && (!state || i.state === state)}
        filterKey={[state]}
        columns={columns}
        caption={t('newsletter.caption')}
        exportFile={t('newsletter.exportFile')}
        formTitle={t('newsletter.new')}
        formSize="md"
        form={data && <NewIssueForm key={list.editing.key} data={data} />}
      />
      {data?.canCompose && <Text role="status">{t('newsletter.subscribers', { count: data.subscribers })} {data.mailEnabled ? '' : t('newsletter.mailOff')}</Text>}
    </Stack>
  );
}

/** A new issue: its title, address and date; the blocks are added on the issue's page. */
function NewIssueForm({ data }: { data: NewsletterList }) {
  const { t, i18n } = useTranslation();
  const create = useCreateIssue();
  const navigate = useNavigate();
  const [owner, setOwner] = useState<string | null>(data.organisations[0]?.id ?? null);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [issueDate, setIssueDate] = useState(data.today);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!owner) return;
    create.mutate({ ownerOrganisationId: owner, title, slug, issueDate, blocks: [] }, { onSuccess: (issue) => void navigate(`/operations/newsletter/${issue.id}`) });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {create.error && <Text c="red" role="alert">{errorText(create.error, t, i18n.language as Language)}</Text>}
        {data.organisations.length > 1 && <Select label={t('newsletter.organisation')} data={data.organisations.map((o) => ({ value: o.id, label: o.name }))} value={owner} onChange={setOwner} required allowDeselect={false} />}
        <TextInput label={t('newsletter.issueTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
        <TextInput label={t('newsletter.slug')} description={t('newsletter.slugHelp')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={80} />
        <TextInput type="date" label={t('newsletter.issueDate')} value={issueDate} onChange={(e) => setIssueDate(e.currentTarget.value)} required />
        <Group justify="flex-end"><Button type="submit" loading={create.isPending}>{t('newsletter.create')}</Button></Group>
      </Stack>
    </form>
  );
}
