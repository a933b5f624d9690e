import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { ConsentInput, type ConsentView } from '@samsyn/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { ConsentSummaryBox } from '../consent/ConsentSummaryBox.tsx';
import { consentServerErrors, ConsentScopeFields, consentScopeErrors, newConsentScope, scopeInput, useScopeSummary, type ConsentScope } from '../consent/ConsentScopeFields.tsx';
import { useGiveConsent } from '../consent/useConsents.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * A guardian or the child gives their own consent digitally. Who gave it and how is taken from
 * the login, so the form asks only what it covers: the parties, the information, what is left
 * out and for how long. Before anything is saved it shows, in one plain sentence, what they are
 * saying yes to, and asks them to confirm.
 */
export function GiveConsentForm({ childId, onCancel, onSaved }: { childId: string; onCancel: () => void; onSaved: (consent: ConsentView) => void }) {
  const { t } = useTranslation();
  const give = useGiveConsent(childId);
  const [scope, setScope] = useState<ConsentScope>(newConsentScope);
  const [checking, setChecking] = useState<ConsentInput | null>(null);
  const { errors, fail, clear, formRef } = useFormErrors({ ...scope });
  const summary = useScopeSummary(scope);
  const checkHeading = useRef<HTMLHeadingElement>(null);

  function next(event: FormEvent) {
    event.preventDefault();
    const found = consentScopeErrors(scope, t);
    if (Object.keys(found).length > 0) return fail(found);
    const parsed = ConsentInput.safeParse(scopeInput(scope));
    if (!parsed.success) return fail({ form: t('validation.summary') });
    clear();
    give.reset();
    setChecking(parsed.data);
    // The check replaces the fields: focus moves to its heading so it is read first.
    requestAnimationFrame(() => checkHeading.current?.focus());
  }

  function confirm() {
    if (!checking) return;
    give.mutate(checking, {
      onSuccess: onSaved,
      onError: (error) => {
        setChecking(null);
        fail(consentServerErrors(error, t));
      },
    });
  }

  if (checking) {
    return (
      <Stack gap="md">
        <Title order={3} size="h4" ref={checkHeading} tabIndex={-1} className="focus-target">{t('consentParties.citizen.check')}</Title>
        <ConsentSummaryBox summary={summary} />
        <List size="sm" spacing={4}>
          <List.Item>{t('citizen.giveConsent.voluntary')}</List.Item>
          <List.Item>{t('citizen.giveConsent.withdraw')}</List.Item>
        </List>
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={() => setChecking(null)}>{t('consentParties.citizen.change')}</Button>
          <Button onClick={confirm} loading={give.isPending}>{t('consentParties.citizen.confirm')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form ref={formRef} onSubmit={next} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('citizen.giveConsent.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('citizen.giveConsent.means')}</List.Item>
          <List.Item>{t('citizen.giveConsent.voluntary')}</List.Item>
          <List.Item>{t('citizen.giveConsent.withdraw')}</List.Item>
        </List>
        <FormError text={errors.form ?? (give.isError ? refusalText(give.error, t, currentLanguage()) : null)} />
        <ConsentScopeFields scope={scope} onChange={setScope} errors={errors} />
        <FormActions onCancel={onCancel} saving={false} submitLabel={t('consentParties.citizen.next')} />
      </Stack>
    </form>
  );
}
