import { Button, Stack, Text, Textarea } from '@mantine/core';
import type { AreaAnswer, SelfRatingAnswers, WheelModelVersion } from '@samsyn/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../common/FormActions.tsx';
import { AreaIcon, Face } from './icons.tsx';
import { inLanguage } from './text.ts';
import { useDraft } from './useDraft.ts';
import './wellbeing.css';


interface Draft {
  ratings: Record<string, number | null>;
  important: string;
}

/**
 * The child's own view (or a guardian's), in easy-read words: one question per area with its icon,
 * large choices that work with touch, keyboard and screen reader alike, and "what is important to
 * me" in their own words. Nothing is required. The draft stays on the device until it is sent.
 */
export function SelfRatingForm({ model, respondent, draftKey, saving, error, onSend }: {
  model: WheelModelVersion;
  respondent: 'child' | 'guardian';
  draftKey: string;
  saving: boolean;
  error: string | null;
  onSend: (answers: SelfRatingAnswers, clearDraft: () => void) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`self.${draftKey}.${model.id}`, () => ({ ratings: {}, important: '' }));
  const scale = model.content.scale;

  function submit(event: FormEvent) {
    event.preventDefault();
    const answers: AreaAnswer[] = model.content.areas.flatMap((a) => {
      const rating = draft.ratings[a.code];
      return rating === undefined || rating === null ? [] : [{ area: a.code, rating, strengths: '', worries: '' }];
    });
    onSend({ modelVersionId: model.id, answers, important: draft.important.trim() }, clearDraft);
  }

  return (
    <form onSubmit={submit} noValidate className="self-rating">
      <Stack gap="lg">
        <Text size="lg">{t(`wellbeing.self.intro.${respondent}`)}</Text>
        {model.content.areas.map((area) => {
          const name = `area-${area.code}`;
          const chosen = draft.ratings[area.code];
          return (
            <fieldset key={area.code} className="self-rating-area" aria-describedby={`${name}-question`}>
              <legend>
                <span className="self-rating-icon"><AreaIcon icon={area.icon} size={40} /></span>
                <span>{inLanguage(area.child.label)}</span>
              </legend>
              <Text id={`${name}-question`} size="lg" mb="sm">{inLanguage(area.child.question)}</Text>
              <div className="self-rating-choices">
                {scale.map((p, i) => (
                  <label key={p.value} className="self-rating-choice" data-checked={chosen === p.value || undefined}>
                    <input type="radio" name={name} value={p.value} checked={chosen === p.value} onChange={() => setDraft({ ...draft, ratings: { ...draft.ratings, [area.code]: p.value } })} />
                    <span className="self-rating-face"><Face mood={i / Math.max(1, scale.length - 1)} /></span>
                    <span>{inLanguage(p.childLabel)}</span>
                  </label>
                ))}
                <label className="self-rating-choice self-rating-skip" data-checked={chosen === null || undefined}>
                  <input type="radio" name={name} value="" checked={chosen === null} onChange={() => setDraft({ ...draft, ratings: { ...draft.ratings, [area.code]: null } })} />
                  <span>{t('wellbeing.self.skip')}</span>
                </label>
              </div>
            </fieldset>
          );
        })}
        <Textarea
          label={t(`wellbeing.self.important.${respondent}`)}
          description={t('wellbeing.self.importantHelp')}
          size="lg"
          autosize
          minRows={3}
          maxLength={2000}
          value={draft.important}
          onChange={(e) => setDraft({ ...draft, important: e.currentTarget.value })}
        />
        <Text size="sm" c="dimmed">{t('wellbeing.self.savedHere')}</Text>
        <FormError text={error} />
        <Button type="submit" size="xl" loading={saving}>{t('wellbeing.self.send')}</Button>
      </Stack>
    </form>
  );
}
