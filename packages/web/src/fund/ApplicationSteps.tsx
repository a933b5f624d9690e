import { Button, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ApplicationView, Language } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { today } from '../common/format.ts';
import { ReportForm } from './ReportForm.tsx';
import { useStep } from './useFund.ts';
import { now } from '../common/clock.ts';

/** Submitting a draft (the applicant), recording a disbursement (the fund manager) and a project's report, offered as the server allows. */
export function ApplicationSteps({ a }: { a: ApplicationView }) {
  return (
    <>
      {a.actions.submit && <SubmitStep a={a} />}
      {a.actions.disburse && <DisbursementForm a={a} />}
      {a.actions.report && <ReportForm a={a} />}
    </>
  );
}

function SubmitStep({ a }: { a: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const submit = useStep(a.id, 'submit');
  return (
    <section aria-labelledby="fund-submit">
      <Title order={2} id="fund-submit" mb="xs">{t('improvementForms.submitTitle')}</Title>
      <Text mb="xs">{t('improvementForms.submitText')}</Text>
      <Button onClick={() => submit.mutate({})} loading={submit.isPending}>{t('improvementForms.submit')}</Button>
      {submit.isError && <Text c="red.8" role="alert">{errorText(submit.error, t, i18n.language as Language)}</Text>}
    </section>
  );
}

function DisbursementForm({ a }: { a: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const save = useStep(a.id, 'disbursements');
  const empty = { year: a.budget[0]?.year ?? now().getFullYear(), amount: 0, paidOn: today(), note: '' };
  const [form, setForm] = useState(empty);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form, { onSuccess: () => setForm(empty) });
  };
  return (
    <form onSubmit={submit} aria-labelledby="fund-disburse">
      <Stack gap="xs" maw={560}>
        <Title order={2} id="fund-disburse">{t('improvementForms.disbursement')}</Title>
        <Group grow>
          <NumberInput label={t('improvementForms.disbursementYear')} min={2000} max={2100} value={form.year} onChange={(v) => setForm({ ...form, year: Number(v) || form.year })} required />
          <NumberInput label={t('improvementForms.disbursementAmount')} min={1} step={1000} thousandSeparator=" " value={form.amount} onChange={(v) => setForm({ ...form, amount: Number(v) || 0 })} required />
        </Group>
        <TextInput type="date" label={t('improvementForms.paidOn')} value={form.paidOn} onChange={(e) => setForm({ ...form, paidOn: e.currentTarget.value })} required />
        <TextInput label={t('improvementForms.note')} value={form.note} onChange={(e) => setForm({ ...form, note: e.currentTarget.value })} maxLength={1000} />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.saveDisbursement')}</Button></Group>
        {save.isError && <Text c="red.8" role="alert">{errorText(save.error, t, i18n.language as Language)}</Text>}
        {save.isSuccess && <Text role="status">{t('improvementForms.disbursementSaved')}</Text>}
      </Stack>
    </form>
  );
}
