import { Button, Fieldset, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { ApplicationView, Language } from '@samsyn/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { errorText } from '../common/errors.ts';
import { today } from '../common/format.ts';
import { useStep } from './useFund.ts';

interface Draft { reportedOn: string; summary: string; values: { indicatorId: string | null; period: string; value: number | '' }[] }

/** A granted project's report, with its indicators' values (also in the follow-up years); a draft kept in the tab. */
export function ReportForm({ a }: { a: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const initial: Draft = { reportedOn: today(), summary: '', values: [] };
  const [form, setForm, clear] = useDraft<Draft>(`fund-report-${a.id}`, initial);
  const save = useStep(a.id, 'reports');
  const indicators = a.indicators.map((n) => ({ value: n.id, label: i18n.language === 'en' ? n.nameEn : n.nameSv }));
  const setValue = (i: number, change: Partial<Draft['values'][number]>) => setForm({ ...form, values: form.values.map((v, j) => (j === i ? { ...v, ...change } : v)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const indicatorValues = form.values.filter((v) => v.indicatorId && v.value !== '').map((v) => ({ indicatorId: v.indicatorId!, period: v.period, value: Number(v.value) }));
    save.mutate({ reportedOn: form.reportedOn, summary: form.summary, indicatorValues }, { onSuccess: clear });
  };
  return (
    <form onSubmit={submit} aria-labelledby="fund-report">
      <Stack gap="xs" maw={720}>
        <Title order={2} id="fund-report">{t('improvementForms.newReport')}</Title>
        <TextInput type="date" label={t('improvementForms.reportedOn')} value={form.reportedOn} onChange={(e) => setForm({ ...form, reportedOn: e.currentTarget.value })} required />
        <Textarea label={t('improvementForms.reportSummary')} value={form.summary} onChange={(e) => setForm({ ...form, summary: e.currentTarget.value })} required autosize minRows={3} />
        {indicators.length > 0 && (
          <Fieldset legend={t('improvementForms.indicatorValues')}>
            <Stack gap="xs">
              {form.values.map((v, i) => (
                <Group key={i} align="flex-end">
                  <Select label={t('improvementForms.valueIndicator', { n: i + 1 })} data={indicators} value={v.indicatorId} onChange={(x) => setValue(i, { indicatorId: x })} required />
                  <TextInput label={t('improvementForms.valuePeriod', { n: i + 1 })} value={v.period} onChange={(e) => setValue(i, { period: e.currentTarget.value })} required maxLength={20} w={120} />
                  <NumberInput label={t('improvementForms.valueValue', { n: i + 1 })} value={v.value} onChange={(x) => setValue(i, { value: x === '' ? '' : Number(x) })} required w={140} decimalSeparator={i18n.language === 'en' ? '.' : ','} />
                  <Button variant="default" onClick={() => setForm({ ...form, values: form.values.filter((_, j) => j !== i) })} aria-label={t('improvementForms.removeValue', { n: i + 1 })}>{t('improvementForms.remove')}</Button>
                </Group>
              ))}
              <Group><Button variant="light" onClick={() => setForm({ ...form, values: [...form.values, { indicatorId: indicators[0]!.value, period: form.reportedOn.slice(0, 4), value: '' }] })}>{t('improvementForms.addValue')}</Button></Group>
            </Stack>
          </Fieldset>
        )}
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.saveReport')}</Button></Group>
        {save.isError && <Text c="red.8" role="alert">{errorText(save.error, t, i18n.language as Language)}</Text>}
        {save.isSuccess && <Text role="status">{t('improvementForms.reportSaved')}</Text>}
      </Stack>
    </form>
  );
}
