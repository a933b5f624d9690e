import { Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ChangeIdeaInput, DriverInput, MeasureInput, measureFrequencies, measureKinds, measureRoles, type ProjectView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { FormError } from '../common/FormActions.tsx';
import { useCheckedChange } from './useCheckedChange.ts';

/**
 * The team's forms for its driver diagram and its family of measures (offered when the project's
 * `canEdit`): a primary driver, or a secondary one under a primary; a change idea under a driver;
 * a measure with its operational definition. The page draws the diagram and tables anew after each.
 */

export function DriverForm({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const primaries = project.drivers.filter((d) => d.parentId === null);
  const [form, setForm] = useState<{ title: string; parentId: string | null }>({ title: '', parentId: null });
  const { save, send, errors, failure, formRef } = useCheckedChange<ProjectView>(`/api/improvement/projects/${project.id}/drivers`, { ...form });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(DriverInput.safeParse(form), () => setForm({ title: '', parentId: form.parentId }));
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="driver-form">
      <Stack gap="xs">
        <Title order={3} size="h4" id="driver-form">{t('improvementForms.newDriver')}</Title>
        <FormError text={failure} />
        <TextInput label={t('improvementForms.driverTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors.title} required maxLength={300} />
        <Select
          label={t('improvementForms.driverParent')}
          description={t('improvementForms.driverParentHint')}
          placeholder={t('improvementForms.asPrimary')}
          data={primaries.map((d) => ({ value: d.id, label: d.title }))}
          value={form.parentId}
          onChange={(v) => setForm({ ...form, parentId: v })}
          error={errors.parentId}
          clearable
        />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.addDriver')}</Button></Group>
        {save.isSuccess && <Text role="status">{t('improvementForms.driverAdded')}</Text>}
      </Stack>
    </form>
  );
}

export function ChangeIdeaForm({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<{ title: string; driverId: string | null }>({ title: '', driverId: null });
  const { save, send, errors, failure, formRef } = useCheckedChange<ProjectView>(`/api/improvement/projects/${project.id}/change-ideas`, { ...form });
  const level = (parentId: string | null) => t(parentId === null ? 'improvement.primaryDriver' : 'improvement.secondaryDriver');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(ChangeIdeaInput.safeParse({ ...form, driverId: form.driverId ?? undefined }), () => setForm({ title: '', driverId: form.driverId }));
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="idea-form">
      <Stack gap="xs">
        <Title order={3} size="h4" id="idea-form">{t('improvementForms.newChangeIdea')}</Title>
        <FormError text={failure} />
        <TextInput label={t('improvementForms.changeIdeaTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors.title} required maxLength={300} />
        <Select label={t('improvementForms.ideaDriver')} data={project.drivers.map((d) => ({ value: d.id, label: `${level(d.parentId)}: ${d.title}` }))} value={form.driverId} onChange={(v) => setForm({ ...form, driverId: v })} error={errors.driverId} required searchable />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.addChangeIdea')}</Button></Group>
        {save.isSuccess && <Text role="status">{t('improvementForms.changeIdeaAdded')}</Text>}
      </Stack>
    </form>
  );
}

interface MeasureDraft { name: string; role: string | null; definition: string; kind: string | null; frequency: string }

/** A longer form: what is typed is kept as a draft in the tab until the measure is saved. */
export function MeasureForm({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const initial: MeasureDraft = { name: '', role: null, definition: '', kind: null, frequency: 'weekly' };
  const [form, setForm, clear] = useDraft<MeasureDraft>(`improvement-measure-${project.id}`, initial);
  const { save, send, errors, failure, formRef } = useCheckedChange<ProjectView>(`/api/improvement/projects/${project.id}/measures`, { ...form });
  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as never) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(MeasureInput.safeParse({ ...form, role: form.role ?? undefined, kind: form.kind ?? undefined }), clear);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="measure-form">
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h4" id="measure-form">{t('improvementForms.newMeasure')}</Title>
        <Text size="sm" c="dimmed">{t('improvementForms.draftKeptShort')}</Text>
        <FormError text={failure} />
        <TextInput label={t('improvementForms.measureName')} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} required maxLength={200} />
        <Group grow align="flex-start">
          <Select label={t('improvement.role')} data={options(measureRoles, 'improvement.roles')} value={form.role} onChange={(v) => setForm({ ...form, role: v })} error={errors.role} required />
          <Select label={t('improvementForms.kind')} description={t('improvementForms.kindHint')} data={options(measureKinds, 'improvement.kinds')} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} error={errors.kind} required />
          <Select label={t('improvementForms.frequency')} data={options(measureFrequencies, 'improvement.frequencies')} value={form.frequency} onChange={(v) => setForm({ ...form, frequency: v ?? 'weekly' })} error={errors.frequency} allowDeselect={false} required />
        </Group>
        <Textarea label={t('improvementForms.definition')} description={t('improvementForms.definitionHint')} value={form.definition} onChange={(e) => setForm({ ...form, definition: e.currentTarget.value })} error={errors.definition} required autosize minRows={3} maxLength={2000} />
        <Group><Button type="submit" loading={save.isPending}>{t('improvementForms.addMeasure')}</Button></Group>
        {save.isSuccess && <Text role="status">{t('improvementForms.measureAdded')}</Text>}
      </Stack>
    </form>
  );
}
