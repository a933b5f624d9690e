import { Button, Fieldset, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { ApplicationView, FundView, Language } from '@samsyn/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { api } from '../api/client.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { useDraft } from '../children/useDraft.ts';
import { errorText } from '../common/errors.ts';
import { useIndicators } from '../indicators/useIndicators.ts';
import { now } from '../common/clock.ts';

interface Draft { callId: string | null; title: string; applicantOrganisationId: string | null; targetGroup: string; ageFrom: number; ageTo: number; intervention: string; partnerOrganisationIds: string[]; budget: { year: number; amount: number }[]; expectedEffects: string; indicatorIds: string[]; projectStart: string; projectEnd: string }

/**
 * A new application (a draft the applicant submits from its page): offered when the server says
 * `actions.apply`, for the organisations where the caller is a coordinator or unit manager. A long
 * form: what is typed is kept as a draft in the tab until it is saved.
 */
export function ApplicationForm({ fund }: { fund: FundView }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const organisations = useOrganisations();
  const indicators = useIndicators();
  const navigate = useNavigate();
  const client = useQueryClient();
  const own = [...new Set(me.roles.filter((r) => r.role === 'collaboration_coordinator' || r.role === 'unit_manager').map((r) => r.organisationId))];
  const year = now().getFullYear();
  const initial: Draft = { callId: fund.calls[0]?.id ?? null, title: '', applicantOrganisationId: own[0] ?? null, targetGroup: '', ageFrom: 0, ageTo: 18, intervention: '', partnerOrganisationIds: [], budget: [{ year, amount: 0 }], expectedEffects: '', indicatorIds: [], projectStart: '', projectEnd: '' };
  const [form, setForm, clear] = useDraft<Draft>(`fund-application-${fund.id}`, initial);
  const create = useMutation({
    mutationFn: (input: unknown) => api<ApplicationView>('POST', '/api/fund/applications', input),
    onSuccess: async (a) => {
      clear();
      await client.invalidateQueries({ queryKey: ['fund'] });
      void navigate(`/operations/fund/applications/${a.id}`);
    },
  });
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setForm({ ...form, [k]: v });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...form, projectStart: form.projectStart || null, projectEnd: form.projectEnd || null });
  };
  const setBudget = (i: number, change: Partial<Draft['budget'][number]>) => set('budget', form.budget.map((b, j) => (j === i ? { ...b, ...change } : b)));
  return (
    <form onSubmit={submit} aria-labelledby="fund-apply">
      <Stack gap="sm" maw={720}>
        <Title order={2} id="fund-apply">{t('improvementForms.newApplication')}</Title>
        <Text size="sm" c="dimmed">{t('improvementForms.draftKept')}</Text>
        <Select label={t('improvementForms.call')} data={fund.calls.map((c) => ({ value: c.id, label: `${c.title} (${c.opensOn}–${c.closesOn})` }))} value={form.callId} onChange={(v) => set('callId', v)} required allowDeselect={false} />
        <TextInput label={t('improvementForms.applicationTitle')} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} required maxLength={200} />
        <Select label={t('improvementForms.applicant')} data={own.map((id) => ({ value: id, label: orgName(id) }))} value={form.applicantOrganisationId} onChange={(v) => set('applicantOrganisationId', v)} required allowDeselect={false} />
        <MultiSelect label={t('improvementForms.partners')} data={(organisations.data ?? []).filter((o) => o.id !== form.applicantOrganisationId).map((o) => ({ value: o.id, label: o.name }))} value={form.partnerOrganisationIds} onChange={(v) => set('partnerOrganisationIds', v)} searchable clearable />
        <Textarea label={t('improvementForms.targetGroup')} value={form.targetGroup} onChange={(e) => set('targetGroup', e.currentTarget.value)} required autosize minRows={2} />
        <Group grow>
          <NumberInput label={t('improvementForms.ageFrom')} min={0} max={18} value={form.ageFrom} onChange={(v) => set('ageFrom', Number(v) || 0)} required />
          <NumberInput label={t('improvementForms.ageTo')} min={0} max={18} value={form.ageTo} onChange={(v) => set('ageTo', Number(v) || 0)} required />
        </Group>
        <Textarea label={t('improvementForms.intervention')} value={form.intervention} onChange={(e) => set('intervention', e.currentTarget.value)} required autosize minRows={3} />
        <Textarea label={t('improvementForms.expectedEffects')} value={form.expectedEffects} onChange={(e) => set('expectedEffects', e.currentTarget.value)} required autosize minRows={2} />
        <MultiSelect label={t('improvementForms.indicators')} data={(indicators.data ?? []).map((i) => ({ value: i.id, label: i18n.language === 'en' ? i.nameEn : i.nameSv }))} value={form.indicatorIds} onChange={(v) => set('indicatorIds', v)} searchable clearable />
        <Fieldset legend={t('improvementForms.budget')}>
          <Stack gap="xs">
            {form.budget.map((b, i) => (
              <Group key={i} align="flex-end">
                <NumberInput label={t('improvementForms.year', { n: i + 1 })} min={2000} max={2100} value={b.year} onChange={(v) => setBudget(i, { year: Number(v) || year })} required />
                <NumberInput label={t('improvementForms.amount', { n: i + 1 })} min={0} step={1000} thousandSeparator=" " value={b.amount} onChange={(v) => setBudget(i, { amount: Number(v) || 0 })} required />
                {form.budget.length > 1 && <Button variant="default" onClick={() => set('budget', form.budget.filter((_, j) => j !== i))} aria-label={t('improvementForms.removeYear', { n: i + 1 })}>{t('improvementForms.remove')}</Button>}
              </Group>
            ))}
            <Group><Button variant="light" onClick={() => set('budget', [...form.budget, { year: (form.budget.at(-1)?.year ?? year) + 1, amount: 0 }])}>{t('improvementForms.addYear')}</Button></Group>
          </Stack>
        </Fieldset>
        <Group grow>
          <TextInput type="date" label={t('improvementForms.projectStart')} value={form.projectStart} onChange={(e) => set('projectStart', e.currentTarget.value)} />
          <TextInput type="date" label={t('improvementForms.projectEnd')} value={form.projectEnd} onChange={(e) => set('projectEnd', e.currentTarget.value)} />
        </Group>
        {create.isError && <Text c="red.8" role="alert">{errorText(create.error, t, i18n.language as Language)}</Text>}
        <Group>
          <Button type="submit" loading={create.isPending}>{t('improvementForms.saveApplication')}</Button>
          <Button variant="default" onClick={clear}>{t('improvementForms.clearDraft')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
