import { Button, Group, Paper, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { newsletterBlockTypes, type NewsletterBlock } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionPlans } from '../action-plans/useActionPlans.ts';
import { useFund, useFunds } from '../fund/useFund.ts';
import { useIndicatorProjects, useProject } from '../improvement/useImprovement.ts';
import { useIndicators } from '../indicators/useIndicators.ts';

type BlockType = NewsletterBlock['type'];
type Change = (block: NewsletterBlock) => void;

/** A new block of a type, with what it points at still to choose (the server refuses it until chosen). */
function emptyBlock(type: BlockType): NewsletterBlock {
  if (type === 'text') return { type, heading: '', text: '' };
  if (type === 'survey') return { type, indicatorId: '', area: 'county', gender: 'T' };
  if (type === 'kolada') return { type, kpi: '', municipality: '' };
  if (type === 'run_chart') return { type, measureId: '' };
  if (type === 'action_plan') return { type, planId: '' };
  return { type, applicationId: '' };
}

/** The blocks: add, move up and down, remove; each block chooses what it shows from lists. */
export function BlockEditor({ blocks, onChange }: { blocks: NewsletterBlock[]; onChange: (blocks: NewsletterBlock[]) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<string | null>('text');
  const move = (i: number, by: number) => {
    const next = [...blocks];
    const [b] = next.splice(i, 1);
    next.splice(i + by, 0, b!);
    onChange(next);
  };
  return (
    <Stack gap="sm">
      <Title order={2}>{t('newsletter.blocks')}</Title>
      {blocks.map((b, i) => {
        const name = t('newsletter.blockNamed', { n: i + 1, type: t(`newsletter.types.${b.type}`) });
        return (
          <Paper key={i} withBorder p="md" component="section" aria-label={name}>
            <Title order={3} size="h5" mb="xs">{name}</Title>
            <BlockFields block={b} onChange={(nb) => onChange(blocks.map((x, j) => (j === i ? nb : x)))} />
            <Group gap="xs" mt="sm">
              <Button size="compact-sm" variant="default" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('newsletter.upNamed', { name })}>{t('newsletter.up')}</Button>
              <Button size="compact-sm" variant="default" disabled={i === blocks.length - 1} onClick={() => move(i, 1)} aria-label={t('newsletter.downNamed', { name })}>{t('newsletter.down')}</Button>
              <Button size="compact-sm" color="red" variant="light" onClick={() => onChange(blocks.filter((_, j) => j !== i))} aria-label={t('newsletter.removeNamed', { name })}>{t('newsletter.remove')}</Button>
            </Group>
          </Paper>
        );
      })}
      <Group align="flex-end">
        <Select label={t('newsletter.blockType')} data={newsletterBlockTypes.map((ty) => ({ value: ty, label: t(`newsletter.types.${ty}`) }))} value={adding} onChange={setAdding} allowDeselect={false} />
        <Button variant="light" onClick={() => adding && onChange([...blocks, emptyBlock(adding as BlockType)])}>{t('newsletter.addBlock')}</Button>
      </Group>
    </Stack>
  );
}

function BlockFields({ block: b, onChange }: { block: NewsletterBlock; onChange: Change }) {
  const { t } = useTranslation();
  if (b.type === 'text') {
    return (
      <Stack gap="xs">
        <TextInput label={t('newsletter.heading')} value={b.heading} onChange={(e) => onChange({ ...b, heading: e.currentTarget.value })} />
        <Textarea label={t('newsletter.text')} value={b.text} onChange={(e) => onChange({ ...b, text: e.currentTarget.value })} autosize minRows={3} required />
      </Stack>
    );
  }
  if (b.type === 'survey' || b.type === 'kolada') return <IndicatorFields block={b} onChange={onChange} />;
  if (b.type === 'run_chart') return <MeasureFields block={b} onChange={onChange} />;
  if (b.type === 'action_plan') return <PlanField block={b} onChange={onChange} />;
  return <FundField block={b} onChange={onChange} />;
}

function IndicatorFields({ block: b, onChange }: { block: Extract<NewsletterBlock, { type: 'survey' | 'kolada' }>; onChange: Change }) {
  const { t, i18n } = useTranslation();
  const indicators = useIndicators();
  const name = (i: { nameSv: string; nameEn: string }) => (i18n.language === 'en' ? i.nameEn : i.nameSv);
  if (b.type === 'survey') {
    const data = (indicators.data ?? []).filter((i) => i.source.kind === 'survey').map((i) => ({ value: i.id, label: name(i) }));
    return (
      <Stack gap="xs">
        <Select label={t('newsletter.indicator')} data={data} value={b.indicatorId || null} onChange={(v) => onChange({ ...b, indicatorId: v ?? '' })} searchable required nothingFoundMessage={t('newsletter.nothing')} />
        <Group grow>
          <TextInput label={t('newsletter.area')} description={t('newsletter.areaHelp')} value={b.area} onChange={(e) => onChange({ ...b, area: e.currentTarget.value })} />
          <Select label={t('newsletter.gender')} data={(['T', 'K', 'M'] as const).map((g) => ({ value: g, label: t(`newsletter.genders.${g}`) }))} value={b.gender} onChange={(v) => onChange({ ...b, gender: (v ?? 'T') as 'T' | 'K' | 'M' })} allowDeselect={false} />
        </Group>
      </Stack>
    );
  }
  const data = (indicators.data ?? []).filter((i) => i.source.kind === 'kolada' && /^[A-Z][0-9]{5}$/.test(i.source.ref)).map((i) => ({ value: i.source.ref, label: `${name(i)} (${i.source.ref})` }));
  return (
    <Group grow align="flex-start">
      <Select label={t('newsletter.kpi')} data={data} value={b.kpi || null} onChange={(v) => onChange({ ...b, kpi: v ?? '' })} searchable required nothingFoundMessage={t('newsletter.nothing')} />
      <TextInput label={t('newsletter.municipality')} description={t('newsletter.municipalityHelp')} value={b.municipality} onChange={(e) => onChange({ ...b, municipality: e.currentTarget.value })} required />
    </Group>
  );
}

function MeasureFields({ block: b, onChange }: { block: Extract<NewsletterBlock, { type: 'run_chart' }>; onChange: Change }) {
  const { t } = useTranslation();
  const projects = useIndicatorProjects();
  const [projectId, setProjectId] = useState<string | null>(null);
  const project = useProject(projectId ?? '');
  const measures = projectId ? (project.data?.measures ?? []) : [];
  return (
    <Group grow align="flex-start">
      <Select label={t('newsletter.project')} data={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.team})` }))} value={projectId} onChange={setProjectId} searchable nothingFoundMessage={t('newsletter.nothing')} />
      <Select label={t('newsletter.measure')} data={measures.map((m) => ({ value: m.id, label: m.name }))} value={b.measureId || null} onChange={(v) => onChange({ ...b, measureId: v ?? '' })} required disabled={!projectId} nothingFoundMessage={t('newsletter.nothing')} />
    </Group>
  );
}

function PlanField({ block: b, onChange }: { block: Extract<NewsletterBlock, { type: 'action_plan' }>; onChange: Change }) {
  const { t } = useTranslation();
  const plans = useActionPlans();
  return <Select label={t('newsletter.plan')} data={(plans.data?.plans ?? []).map((p) => ({ value: p.id, label: p.title }))} value={b.planId || null} onChange={(v) => onChange({ ...b, planId: v ?? '' })} searchable required nothingFoundMessage={t('newsletter.nothing')} />;
}

function FundField({ block: b, onChange }: { block: Extract<NewsletterBlock, { type: 'fund_story' }>; onChange: Change }) {
  const { t } = useTranslation();
  const funds = useFunds();
  const fund = useFund(funds.data?.funds[0]?.id);
  const granted = (fund.data?.applications ?? []).filter((a) => a.status === 'granted' || a.status === 'granted_with_conditions');
  return <Select label={t('newsletter.fundProject')} data={granted.map((a) => ({ value: a.id, label: `${a.title} (${a.applicant.name})` }))} value={b.applicationId || null} onChange={(v) => onChange({ ...b, applicationId: v ?? '' })} searchable required nothingFoundMessage={t('newsletter.nothing')} />;
}
