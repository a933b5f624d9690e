import { Alert, Anchor, Button, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { canManageTargets, targetOrganisations, type IndicatorView, type TargetRuleInput, type TargetView } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { useDraft } from '../children/useDraft.ts';
import { errorText } from '../common/errors.ts';
import { TableScroll } from '../dashboards/TableScroll.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { ruleText } from './targetText.ts';
import { useChangeTarget, useCreateTarget, useRemoveTarget, useTargets } from './useTargets.ts';

/**
 * An indicator's stored targets, one per organisation (the region for the county, or a
 * municipality), with who set them and when. The editor is offered only to those the server says
 * may change them (`canManage`).
 */
export function TargetsSection({ indicator }: { indicator: IndicatorView }) {
  const { t } = useTranslation();
  const targets = useTargets(indicator.id);
  const remove = useRemoveTarget(indicator.id);
  // Which form is open is part of the draft, so a reload reopens it with what was typed.
  const [open, setOpen, closeForm] = useDraft<{ editing: string | null }>(`target-editing:${indicator.id}`, noneOpen);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const list = targets.data?.targets ?? [];
  const editing: TargetView | 'new' | null = open.editing === 'new' ? 'new' : (list.find((x) => x.id === open.editing) ?? null);
  const setEditing = (next: TargetView | 'new' | null) => (next === null ? closeForm() : setOpen({ editing: next === 'new' ? 'new' : next.id }));
  const me = useCurrentUser();
  const manage = targets.data?.canManage ?? false;
  // The server's rule, per row: a municipality's analyst changes her own municipality's target only.
  const mayChange = (target: TargetView) => canManageTargets(me, { indicatorOwnerId: indicator.owner.id, organisationId: target.organisation.id });
  const fallback = targets.data?.defaultTargetIndicatorId ?? null;
  const done = (text: string) => {
    setEditing(null);
    setMessage({ ok: true, text });
  };
  return (
    <section aria-labelledby="targets-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="targets-heading">{t('populationTargets.heading')}</Title>
        {fallback && (
          <Text size="sm">
            {t('populationTargets.defaultsTo')} <Anchor component={Link} to={`/population/indicators/${encodeURIComponent(fallback)}`}>{fallback}</Anchor>
          </Text>
        )}
        <div role="status">{message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}</div>
        {list.length === 0 ? (
          <Text>{t('populationTargets.none')}</Text>
        ) : (
          <TableScroll label={t('dashboards.tableOf', { name: t('populationTargets.heading') })}>
            <Table aria-labelledby="targets-heading">
              <Table.Thead>
                <Table.Tr>
                  {[t('populationTargets.organisation'), t('populationTargets.rule'), t('populationTargets.setBy'), ...(manage ? [t('common.actions')] : [])].map((h) => <Table.Th scope="col" key={h}>{h}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((target) => (
                  <Table.Tr key={target.id}>
                    <Table.Th scope="row">{target.organisation.name}</Table.Th>
                    <Table.Td>{ruleText(target.rule, t)}</Table.Td>
                    <Table.Td>{`${target.setBy.displayName}, ${target.setAt.slice(0, 10)}`}</Table.Td>
                    {manage && (
                      <Table.Td>
                        {mayChange(target) && <Group gap={6} wrap="nowrap">
                          <Button size="compact-sm" variant="light" onClick={() => setEditing(target)} aria-label={t('common.editNamed', { name: target.organisation.name })}>{t('common.edit')}</Button>
                          <Button size="compact-sm" variant="default" color="red" loading={remove.isPending && remove.variables === target.id} aria-label={t('populationTargets.removeNamed', { name: target.organisation.name })} onClick={() => remove.mutate(target.id, { onSuccess: () => done(t('populationTargets.removed', { name: target.organisation.name })), onError: (e) => setMessage({ ok: false, text: errorText(e, t, currentLanguage()) }) })}>
                            {t('populationTargets.remove')}
                          </Button>
                        </Group>}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {manage && editing === null && <Button w="fit-content" onClick={() => setEditing('new')}>{t('populationTargets.add')}</Button>}
        {manage && editing !== null && <TargetForm key={editing === 'new' ? 'new' : editing.id} indicator={indicator} target={editing === 'new' ? null : editing} taken={list.map((x) => x.organisation.id)} onDone={done} onCancel={() => setEditing(null)} />}
      </Stack>
    </section>
  );
}

const noneOpen = { editing: null };

interface TargetDraft {
  organisationId: string | null;
  kind: TargetRuleInput['kind'];
  baselineYear: number | string;
  baselineValue: number | string;
  changePerYear: number | string;
  targetYear: number | string;
  targetValue: number | string;
}

function TargetForm({ indicator, target, taken, onDone, onCancel }: { indicator: IndicatorView; target: TargetView | null; taken: string[]; onDone: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const create = useCreateTarget(indicator.id);
  const change = useChangeTarget(indicator.id);
  const start = target?.rule;
  const initial = useMemo<TargetDraft>(() => ({
    organisationId: target?.organisation.id ?? null,
    kind: start?.kind ?? 'yearly_change',
    baselineYear: start?.baselineYear ?? '',
    baselineValue: start?.baselineValue ?? '',
    changePerYear: start?.kind === 'yearly_change' ? start.changePerYear : 2,
    targetYear: start?.kind === 'fixed_value' ? start.targetYear : '',
    targetValue: start?.kind === 'fixed_value' ? start.targetValue : '',
  }), [target, start]);
  // The form keeps a draft in the tab (useDraft) across a reload; sending or cancelling clears it.
  const [draft, setDraft, clearDraft] = useDraft(`target-form:${indicator.id}:${target?.id ?? 'new'}`, initial);
  const { organisationId, kind, baselineYear, baselineValue, changePerYear, targetYear, targetValue } = draft;
  const field = <K extends keyof TargetDraft>(key: K) => (value: TargetDraft[K]) => setDraft({ ...draft, [key]: value });
  const setOrganisationId = field('organisationId');
  const setKind = field('kind');
  const setBaselineYear = field('baselineYear');
  const setBaselineValue = field('baselineValue');
  const setChangePerYear = field('changePerYear');
  const setTargetYear = field('targetYear');
  const setTargetValue = field('targetValue');
  const [error, setError] = useState<string | null>(null);
  const me = useCurrentUser();
  const scope = targetOrganisations(me, indicator.owner.id);
  const places = (organisations.data ?? []).filter((o) => (o.kind === 'region' || o.kind === 'municipality') && (scope === 'all' || scope.includes(o.id)) && (o.id === target?.organisation.id || !taken.includes(o.id)));
  const num = (v: number | string) => (v === '' ? NaN : Number(v));
  const submit = () => {
    const base = { baselineYear: num(baselineYear), baselineValue: num(baselineValue) };
    const rule: TargetRuleInput = kind === 'yearly_change' ? { kind, ...base, changePerYear: num(changePerYear) } : { kind, ...base, targetYear: num(targetYear), targetValue: num(targetValue) };
    if (!organisationId || Object.values(rule).some((v) => typeof v === 'number' && Number.isNaN(v))) return setError(t('populationTargets.incomplete'));
    const name = places.find((p) => p.id === organisationId)?.name ?? '';
    const onError = (e: unknown) => setError(errorText(e, t, currentLanguage()));
    const onSuccess = () => {
      clearDraft();
      onDone(t('populationTargets.saved', { name }));
    };
    if (target) change.mutate({ targetId: target.id, rule }, { onSuccess, onError });
    else create.mutate({ organisationId, rule }, { onSuccess, onError });
  };
  return (
    <form aria-labelledby="target-form-heading" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack gap="sm" maw={520}>
        <Title order={3} size="h4" id="target-form-heading">{target ? t('populationTargets.editTitle', { name: target.organisation.name }) : t('populationTargets.add')}</Title>
        <Select label={t('populationTargets.organisation')} data={places.map((p) => ({ value: p.id, label: p.kind === 'region' ? t('populationTargets.countyOf', { name: p.name }) : p.name }))} value={organisationId} onChange={setOrganisationId} disabled={target !== null} required />
        <div>
          <Text component="label" size="sm" fw={500} id="target-kind-label">{t('populationTargets.kind')}</Text>
          <SegmentedControl aria-labelledby="target-kind-label" value={kind} onChange={(v) => setKind(v as TargetRuleInput['kind'])} data={[{ value: 'yearly_change', label: t('populationTargets.kinds.yearly_change') }, { value: 'fixed_value', label: t('populationTargets.kinds.fixed_value') }]} />
        </div>
        <Group grow>
          <NumberInput label={t('populationTargets.baselineYear')} value={baselineYear} onChange={setBaselineYear} min={1990} max={2100} allowDecimal={false} required />
          <NumberInput label={t('populationTargets.baselineValue')} value={baselineValue} onChange={setBaselineValue} decimalSeparator="," required />
        </Group>
        {kind === 'yearly_change' ? (
          <NumberInput label={t('populationTargets.changePerYear')} description={t('populationTargets.changeHint')} value={changePerYear} onChange={setChangePerYear} decimalSeparator="," required />
        ) : (
          <Group grow>
            <NumberInput label={t('populationTargets.targetYear')} value={targetYear} onChange={setTargetYear} min={1990} max={2100} allowDecimal={false} required />
            <NumberInput label={t('populationTargets.targetValue')} value={targetValue} onChange={setTargetValue} decimalSeparator="," required />
          </Group>
        )}
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group gap="sm">
          <Button type="submit" loading={create.isPending || change.isPending}>{t('common.save')}</Button>
          <Button variant="default" onClick={() => { clearDraft(); onCancel(); }}>{t('common.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
