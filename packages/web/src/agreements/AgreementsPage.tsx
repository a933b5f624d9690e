import { Button, Group, List, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import type { AgreementList, AgreementView, CostTotal, PlacementList, PlacementView, TrainingList, TrainingRecordView } from '@samsyn/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { formatDate, formatNumber } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';
import { ToneBadge } from '../action-plans/StatusBadge.tsx';
import { AgreementCreateForm, AgreementOwnersForm, AgreementVersionForm } from './AgreementForms.tsx';
import { PlacementCostForm, PlacementCreateForm, TrainingRecordForm } from './PlacementForms.tsx';

/** A dialogue with one form; the tab's status line says what was saved once it closes. */
function FormDialog({ title, opened, onClose, children }: { title: string; opened: boolean; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>{children}</Modal>;
}

/** Verksamhet › Överenskommelser: the library, joint placements' shared costs, and training. */
export function AgreementsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t('agreements.title')}</PageTitle>
      <Text>{t('agreements.intro')}</Text>
      <Tabs defaultValue="library" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="library">{t('agreements.tabs.library')}</Tabs.Tab>
          <Tabs.Tab value="placements">{t('agreements.tabs.placements')}</Tabs.Tab>
          <Tabs.Tab value="training">{t('agreements.tabs.training')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="library" pt="md"><Library /></Tabs.Panel>
        <Tabs.Panel value="placements" pt="md"><Placements /></Tabs.Panel>
        <Tabs.Panel value="training" pt="md"><Training /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Exports({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <Group gap="md">
      <a href={`${path}?format=xlsx&lang=${lang}`} download>{t('agreements.exportExcel')}</a>
      <a href={`${path}?format=csv&lang=${lang}`} download>{t('agreements.exportServerCsv')}</a>
    </Group>
  );
}

function Query<T>({ path, children }: { path: string; children: (data: T) => React.ReactNode }) {
  const q = useQuery({ queryKey: ['agreements', path], queryFn: () => api<T>('GET', path) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <>{children(q.data)}</>;
}

// The action plans' badge pairs (dark on pale, above 4.5:1), each with a symbol and a word.
const statusTone = { current: ['closed', '✓'], revision_soon: ['soon_late', '⚠'], revision_overdue: ['late', '✕'], expired: ['not_started', '○'] } as const;

function Library() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [versioning, setVersioning] = useState<AgreementView | null>(null);
  const [owning, setOwning] = useState<AgreementView | null>(null);
  const [done, setDone] = useState('');
  const columns: Column<AgreementView>[] = [
    { key: 'title', header: t('agreements.agreementTitle'), value: (a) => a.title },
    { key: 'kind', header: t('agreements.kind'), value: (a) => t(`agreements.kinds.${a.kind}`) },
    { key: 'parties', header: t('agreements.parties'), value: (a) => a.parties.map((p) => p.name).join(', ') },
    { key: 'owners', header: t('agreements.owners'), value: (a) => a.owners.map((o) => o.name).join(', ') },
    { key: 'valid', header: t('agreements.valid'), value: (a) => `${formatDate(a.validFrom)} – ${a.validUntil ? formatDate(a.validUntil) : ''}` },
    { key: 'revision', header: t('agreements.revisionDue'), value: (a) => a.revisionDueOn, render: (a) => formatDate(a.revisionDueOn), nowrap: true },
    { key: 'status', header: t('agreements.status'), value: (a) => t(`agreements.statuses.${a.status}`), render: (a) => <ToneBadge tone={statusTone[a.status][0]} symbol={statusTone[a.status][1]}>{t(`agreements.statuses.${a.status}`)}</ToneBadge> },
    { key: 'version', header: t('agreements.version'), value: (a) => a.currentVersion },
    { key: 'actions', header: t('workspaces.actions'), value: () => '', sortable: false, exported: false, render: (a) => (a.canEdit ? (
      // The server's canEdit is also who may change the owners (owners, a party's coordinators).
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" variant="light" onClick={() => setVersioning(a)} aria-label={t('opsForms2.agreement.newVersionNamed', { title: a.title })}>{t('opsForms2.agreement.newVersion')}</Button>
        <Button size="xs" variant="light" onClick={() => setOwning(a)} aria-label={t('opsForms3.owners.changeNamed', { title: a.title })}>{t('opsForms3.owners.change')}</Button>
      </Group>
    ) : null) },
  ];
  return (
    <Query<AgreementList> path="/api/agreements">
      {(data) => (
        <Stack>
          {data.canCreate && <Button w="fit-content" onClick={() => setCreating(true)}>{t('opsForms2.agreement.new')}</Button>}
          <Text role="status">{done}</Text>
          <FormDialog title={t('opsForms2.agreement.new')} opened={creating} onClose={() => setCreating(false)}>
            <AgreementCreateForm onDone={(saved) => { setCreating(false); if (saved) setDone(t('opsForms2.agreement.created')); }} />
          </FormDialog>
          <FormDialog title={versioning ? t('opsForms2.agreement.versionTitle', { title: versioning.title }) : ''} opened={versioning !== null} onClose={() => setVersioning(null)}>
            {versioning && (
              <Stack>
                <Text fw={600}>{t('opsForms2.agreement.versions')}</Text>
                <List size="sm">{versioning.versions.map((v) => <List.Item key={v.version}>{v.version}: {v.summary} ({formatDate(v.decidedOn)}, {v.recordedBy.name})</List.Item>)}</List>
                <AgreementVersionForm agreement={versioning} onDone={(saved) => { setVersioning(null); if (saved) setDone(t('opsForms2.agreement.versionSaved')); }} />
              </Stack>
            )}
          </FormDialog>
          <FormDialog title={owning ? t('opsForms3.owners.title', { title: owning.title }) : ''} opened={owning !== null} onClose={() => setOwning(null)}>
            {owning && <AgreementOwnersForm agreement={owning} onDone={(saved) => { setOwning(null); if (saved) setDone(t('opsForms3.owners.saved')); }} />}
          </FormDialog>
          <Exports path="/api/agreements/export" />
          <FilteredTable rows={data.agreements} columns={columns} caption={t('agreements.tabs.library')} rowKey={(a) => a.id} empty={t('agreements.none')} exportFile={t('agreements.libraryFile')} sortKey="revision" />
        </Stack>
      )}
    </Query>
  );
}

const kr = (n: number) => `${formatNumber(n)} kr`;

function Placements() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [done, setDone] = useState('');
  type Row = PlacementView['costs'][number] & { placement: PlacementView; key: string };
  const columns: Column<Row>[] = [
    { key: 'ref', header: t('agreements.caseReference'), value: (r) => r.placement.caseReference },
    { key: 'municipality', header: t('agreements.municipality'), value: (r) => r.placement.municipality.name },
    { key: 'share', header: t('agreements.regionShare'), value: (r) => r.placement.regionSharePercent, render: (r) => `${formatNumber(r.placement.regionSharePercent)} %` },
    { key: 'year', header: t('agreements.year'), value: (r) => r.year },
    { key: 'amount', header: t('agreements.amount'), value: (r) => r.amount, render: (r) => kr(r.amount), nowrap: true },
    { key: 'region', header: t('agreements.regionPart'), value: (r) => r.region, render: (r) => kr(r.region), nowrap: true },
    { key: 'municipalityPart', header: t('agreements.municipalityPart'), value: (r) => r.municipality, render: (r) => kr(r.municipality), nowrap: true },
  ];
  const totalColumns: Column<CostTotal & { key: string }>[] = [
    { key: 'organisation', header: t('agreements.organisation'), value: (x) => x.organisation.name },
    { key: 'year', header: t('agreements.year'), value: (x) => x.year },
    { key: 'amount', header: t('agreements.amount'), value: (x) => x.amount, render: (x) => kr(x.amount), nowrap: true },
    { key: 'placements', header: t('agreements.placementCount'), value: (x) => x.placements },
  ];
  return (
    <Query<PlacementList> path="/api/agreements/placements">
      {(data) => (
        <Stack>
          <Text size="sm">{t('agreements.placementsIntro')}</Text>
          {data.canCreate && <Button w="fit-content" onClick={() => setCreating(true)}>{t('opsForms2.placement.new')}</Button>}
          <Text role="status">{done}</Text>
          <FormDialog title={t('opsForms2.placement.new')} opened={creating} onClose={() => setCreating(false)}>
            <PlacementCreateForm onDone={(saved) => { setCreating(false); if (saved) setDone(t('opsForms2.placement.created')); }} />
          </FormDialog>
          <Exports path="/api/agreements/placements/export" />
          <FilteredTable rows={data.placements.flatMap((p) => p.costs.map((c) => ({ ...c, placement: p, key: `${p.id}-${c.year}` })))} columns={columns} caption={t('agreements.tabs.placements')} rowKey={(r) => r.key} empty={t('agreements.noPlacements')} exportFile={t('agreements.placementsFile')} sortKey="ref" />
          {data.placements.some((p) => p.canEdit) && (
            <section aria-labelledby="placement-costs">
              <Title order={2} size="h3" id="placement-costs" mb="xs">{t('opsForms2.placement.costTitle')}</Title>
              <Stack gap="xs">{data.placements.filter((p) => p.canEdit).map((p) => <PlacementCostForm key={p.id} placement={p} />)}</Stack>
            </section>
          )}
          <Title order={2} size="h3">{t('agreements.totals')}</Title>
          <FilteredTable rows={data.totals.map((x) => ({ ...x, key: `${x.organisation.id}-${x.year}` }))} columns={totalColumns} caption={t('agreements.totals')} rowKey={(x) => x.key} empty={t('agreements.noPlacements')} exportFile={t('agreements.totalsFile')} sortKey="year" />
        </Stack>
      )}
    </Query>
  );
}

function Training() {
  const { t, i18n } = useTranslation();
  const pct = (share: number | null) => (share === null ? '–' : `${formatNumber(Math.round(share * 1000) / 10)} %`);
  const columns: Column<TrainingRecordView & { key: string }>[] = [
    { key: 'organisation', header: t('agreements.organisation'), value: (r) => r.organisation.name },
    { key: 'unit', header: t('agreements.unit'), value: (r) => r.unit.name },
    { key: 'course', header: t('agreements.course'), value: (r) => r.course.name },
    { key: 'completed', header: t('agreements.completed'), value: (r) => r.completedCount, render: (r) => `${r.completedCount} / ${r.staffCount}` },
    { key: 'share', header: t('agreements.share'), value: (r) => r.share ?? -1, render: (r) => pct(r.share) },
    { key: 'below', header: t('agreements.target'), value: (r) => (r.belowTarget ? t('agreements.belowTarget') : t('agreements.reached')), render: (r) => <ToneBadge tone={r.belowTarget ? 'late' : 'closed'} symbol={r.belowTarget ? '✕' : '✓'}>{r.belowTarget ? t('agreements.belowTarget') : t('agreements.reached')} ({r.course.targetPercent} %)</ToneBadge> },
  ];
  return (
    <Query<TrainingList> path={`/api/agreements/training?lang=${i18n.language === 'en' ? 'en' : 'sv'}`}>
      {(data) => (
        <Stack>
          <ul className="plain-list">
            {data.shares.map((s) => <li key={`${s.organisation.id}-${s.course.id}`}><Text>{t('agreements.shareLine', { organisation: s.organisation.name, course: s.course.name, share: pct(s.share), below: s.unitsBelowTarget })}</Text></li>)}
          </ul>
          <TrainingRecordForm data={data} />
          <Exports path="/api/agreements/training/export" />
          <FilteredTable rows={data.records.map((r) => ({ ...r, key: `${r.unit.id}-${r.course.id}` }))} columns={columns} caption={t('agreements.tabs.training')} rowKey={(r) => r.key} empty={t('agreements.noTraining')} exportFile={t('agreements.trainingFile')} sortKey="organisation" />
        </Stack>
      )}
    </Query>
  );
}
