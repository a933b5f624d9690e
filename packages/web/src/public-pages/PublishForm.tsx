import { Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { publishableKinds } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionPlans } from '../action-plans/useActionPlans.ts';
import { useCoordinatedOrganisations } from '../auth/useCurrentUser.ts';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useForums, usePublishing } from '../forums/useForums.ts';

/**
 * A coordinator publishes one of the kinds the server supports: an action plan's progress, a
 * forum's decisions or contacts (a snapshot of the source), or news (the text only). A forum's page
 * belongs to the forum when the forum is the publishing organisation's, so its feedback lands there.
 */
// The kinds the server publishes through this route; a newsletter issue (issue 17) is published from its own page.
const formKinds = publishableKinds;
type FormKind = (typeof formKinds)[number];

export function PublishForm() {
  const { t } = useTranslation();
  const owners = useCoordinatedOrganisations();
  const plans = useActionPlans();
  const forums = useForums();
  const { publish } = usePublishing();
  const [kind, setKind] = useState<FormKind>('action_plan');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  // A coordinator in more than one organisation chooses which one publishes (and so gets the page's feedback).
  const [chosenOwner, setOwner] = useState<string | null>(null);
  const owner = chosenOwner ?? owners[0]?.[0];
  const forumKind = kind === 'forum_decisions' || kind === 'forum_contacts';
  const sources = kind === 'action_plan'
    ? (plans.data?.plans ?? []).filter((p) => p.canEdit).map((p) => ({ value: p.id, label: p.title }))
    : (forums.data ?? []).filter((f) => f.isMember).map((f) => ({ value: f.id, label: f.name }));
  const forum = forumKind ? forums.data?.find((f) => f.id === sourceId) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ownerForumId = forum && forum.organisation.id === owner ? forum.id : null;
    publish.mutate({ kind, sourceId: kind === 'news' ? null : sourceId, slug, title, body, ownerOrganisationId: owner, ownerForumId }, { onSuccess: () => { setSlug(''); setTitle(''); setBody(''); } });
  };
  return (
    <form onSubmit={submit} aria-labelledby="publish-form">
      <Stack gap="sm" maw={560}>
        <Title order={2} id="publish-form">{t('opsForms2.publish.title')}</Title>
        {owners.length > 1 && <Select label={t('opsForms2.forum.organisation')} data={owners.map(([value, label]) => ({ value, label }))} value={owner ?? null} onChange={setOwner} allowDeselect={false} required />}
        <Select label={t('publicPages.kind')} data={formKinds.map((k) => ({ value: k, label: t(`publicPages.kinds.${k}`) }))} value={kind} onChange={(v) => { setKind((v as FormKind | null) ?? 'action_plan'); setSourceId(null); }} allowDeselect={false} />
        {kind !== 'news' && <Select label={kind === 'action_plan' ? t('publicPages.plan') : t('opsForms2.publish.forum')} data={sources} value={sourceId} onChange={setSourceId} searchable required />}
        <TextInput label={t('publicPages.pageTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <TextInput label={t('publicPages.slug')} description={t('publicPages.slugHelp')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} required />
        <Textarea label={kind === 'news' ? t('opsForms2.publish.newsBody') : t('publicPages.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={kind === 'news' ? 4 : 2} required={kind === 'news'} />
        <FormError text={publish.error ? errorText(publish.error, t, currentLanguage()) : null} />
        <Group><Button type="submit" loading={publish.isPending}>{t('publicPages.publish')}</Button></Group>
        {publish.isSuccess && <Text role="status">{t('publicPages.publishedNow', { path: publish.data.path })}</Text>}
      </Stack>
    </form>
  );
}
