import { Stack, Text } from '@mantine/core';
import { careTeamRoles, type CareTeamEntry, type CareTeamRole } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../common/CodeSelect.tsx';
import { refusalText } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { TeamBasisField } from './TeamBasisField.tsx';
import { usePersonAndBasis } from './usePersonAndBasis.ts';
import { useAddMember } from './useCareTeam.ts';

/**
 * The named person or lead professional adds a colleague: who and where, which role, and what
 * lets them on (the own organisation, a consent that reaches theirs, or a legal ground). The
 * bases offered are those the server's rule allows for the place picked; the server decides.
 */
export function AddMemberForm({ childId, onCancel, onSaved }: { childId: string; onCancel: () => void; onSaved: (member: CareTeamEntry) => void }) {
  const { t } = useTranslation();
  const add = useAddMember(childId);
  const [role, setRole] = useState<CareTeamRole>('member');
  const { picked, pick, basis, setBasis, errors, formRef, validated } = usePersonAndBasis();

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = validated();
    if (!v) return;
    add.mutate(
      { userId: v.picked.candidate.userId, organisationId: v.picked.place.organisationId, unitId: v.picked.place.unitId, role, basis: v.basis },
      { onSuccess: onSaved },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('careTeam.add.intro')}</Text>
        <FormError text={add.isError ? refusalText(add.error, t, currentLanguage()) : null} />
        <PersonPicker childId={childId} label={t('careTeam.add.person')} value={picked} onChange={pick} error={errors.person} disableInTeam />
        <CodeSelect label={t('careTeam.role')} required codes={careTeamRoles} optionLabel={(r) => t(`careTeam.roles.${r}`)} value={role} onChange={setRole} />
        <TeamBasisField childId={childId} place={picked?.place ?? null} value={basis} onChange={setBasis} error={errors.basis} />
        <FormActions onCancel={onCancel} saving={add.isPending} submitLabel={t('careTeam.add.submit')} />
      </Stack>
    </form>
  );
}
