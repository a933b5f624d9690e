import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { KoladaOuInput, type KoladaOuLink } from '@samsyn/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../children/useDraft.ts';
import { formFailure } from '../../common/errors.ts';
import { FormActions, FormError } from '../../common/FormActions.tsx';
import { useFormErrors } from '../../common/useFocusFirstError.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useRemoveKoladaOu, useSetKoladaOu } from './useKoladaOus.ts';

/**
 * Which Kolada unit (ou) a school unit is: Kolada's ou list names no skolenhetskod, so the
 * administrator says it once, and the school profile then shows the unit's Kolada results.
 */
export function KoladaOuForm({ school, onCancel, onDone }: { school: KoladaOuLink; onCancel: () => void; onDone: (removed: boolean) => void }) {
  const { t } = useTranslation();
  const set = useSetKoladaOu();
  const remove = useRemoveKoladaOu();
  // The typed id is kept as a draft in the tab (useDraft) across a reload; saving, removing or cancelling clears it.
  const initial = useMemo(() => ({ koladaOu: school.koladaOu ?? '' }), [school.koladaOu]);
  const [draft, setDraft, clearDraft] = useDraft(`kolada-ou:${school.unitId}`, initial);
  const { koladaOu } = draft;
  const done = (removed: boolean) => {
    clearDraft();
    onDone(removed);
  };
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, fail, formRef } = useFormErrors({ koladaOu });

  function onError(error: Error) {
    const { fields, message } = formFailure(error, t, currentLanguage(), { 'conflict:koladaOu': t('population3.ou.taken'), 'validation_failed:koladaOu': t('population3.ou.format') });
    setFailure(message);
    fail(fields);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = KoladaOuInput.safeParse({ koladaOu });
    if (!parsed.success) return fail({ koladaOu: koladaOu.trim() === '' ? t('validation.required') : t('population3.ou.format') });
    set.mutate({ unitId: school.unitId, input: parsed.data }, { onSuccess: () => done(false), onError });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError text={failure} />
        <Text size="sm">{t('population3.ou.intro', { name: school.name })}</Text>
        <TextInput label={t('population3.ou.label')} description={t('population3.ou.hint')} value={koladaOu} onChange={(e) => setDraft({ koladaOu: e.currentTarget.value })} required maxLength={40} error={errors.koladaOu} data-autofocus />
        {school.koladaOu !== null && (
          <Group>
            <Button variant="default" color="red" loading={remove.isPending} onClick={() => remove.mutate(school.unitId, { onSuccess: () => done(true), onError })}>
              {t('population3.ou.remove')}
            </Button>
          </Group>
        )}
        <FormActions onCancel={() => { clearDraft(); onCancel(); }} saving={set.isPending} />
      </Stack>
    </form>
  );
}
