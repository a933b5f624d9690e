import { Anchor, Badge, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { formatStockholmDateTime, toCsv, type NoticeView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadCsv } from '../common/csv.ts';
import { errorText } from '../common/errors.ts';
import { today } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { noticeLink, noticeText } from './noticeText.ts';
import { useMarkNoticesRead, useNotices } from './useNotices.ts';

/** The newest notices shown before the user asks for all. */
const shownAtFirst = 8;

/** The start page's notices (notiser): what happened that the user should know of, newest first. */
export function NoticesSection() {
  const { t } = useTranslation();
  const notices = useNotices();
  const mark = useMarkNoticesRead();
  const status = useStatus();
  const [showAll, setShowAll] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = notices.data?.unread ?? 0;
  const rows = (notices.data?.notices ?? []).filter((n) => !unreadOnly || n.readAt === null);

  function exportCsv() {
    const file = `${t('notices.exportFile')}-${today()}.csv`;
    const header = [t('notices.columns.time'), t('notices.columns.notice'), t('notices.columns.read')];
    downloadCsv(file, toCsv(header, rows.map((n) => [formatStockholmDateTime(new Date(n.createdAt)), noticeText(n, t), n.readAt ? formatStockholmDateTime(new Date(n.readAt)) : ''])));
    status.success(message('table.exported', { count: rows.length, file }));
  }
  // By key, drawn in the language shown: a language switch translates the message too.
  const onError = (error: Error) => status.failure((tr, language) => errorText(error, tr, language));
  return (
    <section aria-labelledby="notices-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="notices-heading">
            {t('notices.title')}
            {unread > 0 && <Text span size="md" fw={400} c="dimmed"> {t('notices.unreadCount', { count: unread })}</Text>}
          </Title>
          {unread > 0 && (
            <Button size="compact-sm" variant="default" loading={mark.isPending && mark.variables === null} onClick={() => mark.mutate(null, { onSuccess: () => status.success(message('notices.allMarked')), onError })}>
              {t('notices.markAll')}
            </Button>
          )}
        </Group>
        <StatusMessage status={status.status} onClose={status.clear} />
        {notices.isPending ? (
          <Loading />
        ) : notices.isError ? (
          <LoadError error={notices.error} onRetry={() => void notices.refetch()} />
        ) : notices.data.notices.length === 0 ? (
          <Text c="dimmed">{t('notices.none')}</Text>
        ) : (
          <>
            <Group justify="space-between" align="center">
              <Checkbox label={t('notices.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
              <Button size="compact-sm" variant="default" onClick={exportCsv} disabled={rows.length === 0}>{t('notices.export')}</Button>
            </Group>
            {rows.length === 0 && <Text c="dimmed">{t('notices.noneUnread')}</Text>}
            <Stack gap="sm" component="ul" className="plain-list">
              {(showAll ? rows : rows.slice(0, shownAtFirst)).map((notice) => (
                <NoticeItem key={notice.id} notice={notice} marking={mark.isPending && mark.variables?.id === notice.id} onMark={() => mark.mutate({ id: notice.id, childId: notice.child?.id ?? null }, { onError })} />
              ))}
            </Stack>
          </>
        )}
        {!showAll && rows.length > shownAtFirst && (
          <Button variant="subtle" size="compact-sm" onClick={() => setShowAll(true)} style={{ alignSelf: 'flex-start' }}>
            {t('notices.showAll', { count: rows.length })}
          </Button>
        )}
      </Stack>
    </section>
  );
}

function NoticeItem({ notice, marking, onMark }: { notice: NoticeView; marking: boolean; onMark: () => void }) {
  const { t } = useTranslation();
  const text = noticeText(notice, t);
  const link = noticeLink(notice);
  const unread = notice.readAt === null;
  return (
    <li>
      <Text size="sm" fw={unread ? 600 : 400}>{link ? <Anchor component={Link} to={link} inherit>{text}</Anchor> : text}</Text>
      <Group justify="space-between" align="center" gap="xs" mt={2}>
        <Group gap="xs" align="center">
          {unread && <Badge size="sm" variant="light" color="samsyn" tt="none">{t('notices.unread')}</Badge>}
          <Text size="xs" c="dimmed">{formatStockholmDateTime(new Date(notice.createdAt))}</Text>
        </Group>
        {unread && (
          <Button size="compact-xs" variant="subtle" loading={marking} onClick={onMark} aria-label={t('notices.markReadNamed', { text })}>
            {t('notices.markRead')}
          </Button>
        )}
      </Group>
    </li>
  );
}
