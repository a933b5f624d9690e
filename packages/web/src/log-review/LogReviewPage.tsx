import { Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { accessBases, describeLook, formatStockholmDateTime, type AccessBasis, type LogReviewEntry, type LogReviewFlag } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { DataTable } from '../common/DataTable.tsx';
import { formatNumber } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { EmergencyReviewQueue } from '../emergency/EmergencyReviewQueue.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { emptyFilters, filterQuery, isLogReviewer, logPageSize, useLogReview, useLogReviewChoices, type LogFilters } from './useLogReview.ts';

export function LogReviewPage() {
  const me = useCurrentUser();
  return isLogReviewer(me) ? <LogReview /> : <NotAllowedPage />;
}

/** Loggkontroll: the audit log of accesses to children in the reviewer's scope, flagged rows first to the eye. */
function LogReview() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<LogFilters>(emptyFilters);
  const [page, setPage] = useState(1);
  const log = useLogReview(filters, page);
  const choices = useLogReviewChoices();
  const set = (patch: Partial<LogFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const { users, children } = useMemo(() => {
    const userMap = new Map<string, string>();
    const childMap = new Map<string, string>();
    for (const e of choices.data?.entries ?? []) {
      if (e.actor.id) userMap.set(e.actor.id, e.actor.name ?? e.actor.username ?? e.actor.id);
      if (e.child.id) childMap.set(e.child.id, e.child.identityNumber ?? t('logReview.protectedChild'));
    }
    for (const o of choices.data?.outliers ?? []) userMap.set(o.userId, o.name ?? o.username ?? o.userId);
    const sorted = (m: Map<string, string>) => [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'sv'));
    return { users: sorted(userMap), children: sorted(childMap) };
  }, [choices.data, t]);

  // The CSV is worded as the page is, in the interface's language.
  const exportHref = `/api/log-review/export.csv?${filterQuery(filters).toString()}&lang=${currentLanguage()}`;
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / logPageSize)) : 1;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('logReview.title')}</PageTitle>
        <Text mt="xs">{t('logReview.intro')}</Text>
      </div>
      <section aria-label={t('logReview.filters')} className="page-panel">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} p="md" spacing="md" verticalSpacing="sm">
          <Select label={t('logReview.user')} placeholder={t('logReview.allUsers')} data={users} value={filters.userId} onChange={(v) => set({ userId: v })} clearable searchable nothingFoundMessage={t('table.empty')} />
          <Select label={t('logReview.child')} placeholder={t('logReview.allChildren')} data={children} value={filters.childId} onChange={(v) => set({ childId: v })} clearable searchable nothingFoundMessage={t('table.empty')} />
          <Select
            label={t('logReview.basis')}
            placeholder={t('logReview.allBases')}
            data={accessBases.map((b) => ({ value: b, label: t(`child.record.bases.${b}`) }))}
            value={filters.basis}
            onChange={(v) => set({ basis: v as AccessBasis | null })}
            clearable
          />
          <TextInput label={t('logReview.from')} description={t('consents.dateHint')} value={filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
          <TextInput label={t('logReview.to')} description={t('consents.dateHint')} value={filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
          <Group align="flex-end" justify="space-between">
            <Checkbox label={t('logReview.onlyFlagged')} checked={filters.flagged} onChange={(e) => set({ flagged: e.currentTarget.checked })} mb={8} />
            <Button variant="subtle" onClick={() => set(emptyFilters)}>{t('common.reset')}</Button>
          </Group>
        </SimpleGrid>
      </section>

      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          {log.data.outliers.length > 0 && (
            <section aria-labelledby="outliers-heading" className="page-panel">
              <Stack gap={4} p="md">
                <Title order={2} size="h4" id="outliers-heading">{t('logReview.outliersHeading')}</Title>
                {log.data.outliers.map((o) => (
                  <Text key={o.userId} size="sm">
                    {t('logReview.outlierLine', { name: o.name ?? o.username ?? '', count: formatNumber(o.distinctChildren), threshold: formatNumber(log.data.outlierThreshold ?? 0) })}
                  </Text>
                ))}
              </Stack>
            </section>
          )}
          <Group justify="space-between" align="center">
            <Text size="sm" role="status" aria-live="polite" aria-atomic="true">
              {log.data.total === 0 ? t('table.none') : t('logReview.count', { shown: formatNumber(log.data.entries.length), total: formatNumber(log.data.total) })}
            </Text>
            <Button component="a" href={exportHref} download variant="default" size="sm">{t('logReview.export')}</Button>
          </Group>
          <div className="page-panel">
            <LogTable entries={log.data.entries} />
          </div>
          {pages > 1 && (
            <Group component="nav" aria-label={t('logReview.pages')} justify="center" gap="sm">
              <Button variant="default" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>{t('logReview.previous')}</Button>
              <Text size="sm">{t('logReview.pageOf', { page: formatNumber(page), pages: formatNumber(pages) })}</Text>
              <Button variant="default" size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>{t('logReview.next')}</Button>
            </Group>
          )}
        </>
      )}

      <EmergencyReviewQueue />
    </Stack>
  );
}

function LogTable({ entries }: { entries: readonly LogReviewEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DataTable
      caption={t('logReview.caption')}
      striped={false}
      headers={[t('logReview.time'), t('logReview.user'), t('logReview.child'), t('logReview.action'), t('logReview.outcome'), t('logReview.basis'), t('logReview.flagsColumn')]}
    >
      {entries.map((e, i) => {
        const what = describeLook({ at: new Date(e.at), action: e.action, category: e.category, basis: e.basis, actor: { kind: 'unknown' } }, language).what;
        return (
          <Table.Tr key={`${e.seq}:${e.child.id ?? i}`} className={e.flags.length > 0 ? 'row-flagged' : undefined}>
            <Table.Td className="nowrap">{formatStockholmDateTime(new Date(e.at))}</Table.Td>
            <Table.Td>
              <Text size="sm">{e.actor.name ?? '–'}</Text>
              {e.actor.username && <Text size="xs" c="dimmed">{e.actor.username}</Text>}
            </Table.Td>
            <Table.Td className="nowrap">{e.child.id === null ? t('logReviewGate.childWithheld') : (e.child.identityNumber ?? (e.child.protectedIdentity ? t('logReview.protectedChild') : '–'))}</Table.Td>
            <Table.Td>{what}</Table.Td>
            <Table.Td>{t(`logReview.outcomes.${e.outcome}`)}</Table.Td>
            <Table.Td>{e.basis ? t(`child.record.bases.${e.basis}`) : t('logReview.noBasis')}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {e.flags.map((f) => <Badge key={f} variant="light" tt="none" color="orange" className="badge-flag">{flagLabel(f, t)}</Badge>)}
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      })}
      {entries.length === 0 && (
        <Table.Tr>
          <Table.Td colSpan={7}><Text c="dimmed" py="md" ta="center">{t('table.empty')}</Text></Table.Td>
        </Table.Tr>
      )}
    </DataTable>
  );
}

/** The flags added with the gate's work (issue 11) have their labels in a section of their own. */
function flagLabel(flag: LogReviewFlag, t: TFunction): string {
  switch (flag) {
    case 'consent_recorded_by_professional':
    case 'password_reset_session':
      return t(`logReviewGate.flags.${flag}`);
    default:
      return t(`logReview.flags.${flag}`);
  }
}
