import { Alert, Button, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { isSystemAdmin, type RetentionPlan, type RetentionPlanItem, type RetentionRule, type RetentionTombstone } from '@samsyn/core';
import { toCsv } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/useCurrentUser.ts';
import { ConfirmDialog } from '../../common/ConfirmDialog.tsx';
import { downloadCsv } from '../../common/csv.ts';
import { errorText } from '../../common/errors.ts';
import { formatDate, formatNumber, today } from '../../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../../common/ListToolbar.tsx';
import { LoadError } from '../../common/LoadError.tsx';
import { Loading } from '../../common/Loading.tsx';
import { NotAllowedPage } from '../../common/NotAllowedPage.tsx';
import { PageTitle } from '../../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../../common/SortableTable.tsx';
import { StatusMessage, useStatus } from '../../common/StatusMessage.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useDryRun, useEraseNow, useRetentionRules, useSetRetentionYears, useTombstones } from './useRetention.ts';

/** Gallring: the retention rules, a dry run of what would go, erasure now, and the tombstones. System administrators only. */
export function RetentionPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const status = useStatus();
  const dryRun = useDryRun();
  const erase = useEraseNow();
  const [confirming, setConfirming] = useState<true | null>(null);
  if (!isSystemAdmin(me)) return <NotAllowedPage />;
  const plan = erase.data ?? dryRun.data;
  const error = dryRun.error ?? erase.error;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle documentTitle={t('retention.nav')}>{t('retention.title')}</PageTitle>
        <Text mt="xs">{t('retention.intro')}</Text>
      </div>
      <StatusMessage status={status.status} onClose={status.clear} />
      {/* Messages by key, drawn in the language shown (a switch translates them too). */}
      <RulesSection onSaved={(rule) => status.success((tr) => tr('retention.saved', { rule: ruleName(rule.id, tr) }))} onFailed={(e) => status.failure((tr, language) => errorText(e, tr, language))} />
      <section aria-labelledby="plan-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="plan-heading">{t('retention.planHeading')}</Title>
          <Text size="sm">{t('retention.planIntro')}</Text>
          <Group gap="sm">
            <Button onClick={() => dryRun.mutate()} loading={dryRun.isPending}>{t('retention.dryRun')}</Button>
            <Button color="red" variant="light" onClick={() => setConfirming(true)} disabled={erase.isPending}>{t('retention.eraseNow')}</Button>
          </Group>
          {error && <Alert color="red" variant="light" role="alert"><Text size="sm" className="text-error">{errorText(error, t, currentLanguage())}</Text></Alert>}
          {plan && <PlanTable plan={plan} />}
        </Stack>
      </section>
      <TombstonesSection />
      <ConfirmDialog
        item={confirming}
        onClose={() => setConfirming(null)}
        title={t('retention.confirmTitle')}
        confirmLabel={t('retention.eraseNow')}
        loading={erase.isPending}
        onConfirm={() =>
          erase.mutate(undefined, {
            onSuccess: (done) => {
              setConfirming(null);
              status.success((tr) => tr('retention.erased', { count: formatNumber(done.total) }));
            },
            onError: () => setConfirming(null),
          })
        }
      >
        {() => <Text>{t('retention.confirmText')}</Text>}
      </ConfirmDialog>
    </Stack>
  );
}


// Translation keys cannot hold a dot: `record_entry.education` is `record_entry_education` there.
const namedRules = ['record_entry', 'record_entry_education', 'record_entry_student_health', 'record_entry_social_services', 'record_entry_health_care', 'disclosure', 'audit_log'] as const;

/** A rule by its name; a rule added as data without a name yet shows its id. */
function ruleName(id: string, t: TFunction): string {
  const named = namedRules.find((r) => r === id.replace('.', '_'));
  return named ? t(`retention.rules.${named}`) : id;
}

function RulesSection({ onSaved, onFailed }: { onSaved: (rule: RetentionRule) => void; onFailed: (error: unknown) => void }) {
  const { t } = useTranslation();
  const rules = useRetentionRules();
  const [sort, setSort] = useState<SortState>({ key: 'rule', direction: 'ascending' });
  const columns: Column<RetentionRule>[] = [
    { key: 'rule', header: t('retention.rule'), value: (r) => ruleName(r.id, t), render: (r) => <Text size="sm" fw={600}>{ruleName(r.id, t)}</Text> },
    { key: 'startsFrom', header: t('retention.startsFrom'), value: (r) => t(`retention.startsFromValues.${r.startsFrom}`) },
    { key: 'years', header: t('retention.years'), value: (r) => r.effectiveYears, nowrap: true, render: (r) => <YearsField rule={r} onSaved={onSaved} onFailed={onFailed} /> },
    { key: 'default', header: t('retention.defaultYears'), value: (r) => r.defaultYears, nowrap: true },
    { key: 'legalReference', header: t('retention.legalReference'), value: (r) => r.legalReference },
  ];
  return (
    <section aria-labelledby="rules-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="rules-heading">{t('retention.rulesHeading')}</Title>
        <Text size="sm">{t('retention.rulesIntro')}</Text>
        {rules.isPending ? <Loading /> : rules.isError ? <LoadError error={rules.error} onRetry={() => void rules.refetch()} /> : (
          <SortableTable caption={t('retention.rulesCaption')} columns={columns} rows={sortRows(rules.data, columns, sort)} rowKey={(r) => r.id} sort={sort} onSort={setSort} empty={t('table.empty')} />
        )}
      </Stack>
    </section>
  );
}

function YearsField({ rule, onSaved, onFailed }: { rule: RetentionRule; onSaved: (rule: RetentionRule) => void; onFailed: (error: unknown) => void }) {
  const { t } = useTranslation();
  const save = useSetRetentionYears();
  const [value, setValue] = useState<string | number>(rule.effectiveYears);
  const name = ruleName(rule.id, t);
  const submit = (years: number | null) => save.mutate({ id: rule.id, years }, { onSuccess: onSaved, onError: onFailed });
  const valid = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100;
  return (
    <Group gap={6} wrap="nowrap">
      <NumberInput aria-label={t('retention.yearsFor', { rule: name })} value={value} onChange={setValue} min={1} max={100} step={1} allowDecimal={false} w={80} size="xs" />
      <Button size="compact-sm" variant="light" disabled={!valid || value === rule.effectiveYears} loading={save.isPending} onClick={() => submit(value as number)} aria-label={t('retention.saveFor', { rule: name })}>
        {t('common.save')}
      </Button>
      {rule.years !== null && (
        <Button size="compact-sm" variant="default" onClick={() => { setValue(rule.defaultYears); submit(null); }} aria-label={t('retention.resetFor', { rule: name })}>
          {t('retention.reset')}
        </Button>
      )}
    </Group>
  );
}

function PlanTable({ plan }: { plan: RetentionPlan }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState>({ key: 'rule', direction: 'ascending' });
  const range = (i: RetentionPlanItem) => (i.oldest ? `${formatDate(i.oldest)} – ${formatDate(i.newest ?? i.oldest)}` : '–');
  const columns: Column<RetentionPlanItem>[] = [
    { key: 'rule', header: t('retention.rule'), value: (i) => ruleName(i.ruleId, t) },
    { key: 'count', header: plan.dryRun ? t('retention.wouldGo') : t('retention.went'), value: (i) => i.count, nowrap: true, render: (i) => formatNumber(i.count) },
    { key: 'cutoff', header: t('retention.cutoff'), value: (i) => i.cutoff, nowrap: true, render: (i) => formatDate(i.cutoff) },
    { key: 'range', header: t('retention.range'), value: range, nowrap: true },
    { key: 'note', header: t('retention.note'), value: (i) => (i.skipped ? t(`retention.skipped.${i.skipped}`) : i.throughSeq ? t('retention.throughSeq', { seq: i.throughSeq }) : ''), sortable: false },
  ];
  return (
    <Stack gap="xs">
      <Text size="sm" role="status" aria-live="polite" fw={600}>
        {plan.dryRun ? t('retention.dryRunResult', { count: formatNumber(plan.total) }) : t('retention.runResult', { count: formatNumber(plan.total) })}
      </Text>
      <SortableTable caption={plan.dryRun ? t('retention.dryRunCaption') : t('retention.runCaption')} columns={columns} rows={sortRows(plan.items, columns, sort)} rowKey={(i) => i.ruleId} sort={sort} onSort={setSort} empty={t('table.empty')} />
    </Stack>
  );
}

function TombstonesSection() {
  const { t } = useTranslation();
  const tombstones = useTombstones();
  const [sort, setSort] = useState<SortState>({ key: 'erasedAt', direction: 'descending' });
  const [rule, setRule] = useState<string | null>(null);
  const columns: Column<RetentionTombstone>[] = [
    { key: 'erasedAt', header: t('retention.erasedAt'), value: (s) => formatDate(s.erasedAt), nowrap: true },
    { key: 'rule', header: t('retention.rule'), value: (s) => ruleName(s.ruleId, t) },
    { key: 'subject', header: t('retention.subject'), value: (s) => s.subject },
    { key: 'recordedAt', header: t('retention.recordedAt'), value: (s) => (s.recordedAt ? formatDate(s.recordedAt) : '–'), nowrap: true },
  ];
  const all = tombstones.data?.tombstones ?? [];
  const rules = [...new Set(all.map((s) => s.ruleId))].sort();
  const sorted = sortRows(all.filter((s) => !rule || s.ruleId === rule), columns, sort);
  const page = usePage(sorted, `${rule}|${sort.key}|${sort.direction}`);
  return (
    <section aria-labelledby="tombstones-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="tombstones-heading">{t('retention.tombstonesHeading')}</Title>
        <Text size="sm">{t('retention.tombstonesIntro')}</Text>
        {tombstones.isPending ? <Loading /> : tombstones.isError ? <LoadError error={tombstones.error} onRetry={() => void tombstones.refetch()} /> : (
          <>
            {all.length > 0 && <Select label={t('retention.rule')} placeholder={t('retention.allRules')} data={rules.map((r) => ({ value: r, label: ruleName(r, t) }))} value={rule} onChange={setRule} clearable maw={420} />}
            <ListToolbar from={page.from} to={page.to} count={sorted.length} total={all.length} onExport={() => {
              const { header, rows: cells } = exportRows(sorted, columns);
              downloadCsv(`${t('retention.exportFile')}-${today()}.csv`, toCsv(header, cells.map((r) => r.map(String))));
            }} />
            <SortableTable caption={t('retention.tombstonesCaption')} columns={columns} rows={page.rows} rowKey={(s) => s.id} sort={sort} onSort={setSort} empty={t('retention.noTombstones')} />
            <TablePages page={page.page} pageCount={page.pageCount} onChange={page.setPage} />
            {tombstones.data.total > all.length && <Text size="sm">{t('retention.tombstonesCount', { shown: formatNumber(all.length), total: formatNumber(tombstones.data.total) })}</Text>}
          </>
        )}
      </Stack>
    </section>
  );
}
