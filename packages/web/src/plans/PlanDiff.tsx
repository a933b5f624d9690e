import { Badge, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { diffPlanContents, type PlanChange, type PlanContents, type PlanRevisionView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dynamicText } from './text.ts';
import { useRevisionContents } from './usePlans.ts';

/** The changes between two contents, each named in words (`Mål 1 · Mål, mätbart formulerat`). */
export function ChangeList({ from, to }: { from: PlanContents; to: PlanContents }) {
  const { t } = useTranslation();
  const changes = diffPlanContents(from, to);
  if (changes.length === 0) return <Text size="sm" c="dimmed">{t('plans.revisions.noChanges')}</Text>;
  return (
    <Stack gap="xs" component="ul" className="plain-list">
      {changes.map((c) => (
        <li key={c.path} className="record-entry">
          <Group gap="xs">
            <Badge variant="light" color={c.kind === 'removed' ? 'red' : undefined} className={c.kind === 'added' ? 'badge-active' : undefined} tt="none">{t(`plans.revisions.kinds.${c.kind}`)}</Badge>
            <Text size="sm" fw={600}>{changeLabel(c, from, to, t)}</Text>
          </Group>
          {c.kind !== 'added' && <Text size="sm">{t('plans.revisions.before')}: {valueText(c.before, codeField(c.path), t)}</Text>}
          {c.kind !== 'removed' && <Text size="sm">{t('plans.revisions.after')}: {valueText(c.after, codeField(c.path), t)}</Text>}
        </li>
      ))}
    </Stack>
  );
}

/** Any two revisions the caller may read, compared; the newest against the one before it at first. */
export function RevisionCompare({ childId, planId, revisions }: { childId: string; planId: string; revisions: readonly PlanRevisionView[] }) {
  const { t } = useTranslation();
  const [to, setTo] = useState(String(revisions[0]?.number ?? ''));
  const [from, setFrom] = useState(String(revisions[1]?.number ?? revisions[0]?.number ?? ''));
  const options = revisions.map((r) => ({ value: String(r.number), label: t('plans.revisions.option', { number: r.number, state: t(`plans.revisionStates.${r.state}`) }) }));
  const a = useRevisionContents(childId, planId, revisions.find((r) => String(r.number) === from));
  const b = useRevisionContents(childId, planId, revisions.find((r) => String(r.number) === to));
  if (revisions.length < 2) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">{t('plans.revisions.compare')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('plans.revisions.from')} data={options} value={from} onChange={(v) => v && setFrom(v)} allowDeselect={false} />
        <Select label={t('plans.revisions.to')} data={options} value={to} onChange={(v) => v && setTo(v)} allowDeselect={false} />
      </SimpleGrid>
      <div aria-live="polite" aria-busy={a.isLoading || b.isLoading}>
        {a.contents && b.contents ? <ChangeList from={a.contents} to={b.contents} /> : <Text size="sm" c="dimmed">{t(a.isError || b.isError ? 'plans.revisions.loadFailed' : 'plans.revisions.loading')}</Text>}
      </div>
    </Stack>
  );
}

const lists = { needs: 'need', goals: 'goal', actions: 'action' } as const;

function changeLabel(change: PlanChange, from: PlanContents, to: PlanContents, t: TFunction): string {
  const [head, id, field] = change.path.split('.');
  if (head === 'coordination') return t(`plans.fields.${id === 'overallResponsibility' ? 'overallResponsibility' : 'planningLead'}`);
  if (head && head in lists && id) {
    const list = head as keyof typeof lists;
    const inTo = to[list].findIndex((i) => i.id === id);
    const position = inTo >= 0 ? inTo + 1 : from[list].findIndex((i) => i.id === id) + 1;
    const item = t(`plans.fields.${lists[list]}`, { n: position });
    return field ? `${item} · ${dynamicText(t, `plans.fields.${fieldKey(field)}`)}` : item;
  }
  return dynamicText(t, `plans.fields.${head ?? 'title'}`);
}

function fieldKey(field: string): string {
  if (field === 'description') return 'needDescription';
  if (field === 'needId') return 'needLink';
  if (field === 'goalId') return 'goalLink';
  return field;
}

/** Where a changed value is a code, the translations it is named by. */
function codeField(path: string): string | null {
  const last = path.split('.').at(-1) ?? '';
  if (last === 'area' || last === 'areas') return 'concerns.areas';
  if (last === 'part') return 'plans.parts';
  if (last === 'overallResponsibility') return 'plans.principals';
  return null;
}

/** A changed value in words: text as it is, an item by its main text, codes translated. */
function valueText(value: unknown, codes: string | null, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.none');
  if (typeof value === 'string') return codes ? dynamicText(t, `${codes}.${value}`) : value;
  if (Array.isArray(value)) return value.map((v) => valueText(v, codes, t)).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.wording === 'string') return o.wording;
    if (typeof o.what === 'string') return o.what;
    if (typeof o.description === 'string') return o.description;
    if ('team' in o) return ['team', 'child', 'guardians'].map((k) => dynamicText(t, `plans.outcomes.${(o[k] as string | null) ?? 'none'}`)).join(' / ');
  }
  return JSON.stringify(value);
}
