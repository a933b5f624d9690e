import { Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { inboxKinds, toCsv, type InboxItemView, type InboxMarkInput } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadCsv } from '../common/csv.ts';
import { errorText } from '../common/errors.ts';
import { formatDate, today } from '../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../common/ListToolbar.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../common/SortableTable.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { useInbox, useMarkInbox } from './useInbox.ts';

/** The state filter: open is "not done" (what still waits), the default. */
const inboxStates = ['open', 'unread', 'done', 'all'] as const;
type InboxState = (typeof inboxStates)[number];

function inState(item: InboxItemView, state: InboxState): boolean {
  if (state === 'open') return !item.done;
  if (state === 'unread') return !item.read && !item.done;
  if (state === 'done') return item.done;
  return true;
}

/** The item's state in words (never colour alone): "Oläst, att göra". */
function stateWords(item: InboxItemView, t: TFunction): string {
  return item.done ? t('inbox.state.done') : `${item.read ? t('inbox.state.read') : t('inbox.state.unread')}, ${t('inbox.state.open')}`;
}

/** What names an item for a screen reader's button label and the status message. */
function itemName(item: InboxItemView, t: TFunction): string {
  const child = item.childName ? `${item.childName.givenName} ${item.childName.familyName}` : '';
  return [t(`inbox.kinds.${item.kind}`), item.subject, child].filter(Boolean).join(', ');
}

/** The caller's inbox (issue 14): what waits for them, filtered, sorted, exported, marked read or done. */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const mark = useMarkInbox();
  const status = useStatus();
  const [kind, setKind] = useState('');
  const [state, setState] = useState<InboxState>('open');
  const [sort, setSort] = useState<SortState>({ key: 'date', direction: 'ascending' });

  function markItem(item: InboxItemView, to: InboxMarkInput['state']) {
    mark.mutate({ keys: [item.key], state: to }, {
      onSuccess: () => status.success(message(`inbox.marked.${to}`, { name: itemName(item, t) })),
      onError: (error) => status.failure((tr, language) => errorText(error, tr, language)),
    });
  }
  const busy = (item: InboxItemView) => mark.isPending && mark.variables.keys.includes(item.key);

  const columns: Column<InboxItemView>[] = [
    { key: 'kind', header: t('inbox.columns.kind'), value: (i) => t(`inbox.kinds.${i.kind}`), nowrap: true },
    { key: 'date', header: t('inbox.columns.date'), value: (i) => i.date, render: (i) => formatDate(i.date), nowrap: true },
    {
      key: 'subject', header: t('inbox.columns.subject'), value: (i) => i.subject,
      // Opening the item reads it; the link goes to the plan (or the child's page) where it is handled.
      render: (i) => <Anchor component={Link} to={i.link} onClick={() => { if (!i.read) mark.mutate({ keys: [i.key], state: 'read' }); }}>{i.subject || t('inbox.open')}</Anchor>,
    },
    { key: 'child', header: t('inbox.columns.child'), value: (i) => (i.childName ? `${i.childName.familyName}, ${i.childName.givenName}` : ''), render: (i) => (i.childName ? `${i.childName.givenName} ${i.childName.familyName}` : t('common.none')) },
    {
      key: 'state', header: t('inbox.columns.state'), value: (i) => stateWords(i, t), nowrap: true,
      render: (i) => <Badge variant="light" tt="none" className={i.done ? 'badge-inactive' : i.read ? undefined : 'badge-active'}>{stateWords(i, t)}</Badge>,
    },
    {
      key: 'actions', header: t('common.actions'), sortable: false, exported: false, value: () => '',
      render: (i) => (
        <Group gap={6} wrap="nowrap">
          {!i.done && (
            <Button size="compact-sm" variant="default" disabled={busy(i)} onClick={() => markItem(i, i.read ? 'unread' : 'read')} aria-label={t(i.read ? 'inbox.markUnreadNamed' : 'inbox.markReadNamed', { name: itemName(i, t) })}>
              {t(i.read ? 'inbox.markUnread' : 'inbox.markRead')}
            </Button>
          )}
          <Button size="compact-sm" variant="light" disabled={busy(i)} onClick={() => markItem(i, i.done ? 'not_done' : 'done')} aria-label={t(i.done ? 'inbox.markNotDoneNamed' : 'inbox.markDoneNamed', { name: itemName(i, t) })}>
            {t(i.done ? 'inbox.markNotDone' : 'inbox.markDone')}
          </Button>
        </Group>
      ),
    },
  ];
  const all = inbox.data?.items ?? [];
  const rows = sortRows(all.filter((i) => (!kind || i.kind === kind) && inState(i, state)), columns, sort);
  const page = usePage(rows, `${kind}|${state}|${sort.key}|${sort.direction}`);

  function exportCsv() {
    const { header, rows: cells } = exportRows(rows, columns);
    const file = `${t('inbox.exportFile')}-${today()}.csv`;
    downloadCsv(file, toCsv(header, cells));
    status.success(message('table.exported', { count: rows.length, file }));
  }

  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <Text c="dimmed">{t('inbox.intro')}</Text>
      <StatusMessage status={status.status} onClose={status.clear} />
      <section aria-label={t('table.filters')} className="page-panel">
        <SimpleGrid cols={{ base: 1, sm: 2 }} p="md" spacing="md">
          <Select label={t('inbox.columns.kind')} data={[{ value: '', label: t('inbox.allKinds') }, ...inboxKinds.map((k) => ({ value: k, label: t(`inbox.kinds.${k}`) }))]} value={kind} onChange={(v) => setKind(v ?? '')} allowDeselect={false} />
          <Select label={t('inbox.columns.state')} data={inboxStates.map((s) => ({ value: s, label: t(`inbox.states.${s}`) }))} value={state} onChange={(v) => setState((v ?? 'open') as InboxState)} allowDeselect={false} />
        </SimpleGrid>
      </section>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <section aria-label={t('inbox.caption')}>
          <ListToolbar from={page.from} to={page.to} count={rows.length} total={all.length} onExport={exportCsv} />
          <div className="page-panel">
            <SortableTable caption={t('inbox.caption')} columns={columns} rows={page.rows} rowKey={(i) => i.key} sort={sort} onSort={setSort} empty={all.length === 0 ? t('inbox.none') : t('table.empty')} />
          </div>
          <TablePages page={page.page} pageCount={page.pageCount} onChange={page.setPage} />
        </section>
      )}
    </Stack>
  );
}
