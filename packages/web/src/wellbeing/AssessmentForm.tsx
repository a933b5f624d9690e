import { Fieldset, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { stockholmDate, type AreaAnswer, type WheelModelVersion } from '@samsyn/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { errorText } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { AreaIcon } from './icons.tsx';
import { inLanguage } from './text.ts';
import { useDraft } from './useDraft.ts';
import { useRecordAssessment } from './useWellbeing.ts';
import { now } from '../common/clock.ts';

interface Draft {
  occurredOn: string;
  answers: AreaAnswer[];
}

/** A professional's assessment: per area what is going well, what worries, and a rating if it helps. */
export function AssessmentForm({ childId, model, onCancel, onSaved }: { childId: string; model: WheelModelVersion; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordAssessment(childId);
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`professional.${childId}.${model.id}`, () => ({
    occurredOn: stockholmDate(now()),
    answers: model.content.areas.map((a) => ({ area: a.code, rating: null, strengths: '', worries: '' })),
  }));
  const setAnswer = (i: number, change: Partial<AreaAnswer>) => setDraft({ ...draft, answers: draft.answers.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  const dateIssue = isApiError(record.error, 400) ? record.error.fieldIssues().get('occurredOn')?.[0]?.message : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const answers = draft.answers.filter((a) => a.rating !== null || a.strengths.trim() || a.worries.trim());
    record.mutate(
      { respondent: 'professional', occurredOn: draft.occurredOn, modelVersionId: model.id, answers, important: '' },
      {
        onSuccess: () => {
          clearDraft();
          onSaved();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('wellbeing.record.intro')}</Text>
        <TextInput type="date" label={t('wellbeing.date')} value={draft.occurredOn} onChange={(e) => setDraft({ ...draft, occurredOn: e.currentTarget.value })} required maw={220} error={dateIssue ? t('wellbeing.record.dateInvalid') : undefined} />
        {model.content.areas.map((area, i) => (
          <Fieldset key={area.code} legend={<span className="wheel-legend"><AreaIcon icon={area.icon} size={22} /> {inLanguage(area.label)}</span>}>
            <Text size="sm">{inLanguage(area.definition)}</Text>
            <List size="sm" c="dimmed" mt={4} mb="xs">
              {area.questions.map((q, k) => <List.Item key={k}>{inLanguage(q)}</List.Item>)}
            </List>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t('wellbeing.record.rating')}
                value={draft.answers[i]?.rating === null || draft.answers[i]?.rating === undefined ? '' : String(draft.answers[i]!.rating)}
                onChange={(e) => setAnswer(i, { rating: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
                data={[{ value: '', label: t('wellbeing.noRating') }, ...model.content.scale.map((p) => ({ value: String(p.value), label: `${p.value} – ${inLanguage(p.label)}` }))]}
              />
              <Textarea label={t('wellbeing.record.strengths')} autosize minRows={2} maxLength={2000} value={draft.answers[i]?.strengths ?? ''} onChange={(e) => setAnswer(i, { strengths: e.currentTarget.value })} />
              <Textarea label={t('wellbeing.record.worries')} autosize minRows={2} maxLength={2000} value={draft.answers[i]?.worries ?? ''} onChange={(e) => setAnswer(i, { worries: e.currentTarget.value })} />
            </SimpleGrid>
          </Fieldset>
        ))}
        <FormError text={record.error ? errorText(record.error, t, currentLanguage()) : null} />
        <FormActions onCancel={onCancel} saving={record.isPending} />
      </Stack>
    </form>
  );
}
