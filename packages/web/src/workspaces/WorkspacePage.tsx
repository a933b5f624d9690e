import { Button, FileInput, Group, Modal, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { workspaceDocumentTypes, type WorkspaceView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { ToneBadge } from '../action-plans/StatusBadge.tsx';
import { FilteredTable } from './FilteredTable.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { fileBase64, useWorkspace, useWorkspaceChange } from './useWorkspaces.ts';
import { useWorkspaceSend } from './useWorkspaceEdits.ts';
import { AddMemberForm, useMemberActions } from './WorkspaceMembersAdmin.tsx';
import { WorkspaceSettingsForm } from './WorkspaceSettingsForm.tsx';
import { FeedbackTable } from '../public-pages/FeedbackPanel.tsx';

const time = (iso: string) => new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
const when = (iso: string) => `${formatDate(iso)} ${time(iso)}`;

/** One workspace, for its members: notices, documents, discussion, calendar and members in tabs. */
export function WorkspacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const ws = useWorkspace(id);
  if (ws.isPending) return <Loading />;
  if (ws.isError) return <LoadError error={ws.error} onRetry={() => void ws.refetch()} />;
  const w = ws.data;
  return (
    <Stack>
      <PageTitle>{w.name}</PageTitle>
      <Text>{w.description}</Text>
      <Tabs defaultValue="notices" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="notices">{t('workspaces.tabs.notices')}{w.unreadNotices > 0 ? ` (${t('workspaces.unreadCount', { count: w.unreadNotices })})` : ''}</Tabs.Tab>
          <Tabs.Tab value="documents">{t('workspaces.tabs.documents')}</Tabs.Tab>
          <Tabs.Tab value="discussion">{t('workspaces.tabs.discussion')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('workspaces.tabs.calendar')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('workspaces.tabs.members')}</Tabs.Tab>
          {w.actions.manageMembers && <Tabs.Tab value="settings">{t('opsForms2.workspace.settings')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="notices" pt="md"><Notices w={w} /></Tabs.Panel>
        <Tabs.Panel value="documents" pt="md"><Documents w={w} /></Tabs.Panel>
        <Tabs.Panel value="discussion" pt="md"><Discussion w={w} /></Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md"><Calendar w={w} /></Tabs.Panel>
        <Tabs.Panel value="members" pt="md"><Members w={w} /></Tabs.Panel>
        {w.actions.manageMembers && <Tabs.Panel value="settings" pt="md"><WorkspaceSettingsForm w={w} /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}

function useStatus() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  return { text, ok: setText, fail: (e: unknown) => setText(errorText(e, t, i18n.language === 'en' ? 'en' : 'sv')), node: <Text role="status" aria-live="polite">{text}</Text> };
}

function Notices({ w }: { w: WorkspaceView }) {
  const { t } = useTranslation();
  const change = useWorkspaceChange(w.id);
  // A forum's workspace: the visitors' questions from the forum's public pages land here (issue 16).
  const feedback = w.belongsTo?.kind === 'forum' && (
    <section aria-labelledby="workspace-feedback">
      <Title order={2} size="h3" id="workspace-feedback">{t('workspaces.feedbackTitle')}</Title>
      <FeedbackTable rows={w.feedback} />
    </section>
  );
  if (w.notices.length === 0) return <Stack><Text>{t('workspaces.noNotices')}</Text>{feedback}</Stack>;
  return (
    <Stack>
      {w.unreadNotices > 0 && <Button variant="default" w="fit-content" onClick={() => change.mutate({ path: '/notices/read', body: {} })}>{t('workspaces.markRead')}</Button>}
      <ul className="plain-list">
        {w.notices.map((n) => (
          <li key={n.id}>
            <Group gap="xs" py={4}>
              {n.unread && <ToneBadge tone="ongoing" symbol="●">{t('workspaces.new')}</ToneBadge>}
              <Text>{t(`workspaces.noticeKinds.${n.kind}`, { title: n.title, actor: n.actor?.name ?? '' })}</Text>
              <Text size="sm" c="dimmed">{when(n.createdAt)}</Text>
            </Group>
          </li>
        ))}
      </ul>
      {feedback}
    </Stack>
  );
}

function Documents({ w }: { w: WorkspaceView }) {
  const { t } = useTranslation();
  const change = useWorkspaceChange(w.id);
  const status = useStatus();
  const [file, setFile] = useState<File | null>(null);
  const [documentId, setDocumentId] = useState<string>(w.documents[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const version = { fileName: file.name, mediaType: file.type || 'text/plain', contentBase64: await fileBase64(file) };
    const request = documentId ? { path: `/documents/${documentId}/versions`, body: version } : { path: '/documents', body: { title: title || file.name, version } };
    change.mutate(request, { onSuccess: () => { status.ok(t('workspaces.uploaded', { file: file.name })); setFile(null); }, onError: status.fail });
  };
  const rows = w.documents.flatMap((d) => d.versions.map((v) => ({ ...v, document: d })));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'title', header: t('workspaces.document'), value: (r) => r.document.title },
    { key: 'version', header: t('workspaces.version'), value: (r) => r.version },
    { key: 'file', header: t('workspaces.file'), value: (r) => r.fileName, render: (r) => <a href={`/api/workspaces/${w.id}/documents/${r.document.id}/versions/${r.version}`} download>{t('workspaces.download', { file: r.fileName, version: r.version })}</a> },
    { key: 'size', header: t('workspaces.size'), value: (r) => r.sizeBytes },
    { key: 'by', header: t('workspaces.uploadedBy'), value: (r) => r.uploadedBy.name },
    { key: 'at', header: t('workspaces.uploadedAt'), value: (r) => r.uploadedAt, render: (r) => when(r.uploadedAt) },
  ];
  return (
    <Stack>
      <form onSubmit={(e) => void upload(e)}>
        <Group align="end">
          <label>
            <Text size="sm" fw={500}>{t('workspaces.uploadTo')}</Text>
            <select value={documentId} onChange={(e) => setDocumentId(e.currentTarget.value)}>
              <option value="">{t('workspaces.newDocument')}</option>
              {w.documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
            </select>
          </label>
          {!documentId && <TextInput label={t('workspaces.documentTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />}
          <FileInput label={t('workspaces.chooseFile')} value={file} onChange={setFile} accept={workspaceDocumentTypes.join(',')} clearable />
          <Button type="submit" disabled={!file} loading={change.isPending}>{t('workspaces.upload')}</Button>
        </Group>
        <Text size="sm" c="dimmed">{t('workspaces.fileRules')}</Text>
      </form>
      {status.node}
      <FilteredTable rows={rows} columns={columns} caption={t('workspaces.tabs.documents')} rowKey={(r) => `${r.document.id}-${r.version}`} empty={t('workspaces.noDocuments')} exportFile={t('workspaces.documentsFile')} sortKey="title" />
    </Stack>
  );
}

function Discussion({ w }: { w: WorkspaceView }) {
  const { t } = useTranslation();
  const change = useWorkspaceChange(w.id);
  const status = useStatus();
  const [body, setBody] = useState('');
  const post = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ path: '/posts', body: { body } }, { onSuccess: () => { setBody(''); status.ok(t('workspaces.posted')); }, onError: status.fail });
  };
  return (
    <Stack>
      <ol className="plain-list">
        {w.posts.map((p) => (
          <li key={p.id}>
            <Text fw={600} size="sm">{p.author.name} · {when(p.createdAt)}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.body}</Text>
          </li>
        ))}
      </ol>
      {w.posts.length === 0 && <Text>{t('workspaces.noPosts')}</Text>}
      <form onSubmit={post}>
        <Textarea label={t('workspaces.newPost')} value={body} onChange={(e) => setBody(e.currentTarget.value)} minRows={3} required maxLength={5000} />
        <Button type="submit" mt="xs" loading={change.isPending} disabled={!body.trim()}>{t('workspaces.post')}</Button>
      </form>
      {status.node}
    </Stack>
  );
}

function Calendar({ w }: { w: WorkspaceView }) {
  const { t } = useTranslation();
  const change = useWorkspaceChange(w.id);
  const send = useWorkspaceSend(w.id);
  const status = useStatus();
  const [editing, setEditing] = useState<WorkspaceView['meetings'][number] | null>(null);
  const columns: Column<WorkspaceView['meetings'][number]>[] = [
    { key: 'startsAt', header: t('workspaces.meetingWhen'), value: (m) => m.startsAt, render: (m) => `${when(m.startsAt)}–${time(m.endsAt)}` },
    { key: 'title', header: t('workspaces.meetingTitle'), value: (m) => m.title },
    { key: 'location', header: t('workspaces.location'), value: (m) => m.location },
    { key: 'agenda', header: t('workspaces.agenda'), value: (m) => m.agenda },
    { key: 'past', header: t('workspaces.meetingState'), value: (m) => (m.past ? t('workspaces.past') : t('workspaces.coming')) },
    ...(w.actions.edit ? [{ key: 'edit', header: t('workspaces.actions'), value: () => '', sortable: false, exported: false, render: (m: WorkspaceView['meetings'][number]) => <Button size="xs" variant="light" onClick={() => setEditing(m)} aria-label={t('opsForms2.wsMeeting.editNamed', { title: m.title })}>{t('opsForms2.wsMeeting.edit')}</Button> }] : []),
  ];
  return (
    <Stack>
      <FilteredTable rows={w.meetings} columns={columns} caption={t('workspaces.tabs.calendar')} rowKey={(m) => m.id} empty={t('workspaces.noMeetings')} exportFile={t('workspaces.meetingsFile')} sortKey="startsAt" />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('opsForms2.wsMeeting.editTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
        {editing && <MeetingForm meeting={editing} saving={send.isPending} onSubmit={(meeting) => send.mutate({ method: 'PATCH', path: `/meetings/${editing.id}`, body: meeting }, { onSuccess: () => { setEditing(null); status.ok(t('opsForms2.wsMeeting.saved', { title: meeting.title })); }, onError: status.fail })} />}
      </Modal>
      {w.actions.edit && <MeetingForm saving={change.isPending} onSubmit={(meeting, done) => change.mutate({ path: '/meetings', body: meeting }, { onSuccess: () => { done(); status.ok(t('workspaces.meetingAdded', { title: meeting.title })); }, onError: status.fail })} />}
      {status.node}
    </Stack>
  );
}

function Members({ w }: { w: WorkspaceView }) {
  const { t } = useTranslation();
  const change = useWorkspaceChange(w.id);
  const status = useStatus();
  const admin = useMemberActions(w);
  const answer = (requestId: string, accept: boolean, name: string) => change.mutate({ path: `/join-requests/${requestId}/answer`, body: { accept } }, { onSuccess: () => status.ok(t(accept ? 'workspaces.accepted' : 'workspaces.declined', { name })), onError: status.fail });
  const columns: Column<WorkspaceView['members'][number]>[] = [
    { key: 'name', header: t('workspaces.name'), value: (m) => m.user.name },
    { key: 'organisation', header: t('workspaces.organisation'), value: (m) => m.organisation.name },
    { key: 'role', header: t('workspaces.role'), value: (m) => t(`workspaces.roles.${m.role}`) },
    { key: 'addedAt', header: t('workspaces.addedAt'), value: (m) => m.addedAt, render: (m) => formatDate(m.addedAt) },
    ...(admin.column ? [admin.column] : []),
  ];
  return (
    <Stack>
      {w.actions.manageMembers && (
        <section aria-labelledby="join-requests">
          <Text component="h2" fw={700} id="join-requests">{t('workspaces.joinRequests')}</Text>
          {w.joinRequests.length === 0 && <Text>{t('workspaces.noJoinRequests')}</Text>}
          <ul className="plain-list">
            {w.joinRequests.map((r) => (
              <li key={r.id}>
                <Group gap="xs" py={4}>
                  <Text>{r.user.name} ({r.organisationName}){r.message ? `: ${r.message}` : ''}</Text>
                  <Button size="xs" onClick={() => answer(r.id, true, r.user.name)}>{t('workspaces.accept', { name: r.user.name })}</Button>
                  <Button size="xs" variant="default" onClick={() => answer(r.id, false, r.user.name)}>{t('workspaces.decline', { name: r.user.name })}</Button>
                </Group>
              </li>
            ))}
          </ul>
          {status.node}
        </section>
      )}
      {admin.status}
      <FilteredTable rows={w.members} columns={columns} caption={t('workspaces.tabs.members')} rowKey={(m) => m.user.id} empty="" exportFile={t('workspaces.membersFile')} sortKey="name" />
      {admin.dialog}
      {w.actions.manageMembers && <AddMemberForm w={w} />}
    </Stack>
  );
}
