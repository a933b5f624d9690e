import { List, Stack, Text } from '@mantine/core';
import { ConsentInput, type ConsentView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText, serverFieldErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { ConsentScopeFields, consentScopeErrors, newConsentScope, type ConsentScope } from '../consent/ConsentScopeFields.tsx';
import { useGiveConsent } from '../consent/useConsents.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * A guardian or the child gives their own consent digitally. Who gave it and how is taken from
 * the login, so the form asks only what it covers, and says in plain words what consenting means.
 */
export function GiveConsentForm({ childId, onCancel, onSaved }: { childId: string; onCancel: () => void; onSaved: (consent: ConsentView) => void }) {
  const { t } = useTranslation();
  const give = useGiveConsent(childId);
  const [scope, setScope] = useState<ConsentScope>(newConsentScope);
  const { errors, fail, clear, formRef } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = consentScopeErrors(scope, t);
    if (Object.keys(found).length > 0) return fail(found);
    const parsed = ConsentInput.safeParse({ ...scope, validTo: scope.validTo || null });
    if (!parsed.success) return fail({ form: t('validation.summary') });
    clear();
    give.mutate(parsed.data, { onSuccess: onSaved, onError: (error) => fail(serverFieldErrors(error, t)) });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('citizen.giveConsent.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('citizen.giveConsent.means')}</List.Item>
          <List.Item>{t('citizen.giveConsent.voluntary')}</List.Item>
          <List.Item>{t('citizen.giveConsent.withdraw')}</List.Item>
        </List>
        <FormError text={errors.form ?? (give.isError ? refusalText(give.error, t, currentLanguage()) : null)} />
        <ConsentScopeFields scope={scope} onChange={setScope} errors={errors} />
        <FormActions onCancel={onCancel} saving={give.isPending} submitLabel={t('citizen.giveConsent.submit')} />
      </Stack>
    </form>
  );
}
