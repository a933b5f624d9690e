import { Group, Radio, Stack, Text, Textarea } from '@mantine/core';
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
 * a legal ground. The receiver accepts on Överlämningar. The named person handing over chooses
 * whether they stay on the team as a member; nobody is removed without that choice.
 */
export function HandoverForm({ childId, hasNamedPerson, onCancel, onSaved }: { childId: string; hasNamedPerson: boolean; onCancel: () => void; onSaved: (handover: HandoverView) => void }) {
  const { t } = useTranslation();
  const propose = useProposeHandover(childId);
  const [lifeStage, setLifeStage] = useState<LifeStage>('school');
  const [note, setNote] = useState('');
  const [previous, setPrevious] = useState<'stays_member' | 'leaves'>('stays_member');
  const { picked, pick, basis, setBasis, errors, formRef, validated } = usePersonAndBasis();

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = validated();
    if (!v) return;
    propose.mutate(
      { toUserId: v.picked.candidate.userId, toOrganisationId: v.picked.place.organisationId, lifeStage, note: note.trim() || undefined, basis: v.basis, ...(hasNamedPerson ? { previousNamedPerson: previous } : {}) },
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
        {hasNamedPerson && (
          <Radio.Group label={t('handovers.form.previous')} description={t('handovers.form.previousHint')} value={previous} onChange={(v) => setPrevious(v === 'leaves' ? 'leaves' : 'stays_member')} name="previousNamedPerson" required>
            <Group mt="xs" gap="lg">
              <Radio value="stays_member" label={t('handovers.form.previousStays')} />
              <Radio value="leaves" label={t('handovers.form.previousLeaves')} />
            </Group>
          </Radio.Group>
        )}
        <Textarea label={t('handovers.form.note')} description={t('handovers.form.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
        <FormActions onCancel={onCancel} saving={propose.isPending} submitLabel={t('handovers.form.submit')} />
      </Stack>
    </form>
  );
}
