import { Anchor, Checkbox, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { lifeStages, toCsv, type TeamChild } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { denyReasonText } from '../children/text.ts';
import { downloadCsv } from '../common/csv.ts';
import { formatDate, today } from '../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../common/ListToolbar.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { exportRows, sortRows, SortableTable, type Column } from '../common/SortableTable.tsx';
import { StatusMessage } from '../common/StatusMessage.tsx';
import { useListPage } from '../common/useListPage.ts';
import { useTeamChildren } from './useStart.ts';
import { waitingLink, waitingText } from './waitingText.ts';

type Row = TeamChild & { active: true };

const roles = ['named_person', 'lead_professional', 'member'] as const;

/** The child as the list may name it: the name, "Skyddad identitet", or why the name is not shown. */
function childLabel(row: TeamChild, t: TFunction): string {
  if (row.name) return `${row.name.givenName} ${row.name.familyName}`;
  if (row.refusal === null) return t('child.record.protectedName');
  return t('start.children.hidden');
}

function columns(t: TFunction): Column<Row>[] {
  return [
    {
      key: 'child',
      header: t('start.children.child'),
      value: (r) => childLabel(r, t),
      render: (r) => (
        <div>
          {r.refusal === null ? <Anchor component={Link} to={`/child/${r.childId}`} fw={600}>{childLabel(r, t)}</Anchor> : <Text fw={600} size="sm">{childLabel(r, t)}</Text>}
          {r.refusal !== null && <Text size="xs">{t('start.children.noBasis', { reason: denyReasonText(r.refusal, t) })}</Text>}
        </div>
      ),
    },
    { key: 'role', header: t('start.children.role'), value: (r) => t(`careTeam.roles.${r.role}`) },
    { key: 'since', header: t('start.children.since'), value: (r) => formatDate(r.since), nowrap: true },
    { key: 'lifeStage', header: t('start.children.lifeStage'), value: (r) => (r.lifeStage ? t(`handovers.lifeStages.${r.lifeStage}`) : t('common.none')) },
    { key: 'organisation', header: t('start.children.organisation'), value: (r) => r.organisation.name },
    {
      key: 'waiting',
      header: t('start.children.waiting'),
      value: (r) => r.waiting.map((w) => waitingText(w, t)).join(', '),
      render: (r) =>
        r.waiting.length === 0 ? (
          <Text size="sm" c="dimmed">{t('start.children.nothingWaiting')}</Text>
        ) : (
          <ul className="plain-list">
            {r.waiting.map((w, i) => {
              const link = waitingLink(w, r.childId);
              const text = waitingText(w, t);
              return <li key={`${w.kind}-${i}`}>{link?.startsWith('/') ? <Anchor component={Link} to={link} size="sm">{text}</Anchor> : link ? <Anchor href={link} size="sm">{text}</Anchor> : <Text size="sm">{text}</Text>}</li>;
            })}
          </ul>
        ),
    },
  ];
}

/** "Mina barn": the children whose team the user is on, to sort, filter and export. */
export function MyChildrenList() {
  const { t } = useTranslation();
  const query = useTeamChildren(true);
  const list = useListPage<Row>({ sortKey: 'child' });
  const [role, setRole] = useState<string | null>(null);
  const [lifeStage, setLifeStage] = useState<string | null>(null);
  const [waitingOnly, setWaitingOnly] = useState(false);
  const cols = columns(t);
  const all: Row[] = (query.data?.children ?? []).map((c) => ({ ...c, active: true }));
  const filtered = all.filter(
    (r) =>
      list.matches(r, `${childLabel(r, t)} ${r.organisation.name}`) &&
      (role === null || r.role === role) &&
      (lifeStage === null || r.lifeStage === lifeStage) &&
      (!waitingOnly || r.waiting.length > 0),
  );
  const rows = sortRows(filtered, cols, list.sort);
  const paged = usePage(rows, JSON.stringify([list.search, role, lifeStage, waitingOnly, list.sort]));

  function exportCsv() {
    const data = exportRows(rows, cols);
    const file = `${t('start.children.exportFile')}-${today()}.csv`;
    downloadCsv(file, toCsv(data.header, data.rows));
    list.status.success(t('table.exported', { count: rows.length, file }));
  }

  return (
    <section aria-labelledby="my-children-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="my-children-heading">{t('start.children.title')}</Title>
          <Text size="sm" mt={4}>{t('start.children.intro')}</Text>
        </div>
        <StatusMessage status={list.status.status} onClose={list.status.clear} />
        <div role="group" aria-label={t('table.filters')} className="page-panel">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} p="md" spacing="md" verticalSpacing="sm">
            <TextInput type="search" label={t('start.children.search')} value={list.search} onChange={(e) => list.setSearch(e.currentTarget.value)} />
            <Select label={t('start.children.role')} placeholder={t('start.children.allRoles')} data={roles.map((r) => ({ value: r, label: t(`careTeam.roles.${r}`) }))} value={role} onChange={setRole} clearable />
            <Select label={t('start.children.lifeStage')} placeholder={t('start.children.allLifeStages')} data={lifeStages.map((s) => ({ value: s, label: t(`handovers.lifeStages.${s}`) }))} value={lifeStage} onChange={setLifeStage} clearable />
            <Checkbox label={t('start.children.waitingOnly')} checked={waitingOnly} onChange={(e) => setWaitingOnly(e.currentTarget.checked)} mt={{ base: 0, sm: 30 }} />
          </SimpleGrid>
        </div>
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : all.length === 0 ? (
          <Text c="dimmed">{t('start.children.none')}</Text>
        ) : (
          <>
            <ListToolbar from={paged.from} to={paged.to} count={rows.length} total={all.length} onExport={exportCsv} />
            <div className="page-panel">
              <SortableTable caption={t('start.children.caption')} columns={cols} rows={paged.rows} rowKey={(r) => r.id} sort={list.sort} onSort={list.setSort} empty={t('table.empty')} />
            </div>
            <TablePages page={paged.page} pageCount={paged.pageCount} onChange={paged.setPage} />
          </>
        )}
      </Stack>
    </section>
  );
}
