import { Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { pdsaActs, type ProjectView, type Language } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { today } from '../common/format.ts';
import { useImprovementChange } from './useImprovement.ts';

/** Records a PDSA cycle: the change idea, plan with its prediction, do, study, act, and dates. */
export function PdsaForm({ project }: { project: ProjectView }) {
  const { t, i18n } = useTranslation();
  const empty = { changeIdeaId: project.changeIdeas[0]?.id ?? '', title: '', plan: '', prediction: '', doNotes: '', study: '', act: null as string | null, startsOn: today(), endsOn: '' };
  const [form, setForm] = useState(empty);
  const save = useImprovementChange<ProjectView>(`/api/improvement/projects/${project.id}/pdsa`);
  const set = (k: keyof typeof empty) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <form aria-labelledby="pdsa-form" onSubmit={(e) => { e.preventDefault(); save.mutate({ ...form, endsOn: form.endsOn || null }, { onSuccess: () => setForm(empty) }); }}>
      <Stack gap="xs">
        <h3 id="pdsa-form">{t('improvement.newPdsa')}</h3>
        <Select label={t('improvement.changeIdea')} data={project.changeIdeas.map((c) => ({ value: c.id, label: c.title }))} value={form.changeIdeaId} onChange={(v) => setForm({ ...form, changeIdeaId: v ?? '' })} allowDeselect={false} required />
        <TextInput label={t('improvement.pdsaTitle')} value={form.title} onChange={set('title')} required />
        <Textarea label={t('improvement.plan')} value={form.plan} onChange={set('plan')} required />
        <Textarea label={t('improvement.prediction')} value={form.prediction} onChange={set('prediction')} required />
        <Textarea label={t('improvement.do')} value={form.doNotes} onChange={set('doNotes')} />
        <Textarea label={t('improvement.study')} value={form.study} onChange={set('study')} />
        <Select label={t('improvement.act')} data={pdsaActs.map((a) => ({ value: a, label: t(`improvement.acts.${a}`) }))} value={form.act} onChange={(v) => setForm({ ...form, act: v })} clearable />
        <Group>
          <TextInput type="date" label={t('improvement.startsOn')} value={form.startsOn} onChange={set('startsOn')} required />
          <TextInput type="date" label={t('improvement.endsOn')} value={form.endsOn} onChange={set('endsOn')} />
        </Group>
        <Group><Button type="submit" loading={save.isPending}>{t('improvement.savePdsa')}</Button></Group>
        {save.isError && <Text c="red.8" role="alert">{errorText(save.error, t, i18n.language as Language)}</Text>}
        {save.isSuccess && <Text role="status">{t('improvement.saved')}</Text>}
      </Stack>
    </form>
  );
}
