import { Stack, Text, Textarea } from '@mantine/core';
import { lifeStages, type HandoverView, type LifeStage } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../common/CodeSelect.tsx';
import { refusalText } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { TeamBasisField } from './TeamBasisField.tsx';
import { usePersonAndBasis } from './usePersonAndBasis.ts';
import { useProposeHandover } from './useCareTeam.ts';

/**
 * The named person proposes who takes over at a transition, and on what basis they join the
 * team: as for any member, someone from another organisation needs a consent that reaches it or
 * a legal ground. The receiver accepts on Överlämningar.
 */
export function HandoverForm({ childId, onCancel, onSaved }: { childId: string; onCancel: () => void; onSaved: (handover: HandoverView) => void }) {
  const { t } = useTranslation();
  const propose = useProposeHandover(childId);
  const [lifeStage, setLifeStage] = useState<LifeStage>('school');
  const [note, setNote] = useState('');
  const { picked, pick, basis, setBasis, errors, formRef, validated } = usePersonAndBasis();

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = validated();
    if (!v) return;
    propose.mutate(
      { toUserId: v.picked.candidate.userId, toOrganisationId: v.picked.place.organisationId, lifeStage, note: note.trim() || undefined, basis: v.basis },
      { onSuccess: onSaved },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('handovers.form.intro')}</Text>
        <FormError text={propose.isError ? refusalText(propose.error, t, currentLanguage()) : null} />
        <PersonPicker childId={childId} label={t('handovers.form.receiver')} value={picked} onChange={pick} error={errors.person} />
        <TeamBasisField childId={childId} place={picked?.place ?? null} value={basis} onChange={setBasis} error={errors.basis} />
        <CodeSelect label={t('handovers.lifeStage')} required codes={lifeStages} optionLabel={(s) => t(`handovers.lifeStages.${s}`)} value={lifeStage} onChange={setLifeStage} />
        <Textarea label={t('handovers.form.note')} description={t('handovers.form.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
        <FormActions onCancel={onCancel} saving={propose.isPending} submitLabel={t('handovers.form.submit')} />
      </Stack>
    </form>
  );
}
