import { Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ProjectInput, ProjectUpdate, type ProjectView, type TeamSummary } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDraft } from '../children/useDraft.ts';
import { FormError } from '../common/FormActions.tsx';
import { useIndicators } from '../indicators/useIndicators.ts';
import { useCheckedChange } from './useCheckedChange.ts';

/**
 * A team's improvement project: started by its members or coach (the team's `canEdit`), and its
 * aim — what, by how much, by when — and the county indicator it aims at changed later on the
 * project's page (the project's `canEdit`).
 */

interface Aim { title: string; aimWhat: string; aimHowMuch: string; aimBy: string; indicatorId: string | null }

function AimFields({ form, set, errors }: { form: Aim; set: (next: Aim) => void; errors: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const indicators = useIndicators();
  const field = (k: 'title' | 'aimWhat' | 'aimHowMuch' | 'aimBy') => ({ value: form[k], error: errors[k], onChange: (e: { currentTarget: { value: string } }) => set({ ...form, [k]: e.currentTarget.value }) });
  return (
    <>
      <TextInput label={t('improvementForms.projectTitle')} required maxLength={200} {...field('title')} />
      <Textarea label={t('improvementForms.aimWhat')} description={t('improvementForms.aimWhatHint')} required autosize minRows={2} maxLength={1000} {...field('aimWhat')} />
      <Group grow align="flex-start">
        <TextInput label={t('improvementForms.aimHowMuch')} description={t('improvementForms.aimHowMuchHint')} required maxLength={300} {...field('aimHowMuch')} />
        <TextInput type="date" label={t('improvementForms.aimBy')} required {...field('aimBy')} />
      </Group>
      <Select
        label={t('improvementForms.indicator')}
        placeholder={t('improvementForms.noIndicator')}
        data={(indicators.data ?? []).map((i) => ({ value: i.id, label: i18n.language === 'en' ? i.nameEn : i.nameSv }))}
        value={form.indicatorId}
        onChange={(v) => set({ ...form, indicatorId: v })}
        error={errors.indicatorId}
        searchable
        clearable
      />
    </>
  );
}

/** Offered on the network's page for a team without a project, when the caller is on it. */
export function StartProjectForm({ team }: { team: TeamSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const initial: Aim = { title: '', aimWhat: '', aimHowMuch: '', aimBy: '', indicatorId: null };
  const [form, setForm, clear] = useDraft<Aim>(`improvement-project-${team.id}`, initial);
  const { save, send, errors, failure, formRef } = useCheckedChange<ProjectView>(`/api/improvement/teams/${team.id}/project`, { ...form });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(ProjectInput.safeParse(form), (p) => {
      clear();
      void navigate(`/improvement/projects/${p.id}`);
    });
  };
  const heading = `start-project-${team.id}`;
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={heading}>
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h4" id={heading}>{t('improvementForms.startProject', { team: team.name })}</Title>
        <Text size="sm" c="dimmed">{t('improvementForms.draftKeptShort')}</Text>
        <FormError text={failure} />
        <AimFields form={form} set={setForm} errors={errors} />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.startProjectButton')}</Button></Group>
      </Stack>
    </form>
  );
}

/** The aim and the indicator link of a project, as it stands (the page draws it anew after a save). */
export function AimForm({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Aim>({ title: project.title, aimWhat: project.aimWhat, aimHowMuch: project.aimHowMuch, aimBy: project.aimBy, indicatorId: project.indicator?.id ?? null });
  const { save, send, errors, failure, formRef } = useCheckedChange<ProjectView>(`/api/improvement/projects/${project.id}`, { ...form }, 'PATCH');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(ProjectUpdate.safeParse(form));
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="aim-form">
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h4" id="aim-form">{t('improvementForms.changeAim')}</Title>
        <FormError text={failure} />
        <AimFields form={form} set={setForm} errors={errors} />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.saveAim')}</Button></Group>
        {save.isSuccess && <Text role="status">{t('improvementForms.aimSaved')}</Text>}
      </Stack>
    </form>
  );
}
