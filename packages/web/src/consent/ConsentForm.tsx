import { Checkbox, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { ConsentInput, consentGivers, type ChildView, type ConsentGiver, type ConsentView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { childName } from '../children/text.ts';
import { consentServerErrors, ConsentScopeFields, consentScopeErrors, newConsentScope, scopeInput, type ConsentScope } from './ConsentScopeFields.tsx';
import { useGiveConsent } from './useConsents.ts';

/**
 * The named person or the lead professional records a consent given on paper or verbally (the
 * record page offers this form only with the policy's `record_consent`); the guardians give
 * their own digitally.
 */
export function ConsentForm({ child, onCancel, onSaved }: { child: ChildView; onCancel: () => void; onSaved: (consent: ConsentView) => void }) {
  const { t } = useTranslation();
  const give = useGiveConsent(child.id);
  const [givenBy, setGivenBy] = useState<ConsentGiver>('both_guardians');
  const [guardianIds, setGuardianIds] = useState<string[]>(child.guardians.map((g) => g.id));
  const [method, setMethod] = useState<'written' | 'verbal'>('written');
  const [note, setNote] = useState('');
  const [scope, setScope] = useState<ConsentScope>(newConsentScope);
  const { errors, fail, formRef } = useFormErrors({ ...scope, note, guardianIds });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = consentScopeErrors(scope, t);
    if (method === 'verbal' && !note.trim()) found.note = t('consents.noteRequired');
    const guardians = givenBy === 'child' ? [] : givenBy === 'guardian' ? guardianIds.slice(0, 1) : guardianIds.slice(0, 2);
    if (givenBy !== 'child' && guardians.length === 0) found.guardianIds = t('consents.guardiansRequired');
    if (Object.keys(found).length > 0) return fail(found);
    const parsed = ConsentInput.safeParse({
      givenBy,
      guardianIds: guardians,
      method,
      note: note.trim() || undefined,
      ...scopeInput(scope),
    });
    if (!parsed.success) return fail({ form: t('validation.summary') });
    give.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: (error) => fail(consentServerErrors(error, t)),
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('consents.giveIntro')}</Text>
        <FormError text={errors.form ?? (give.isError ? refusalText(give.error, t, currentLanguage()) : null)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('consents.givenBy')}
            required
            data={consentGivers.map((g) => ({ value: g, label: t(`consents.givers.${g}`) }))}
            value={givenBy}
            onChange={(v) => v && setGivenBy(v as ConsentGiver)}
            allowDeselect={false}
            data-autofocus
          />
          <Select
            label={t('consents.method')}
            required
            data={(['written', 'verbal'] as const).map((m) => ({ value: m, label: t(`consents.methods.${m}`) }))}
            value={method}
            onChange={(v) => v && setMethod(v as 'written' | 'verbal')}
            allowDeselect={false}
          />
        </SimpleGrid>
        {givenBy !== 'child' && (
          <Checkbox.Group label={t('consents.guardiansLabel')} value={guardianIds} onChange={setGuardianIds} error={errors.guardianIds} required>
            <Stack gap={6} mt={6}>
              {child.guardians.map((g, i) => (
                <Checkbox key={g.id} value={g.id} label={g.name ? childName(g.name, t) : t('consents.guardianUnnamed', { number: i + 1 })} aria-invalid={Boolean(errors.guardianIds) || undefined} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea
          label={t('consents.noteLabel')}
          description={t('consents.noteHint')}
          required={method === 'verbal'}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          aria-invalid={Boolean(errors.note) || undefined}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <ConsentScopeFields scope={scope} onChange={setScope} errors={errors} />
        <FormActions onCancel={onCancel} saving={give.isPending} />
      </Stack>
    </form>
  );
}
