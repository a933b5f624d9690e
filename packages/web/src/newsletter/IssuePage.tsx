import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Language, NewsletterBlock, NewsletterIssueSummary } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { BlockEditor } from './BlockEditor.tsx';
import { useIssueSteps, useNewsletters, usePreview } from './useNewsletter.ts';

/** One issue: its title, date and blocks (a draft), the live preview, and publish, withdraw and send. */
export function IssuePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useNewsletters();
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const issue = query.data.issues.find((i) => i.id === id);
  // The list holds only the issues the caller composes: any other is not theirs to see here.
  if (!issue) return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/operations/newsletter">{t('newsletter.back')}</Anchor>
      <PageTitle>{issue.title}</PageTitle>
      <Text>
        <strong>{t('newsletter.state')}:</strong> {t(`newsletter.states.${issue.state}`)}
        {issue.sentAt && ` · ${t('newsletter.sentOn', { date: formatDate(issue.sentAt.slice(0, 10)), count: issue.sentCount ?? 0 })}`}
      </Text>
      {/* The key restarts the form from the saved issue after every save. */}
      {issue.state === 'published' ? <Text>{t('newsletter.publishedNoEdit')}</Text> : <IssueForm key={issue.updatedAt} issue={issue} />}
      <Steps issue={issue} mailEnabled={query.data.mailEnabled} subscribers={query.data.subscribers} />
      <Preview id={issue.id} />
    </Stack>
  );
}

function IssueForm({ issue }: { issue: NewsletterIssueSummary }) {
  const { t, i18n } = useTranslation();
  const { update } = useIssueSteps(issue.id);
  const [title, setTitle] = useState(issue.title);
  const [issueDate, setIssueDate] = useState(issue.issueDate);
  const [blocks, setBlocks] = useState<NewsletterBlock[]>(issue.blocks);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ title, issueDate, blocks });
  };
  return (
    <form onSubmit={submit} aria-labelledby="issue-edit">
      <Stack gap="sm">
        <Title order={2} id="issue-edit">{t('newsletter.edit')}</Title>
        <Text size="sm" c="dimmed">{t('newsletter.editHelp')}</Text>
        <Group grow align="flex-start">
          <TextInput label={t('newsletter.issueTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
          <TextInput type="date" label={t('newsletter.issueDate')} description={t('newsletter.issueDateHelp')} value={issueDate} onChange={(e) => setIssueDate(e.currentTarget.value)} required />
        </Group>
        <BlockEditor blocks={blocks} onChange={setBlocks} />
        {update.error && <Alert color="red" role="alert">{errorText(update.error, t, i18n.language as Language)}</Alert>}
        <Group><Button type="submit" loading={update.isPending}>{t('newsletter.save')}</Button></Group>
      </Stack>
    </form>
  );
}

/** Publish, withdraw and send, each offered only in the state the server allows it in. */
function Steps({ issue, mailEnabled, subscribers }: { issue: NewsletterIssueSummary; mailEnabled: boolean; subscribers: number }) {
  const { t, i18n } = useTranslation();
  const steps = useIssueSteps(issue.id);
  const [asking, setAsking] = useState<'send' | 'withdraw' | null>(null);
  const error = steps.publish.error ?? steps.withdraw.error ?? steps.send.error;
  const confirm = () => (asking === 'send' ? steps.send : steps.withdraw).mutate(undefined, { onSettled: () => setAsking(null) });
  // A send the mail server half refused is resumed for the addresses left (the server mails no one twice).
  const resuming = issue.sentAt !== null && issue.unsent > 0;
  const sendLabel = resuming ? t('newsletter.sendRest', { count: issue.unsent }) : t('newsletter.send');
  return (
    <section aria-labelledby="issue-steps">
      <Stack gap="sm">
        <Title order={2} id="issue-steps">{t('newsletter.publishing')}</Title>
        {issue.path && (
          <Group gap="md">
            <Anchor href={issue.path}>{t('newsletter.openPage')}</Anchor>
            {issue.pdfPath && <Anchor href={issue.pdfPath}>{t('newsletter.openPdf')}</Anchor>}
          </Group>
        )}
        {error && <Alert color="red" role="alert">{errorText(error, t, i18n.language as Language)}</Alert>}
        <Text>{t('newsletter.subscribers', { count: subscribers })} {mailEnabled ? '' : t('newsletter.mailOff')}</Text>
        {resuming && <Alert color="orange" variant="light">{t('newsletter.unsent', { count: issue.unsent })}</Alert>}
        <Group>
          {issue.state !== 'published' && <Button onClick={() => steps.publish.mutate()} loading={steps.publish.isPending} disabled={issue.blocks.length === 0}>{t('newsletter.publish')}</Button>}
          {issue.state === 'published' && <Button color="red" variant="light" onClick={() => setAsking('withdraw')}>{t('newsletter.withdraw')}</Button>}
          {issue.state === 'published' && mailEnabled && (!issue.sentAt || resuming) && <Button variant="light" onClick={() => setAsking('send')}>{sendLabel}</Button>}
        </Group>
        {steps.publish.isSuccess && <Text role="status">{t('newsletter.publishedNow')}</Text>}
        {steps.send.isSuccess && <Text role="status">{t('newsletter.sentNow', { count: steps.send.data.recipients })}</Text>}
      </Stack>
      <ConfirmDialog item={asking} onClose={() => setAsking(null)} title={asking === 'send' ? t('newsletter.sendTitle') : t('newsletter.withdrawTitle')} confirmLabel={asking === 'send' ? sendLabel : t('newsletter.withdraw')} onConfirm={confirm} loading={steps.send.isPending || steps.withdraw.isPending}>
        {(a) => <Text size="sm">{a !== 'send' ? t('newsletter.withdrawText') : resuming ? t('newsletter.sendRestText', { count: issue.unsent }) : t('newsletter.sendText', { count: subscribers })}</Text>}
      </ConfirmDialog>
    </section>
  );
}

/** The saved draft as its page would show it, live as of the issue's date (a sandboxed frame: the page is the server's HTML). */
function Preview({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const preview = usePreview(id, i18n.language, shown);
  return (
    <section aria-labelledby="issue-preview">
      <Stack gap="sm">
        <Title order={2} id="issue-preview">{t('newsletter.preview')}</Title>
        {!shown && <Group><Button variant="default" onClick={() => setShown(true)}>{t('newsletter.showPreview')}</Button></Group>}
        {shown && preview.isPending && <Loading />}
        {shown && preview.isError && <LoadError error={preview.error} onRetry={() => void preview.refetch()} />}
        {preview.data && <iframe title={t('newsletter.previewFrame')} srcDoc={preview.data.html} sandbox="" style={{ width: '100%', minHeight: 480, border: '1px solid var(--mantine-color-gray-4)' }} />}
      </Stack>
    </section>
  );
}
