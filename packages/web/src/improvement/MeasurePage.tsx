import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { MeasureView, Language } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { Link, useParams } from 'react-router';
import { formatDate, formatNumber, today } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { CsvImport } from './CsvImport.tsx';
import { DataList } from './DataList.tsx';
import { MeasureChart } from './MeasureChart.tsx';
import { PhaseForm } from './PhaseForm.tsx';
import { useImprovementChange, useMeasure } from './useImprovement.ts';

type Point = MeasureView['points'][number];

/** One measure: its status in words, the charts, and a table with the same figures; members enter values here. */
export function MeasurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const measure = useMeasure(id);
  if (measure.isPending) return <Loading />;
  if (measure.isError) return <LoadError error={measure.error} onRetry={() => void measure.refetch()} />;
  const m = measure.data;
  const percent = m.kind === 'proportion';
  const fmt = (n: number | null) => (n === null ? '–' : percent ? `${formatNumber(Math.round(n * 1000) / 10)} %` : formatNumber(Math.round(n * 100) / 100));
  const notes = new Map<string, string>();
  for (const a of m.annotations) notes.set(a.period, [notes.get(a.period), `${a.title} (${a.act ? t(`improvement.acts.${a.act}`) : t('improvement.ongoing')})`].filter(Boolean).join('; '));
  const signalWords = (p: Point) => [p.inLongRun ? t('improvement.inLongRun') : '', p.outside ? t('improvement.outside') : ''].filter(Boolean).join(', ');
  return (
    <Stack>
      <Anchor component={Link} to={`/improvement/projects/${m.projectId}`}>{t('improvement.backToProject')}</Anchor>
      <PageTitle>{m.name}</PageTitle>
      <Text>{t(`improvement.roles.${m.role}`)} · {t(`improvement.kinds.${m.kind}`)} · {t(`improvement.frequencies.${m.frequency}`)}</Text>
      <Text>{t('improvement.definition')}: {m.definition}</Text>
      <Alert color={m.status === 'signal' ? 'orange' : 'gray'} title={t('improvement.runStatus')} data-status={m.status}>
        <Text>{t(`improvement.statusLong.${m.status}`)}</Text>
        <Text size="sm">{t('improvement.runFigures', { n: m.run.n, median: fmt(m.run.median), longest: m.run.longestRun, longestMax: m.run.longestRunMax ?? '–', crossings: m.run.crossings, crossingsMin: m.run.crossingsMin ?? '–' })}</Text>
      </Alert>
      <Title order={2}>{t('improvement.runChart')}</Title>
      <MeasureChart measure={m} type="run" />
      <Title order={2}>{t(m.chart === 'p' ? 'improvement.pChart' : 'improvement.iChart')}</Title>
      <MeasureChart measure={m} type="control" />
      {m.chart === 'i' && (<><Title order={3}>{t('improvement.mrChart')}</Title><MeasureChart measure={m} type="mr" /></>)}
      <Title order={2}>{t('improvement.figures')}</Title>
      <DataList
        rows={m.points}
        columns={[
          { key: 'period', header: t('improvement.period'), value: (p) => p.period, render: (p) => formatDate(p.period), nowrap: true },
          ...(percent ? [{ key: 'numerator', header: t('improvement.numerator'), value: (p: Point) => p.numerator ?? '' }, { key: 'denominator', header: t('improvement.denominator'), value: (p: Point) => p.denominator ?? '' }] : []),
          { key: 'value', header: t('improvement.value'), value: (p) => fmt(p.value) },
          { key: 'centre', header: t('improvement.centre'), value: (p) => fmt(p.centre) },
          { key: 'lcl', header: t('improvement.lcl'), value: (p) => fmt(p.lcl) },
          { key: 'ucl', header: t('improvement.ucl'), value: (p) => fmt(p.ucl) },
          { key: 'signal', header: t('improvement.signal'), value: (p) => signalWords(p) },
          { key: 'annotation', header: t('improvement.annotation'), value: (p) => notes.get(p.period) ?? '' },
        ]}
        caption={t('improvement.figuresCaption', { name: m.name })}
        exportFile={t('improvement.figuresFile')}
        searchText={(p) => `${p.period} ${notes.get(p.period) ?? ''}`}
        rowKey={(p) => p.period}
        sortKey="period"
      />
      {m.canEdit && <PhaseForm measure={m} />}
      {m.canEdit && <ValueForm measure={m} />}
      {m.canEdit && <CsvImport measure={m} />}
    </Stack>
  );
}

function ValueForm({ measure }: { measure: MeasureView }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(today());
  const [value, setValue] = useState('');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const save = useImprovementChange<MeasureView>(`/api/improvement/measures/${measure.id}/values`);
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const p = measure.kind === 'proportion';
  return (
    <form aria-labelledby="value-form" onSubmit={(e) => { e.preventDefault(); save.mutate({ values: [p ? { period, numerator: num(numerator), denominator: num(denominator) } : { period, value: num(value) }] }); }}>
      <h2 id="value-form">{t('improvement.enterValue')}</h2>
      <Group align="end" wrap="wrap">
        <TextInput type="date" label={t('improvement.period')} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} required />
        {p ? (
          <>
            <TextInput label={t('improvement.numerator')} inputMode="numeric" value={numerator} onChange={(e) => setNumerator(e.currentTarget.value)} required />
            <TextInput label={t('improvement.denominator')} inputMode="numeric" value={denominator} onChange={(e) => setDenominator(e.currentTarget.value)} required />
          </>
        ) : (
          <TextInput label={t('improvement.value')} inputMode="decimal" value={value} onChange={(e) => setValue(e.currentTarget.value)} required />
        )}
        <Button type="submit" loading={save.isPending}>{t('improvement.saveValue')}</Button>
      </Group>
      {save.isError && <Text c="red.8" role="alert">{errorText(save.error, t, i18n.language as Language)}</Text>}
      {save.isSuccess && <Text role="status">{t('improvement.saved')}</Text>}
    </form>
  );
}
