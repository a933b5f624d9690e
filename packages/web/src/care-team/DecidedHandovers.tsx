import { Anchor, Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { toCsv, type HandoverView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';
import { downloadCsv } from '../common/csv.ts';
import { formatDate, today } from '../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../common/ListToolbar.tsx';
import { exportRows, SortableTable, sortRows, type Column, type SortState } from '../common/SortableTable.tsx';

const outcomes = ['accepted', 'declined', 'withdrawn'] as const;

const decidedOn = (h: HandoverView) => h.acceptedAt ?? h.declinedAt ?? h.withdrawnAt;

/** Who decided, and when: the receiver answered, or the proposer withdrew. */
function decisionLine(h: HandoverView, t: TFunction): string {
  const at = decidedOn(h);
  const date = at ? formatDate(at) : t('common.none');
  return h.status === 'withdrawn'
    ? t('handovers.withdrawnBy', { name: h.withdrawnBy?.displayName ?? h.proposedBy.displayName, date })
    : t('handovers.decidedBy', { name: h.to.displayName, date });
}

/** The decided handovers the caller took part in, newest first; sorted, filtered and exported like every list. */
export function DecidedHandovers({ handovers }: { handovers: readonly HandoverView[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState>({ key: 'decidedAt', direction: 'descending' });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const child = (h: HandoverView) => (h.childName ? childName(h.childName, t) : t('handovers.childHidden'));
  const columns: Column<HandoverView>[] = [
    {
      key: 'child',
      header: t('handovers.child'),
      value: child,
      render: (h) => (
        <>
          {h.childName ? <Anchor component={Link} to={`/child/${h.childId}`} fw={600}>{child(h)}</Anchor> : <Text fw={600}>{child(h)}</Text>}
          <Text size="xs" c="dimmed">{t('handovers.proposedAt', { date: formatDate(h.proposedAt), name: h.proposedBy.displayName })}</Text>
        </>
      ),
    },
    { key: 'lifeStage', header: t('handovers.lifeStage'), value: (h) => t(`handovers.lifeStages.${h.lifeStage}`) },
    { key: 'from', header: t('handovers.from'), value: (h) => h.from?.displayName ?? t('common.none') },
    {
      key: 'receiver',
      header: t('handovers.receiver'),
      value: (h) => `${h.to.displayName}, ${h.toOrganisation.name}`,
      render: (h) => (
        <>
          {h.to.displayName}
          <Text size="xs" c="dimmed">{h.toOrganisation.name}</Text>
          <Text size="xs" c="dimmed">{t('handovers.basisLine', { basis: t(`careTeam.bases.${h.basis}`) })}</Text>
        </>
      ),
    },
    {
      key: 'decision',
      header: t('handovers.decision'),
      value: (h) => `${t(`handovers.statuses.${h.status}`)}: ${decisionLine(h, t)}`,
      render: (h) => (
        <>
          <Badge variant="light" tt="none" color={h.status === 'accepted' ? 'samsyn' : 'gray'}>{t(`handovers.statuses.${h.status}`)}</Badge>
          <Text size="xs" c="dimmed">{decisionLine(h, t)}</Text>
        </>
      ),
    },
    // Sorts by when it was decided; the date is in the decision's line, so it is not shown twice.
    { key: 'decidedAt', header: t('handovers.decidedAt'), value: (h) => decidedOn(h) ?? '', render: (h) => { const at = decidedOn(h); return at ? formatDate(at) : t('common.none'); }, nowrap: true },
  ];
  const needle = search.trim().toLocaleLowerCase('sv');
  const filtered = handovers.filter((h) => (!outcome || h.status === outcome) && (!needle || columns.map((c) => String(c.value(h))).join(' ').toLocaleLowerCase('sv').includes(needle)));
  const sorted = sortRows(filtered, columns, sort);
  const page = usePage(sorted, `${outcome}|${needle}|${sort.key}|${sort.direction}`);
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('handovers.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select label={t('handovers.decision')} placeholder={t('handovers.allDecisions')} data={outcomes.map((o) => ({ value: o, label: t(`handovers.statuses.${o}`) }))} value={outcome} onChange={setOutcome} clearable w={220} />
      </Group>
      <ListToolbar from={page.from} to={page.to} count={sorted.length} total={handovers.length} onExport={() => {
        const out = exportRows(sorted, columns);
        downloadCsv(`${t('handovers.exportFile')}-${today()}.csv`, toCsv(out.header, out.rows));
      }} />
      <SortableTable caption={t('handovers.decidedCaption')} columns={columns} rows={page.rows} rowKey={(h) => h.id} sort={sort} onSort={setSort} empty={t('table.none')} />
      <TablePages page={page.page} pageCount={page.pageCount} onChange={page.setPage} />
    </Stack>
  );
}
