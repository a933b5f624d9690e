import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { WheelModelContent, type LocalizedText, type WheelModelVersion } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { VersionsTable } from '../common/VersionsTable.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { AreaIcon } from './icons.tsx';
import { inLanguage } from './text.ts';
import { useSaveModel, useWheelModels } from './useWellbeing.ts';

/**
 * The county's wheel: its labels, questions, child-friendly words and scale. Saving makes the next
 * version; assessments keep the version they were made with, so nothing already written changes.
 */
export function WheelModelPage() {
  const { t } = useTranslation();
  const models = useWheelModels();
  const status = useStatus();
  if (models.isPending) return <Loading />;
  if (models.isError) return <LoadError error={models.error} onRetry={() => void models.refetch()} />;
  const { current, versions } = models.data;
  return (
    <Stack gap="lg" maw={1100}>
      <PageTitle>{t('wellbeing.admin.title')}</PageTitle>
      <Text>{t('wellbeing.admin.intro', { version: current.version })}</Text>
      <StatusMessage status={status.status} onClose={status.clear} />
      <section aria-labelledby="versions-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="versions-heading">{t('wellbeing.admin.versions')}</Title>
          <VersionsTable versions={versions} caption={t('wellbeing.admin.versions')} exportFile={'wheel-versions'} />
        </Stack>
      </section>
      <ModelForm key={current.id} current={current} onSaved={(v) => status.success(t('wellbeing.admin.saved', { version: v.version }))} />
    </Stack>
  );
}

function Pair({ label, value, onChange, long = false }: { label: string; value: LocalizedText; onChange: (v: LocalizedText) => void; long?: boolean }) {
  const { t } = useTranslation();
  const Input = long ? Textarea : TextInput;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Input label={`${label} (${t('wellbeing.admin.sv')})`} value={value.sv} onChange={(e) => onChange({ ...value, sv: e.currentTarget.value })} autosize={long || undefined} />
      <Input label={`${label} (${t('wellbeing.admin.en')})`} value={value.en} onChange={(e) => onChange({ ...value, en: e.currentTarget.value })} autosize={long || undefined} lang="en" />
    </SimpleGrid>
  );
}

function ModelForm({ current, onSaved }: { current: WheelModelVersion; onSaved: (v: WheelModelVersion) => void }) {
  const { t } = useTranslation();
  const save = useSaveModel();
  const [content, setContent] = useState(current.content);
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const setArea = (i: number, change: Partial<WheelModelContent['areas'][number]>) => setContent({ ...content, areas: content.areas.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  const setPoint = (i: number, change: Partial<WheelModelContent['scale'][number]>) => setContent({ ...content, scale: content.scale.map((p, j) => (j === i ? { ...p, ...change } : p)) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = WheelModelContent.safeParse(content);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    save.mutate({ basedOn: current.version, note, content: parsed.data }, { onSuccess: onSaved });
  }

  const error = invalid ? t('wellbeing.admin.invalid') : isApiError(save.error, 409) ? t('wellbeing.admin.stale') : save.error ? errorText(save.error, t, currentLanguage()) : null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="edit-heading" className="page-panel">
      <Stack gap="md" p="lg">
        <Title order={2} size="h3" id="edit-heading">{t('wellbeing.admin.edit')}</Title>
        <Text size="sm">{t('wellbeing.admin.editIntro')}</Text>
        <Pair label={t('wellbeing.admin.name')} value={content.name} onChange={(name) => setContent({ ...content, name })} />
        {content.areas.map((area, i) => (
          <Fieldset key={area.code} legend={<span className="wheel-legend"><AreaIcon icon={area.icon} size={22} /> {inLanguage(area.label)} ({area.code})</span>}>
            <Stack gap="xs">
              <Pair label={t('wellbeing.admin.label')} value={area.label} onChange={(label) => setArea(i, { label })} />
              <Pair label={t('wellbeing.admin.definition')} value={area.definition} onChange={(definition) => setArea(i, { definition })} long />
              {area.questions.map((q, k) => (
                <Pair key={k} label={t('wellbeing.admin.question', { n: k + 1 })} value={q} onChange={(v) => setArea(i, { questions: area.questions.map((x, m) => (m === k ? v : x)) })} />
              ))}
              <Pair label={t('wellbeing.admin.childLabel')} value={area.child.label} onChange={(label) => setArea(i, { child: { ...area.child, label } })} />
              <Pair label={t('wellbeing.admin.childQuestion')} value={area.child.question} onChange={(question) => setArea(i, { child: { ...area.child, question } })} />
            </Stack>
          </Fieldset>
        ))}
        <Fieldset legend={t('wellbeing.admin.scale')}>
          <Stack gap="xs">
            {content.scale.map((p, i) => (
              <Stack key={p.value} gap={4}>
                <Text size="sm" fw={600}>{t('wellbeing.admin.point', { value: p.value })}</Text>
                <Pair label={t('wellbeing.admin.pointLabel')} value={p.label} onChange={(label) => setPoint(i, { label })} />
                <Pair label={t('wellbeing.admin.pointChild')} value={p.childLabel} onChange={(childLabel) => setPoint(i, { childLabel })} />
              </Stack>
            ))}
          </Stack>
        </Fieldset>
        <TextInput label={t('wellbeing.admin.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <FormError text={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t('wellbeing.admin.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
