import { Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { NeedsConfigContent, type LocalizedText, type NeedsConfigVersion, type SubAreaConfig } from '@samsyn/core';
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
import { inLanguage } from '../wellbeing/text.ts';
import { useNeedsConfigs, useSaveNeedsConfig } from './useNeedsAssessments.ts';

/**
 * The county's sub-areas of the three sides. Saving makes the next version; assessments keep the
 * version they were made with. A sub-area's code is its identity: it can be renamed or removed,
 * and a new one gets a new code.
 */
export function NeedsConfigPage() {
  const { t } = useTranslation();
  const configs = useNeedsConfigs();
  const status = useStatus();
  if (configs.isPending) return <Loading />;
  if (configs.isError) return <LoadError error={configs.error} onRetry={() => void configs.refetch()} />;
  const { current, versions } = configs.data;
  return (
    <Stack gap="lg" maw={1100}>
      <PageTitle>{t('needs.admin.title')}</PageTitle>
      <Text>{t('needs.admin.intro', { version: current.version })}</Text>
      <StatusMessage status={status.status} onClose={status.clear} />
      <section aria-labelledby="needs-versions-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="needs-versions-heading">{t('needs.admin.versions')}</Title>
          <VersionsTable versions={versions} caption={t('needs.admin.versions')} exportFile={'needs-versions'} />
        </Stack>
      </section>
      <ConfigForm key={current.id} current={current} onSaved={(v) => status.success(t('needs.admin.saved', { version: v.version }))} />
    </Stack>
  );
}

function Pair({ label, value, onChange }: { label: string; value: LocalizedText; onChange: (v: LocalizedText) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={`${label} (${t('needs.admin.sv')})`} value={value.sv} onChange={(e) => onChange({ ...value, sv: e.currentTarget.value })} />
      <TextInput label={`${label} (${t('needs.admin.en')})`} value={value.en} onChange={(e) => onChange({ ...value, en: e.currentTarget.value })} lang="en" />
    </SimpleGrid>
  );
}

const blank = (): SubAreaConfig => ({ code: '', label: { sv: '', en: '' }, description: { sv: '', en: '' } });

function ConfigForm({ current, onSaved }: { current: NeedsConfigVersion; onSaved: (v: NeedsConfigVersion) => void }) {
  const { t } = useTranslation();
  const save = useSaveNeedsConfig();
  const [content, setContent] = useState(current.content);
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const setSub = (side: number, i: number, change: Partial<SubAreaConfig> | null) =>
    setContent({
      ...content,
      sides: content.sides.map((s, j) => (j !== side ? s : { ...s, subAreas: change === null ? s.subAreas.filter((_, k) => k !== i) : s.subAreas.map((x, k) => (k === i ? { ...x, ...change } : x)) })),
    });
  const addSub = (side: number) => setContent({ ...content, sides: content.sides.map((s, j) => (j === side ? { ...s, subAreas: [...s.subAreas, blank()] } : s)) });
  // A code already saved in an earlier version stays as it is: it is what assessments point at.
  const saved = new Set(current.content.sides.flatMap((s) => s.subAreas.map((x) => x.code)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = NeedsConfigContent.safeParse(content);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    save.mutate({ basedOn: current.version, note, content: parsed.data }, { onSuccess: onSaved });
  }

  const error = invalid ? t('needs.admin.invalid') : isApiError(save.error, 409) ? t('needs.admin.stale') : save.error ? errorText(save.error, t, currentLanguage()) : null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="needs-edit-heading" className="page-panel">
      <Stack gap="md" p="lg">
        <Title order={2} size="h3" id="needs-edit-heading">{t('needs.admin.edit')}</Title>
        <Text size="sm">{t('needs.admin.editIntro')}</Text>
        <Pair label={t('needs.admin.name')} value={content.name} onChange={(name) => setContent({ ...content, name })} />
        {content.sides.map((side, s) => (
          <Fieldset key={side.code} legend={`${inLanguage(side.label)} (${side.code})`}>
            <Stack gap="sm">
              <Pair label={t('needs.admin.sideLabel')} value={side.label} onChange={(label) => setContent({ ...content, sides: content.sides.map((x, j) => (j === s ? { ...x, label } : x)) })} />
              <Pair label={t('needs.admin.sideDescription')} value={side.description} onChange={(description) => setContent({ ...content, sides: content.sides.map((x, j) => (j === s ? { ...x, description } : x)) })} />
              {side.subAreas.map((sub, i) => (
                <Fieldset key={i} legend={sub.code || t('needs.admin.newSubArea')} variant="filled">
                  <Stack gap="xs">
                    <TextInput label={t('needs.admin.code')} description={t('needs.admin.codeHint')} value={sub.code} onChange={(e) => setSub(s, i, { code: e.currentTarget.value })} readOnly={saved.has(sub.code) && sub.code !== ''} maw={320} />
                    <Pair label={t('needs.admin.label')} value={sub.label} onChange={(label) => setSub(s, i, { label })} />
                    <Pair label={t('needs.admin.description')} value={sub.description} onChange={(description) => setSub(s, i, { description })} />
                    <Group justify="flex-end">
                      <Button variant="default" size="compact-sm" onClick={() => setSub(s, i, null)} aria-label={t('needs.admin.removeNamed', { name: inLanguage(sub.label) || sub.code })}>{t('needs.admin.remove')}</Button>
                    </Group>
                  </Stack>
                </Fieldset>
              ))}
              <Group>
                <Button variant="light" onClick={() => addSub(s)}>{t('needs.admin.add')}</Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <TextInput label={t('needs.admin.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <FormError text={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>{t('needs.admin.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
