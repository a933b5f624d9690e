import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { parseIdentityNumber, protectedIdentityLevels, type ChildIdentityView, type IdentityCorrectionInput } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorText, type FieldErrors } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { IdentityHistoryTable } from './IdentityHistoryTable.tsx';
import { useCorrectIdentity, useIdentityLookup } from './useRegistration.ts';
import { now } from '../common/clock.ts';

/** Rätta identitetsuppgifter: the register's keeper finds a child by number and corrects the identity data, with a reason. */
export function IdentityCorrectionPage() {
  const { t } = useTranslation();
  const lookup = useIdentityLookup();
  const [number, setNumber] = useState('');
  // What is wrong with the number, as a code: worded when drawn, so it follows a language switch.
  const [numberProblem, setNumberProblem] = useState<string | null>(null);
  const [child, setChild] = useState<ChildIdentityView | null>(null);

  const numberError = numberProblem === null ? null : numberProblem === 'required' ? t('child.search.required') : t(`child.search.invalid.${numberProblem as 'format'}`);

  function find(event: FormEvent) {
    event.preventDefault();
    const parsed = parseIdentityNumber(number, { referenceDate: now() });
    if (!parsed.ok) return setNumberProblem(number.trim() ? parsed.code : 'required');
    setNumberProblem(null);
    lookup.mutate(number.trim(), { onSuccess: (answer) => setChild(answer.child ?? null) });
  }

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageTitle>{t('identityCorrection.title')}</PageTitle>
        <Text mt="xs">{t('identityCorrection.intro')}</Text>
      </div>
      <form onSubmit={find} noValidate className="page-panel" role="search" aria-label={t('identityCorrection.find')}>
        <Group p="md" align="flex-start" wrap="wrap">
          <TextInput label={t('child.search.label')} description={t('child.search.hint')} value={number} onChange={(e) => { setNumber(e.currentTarget.value); setNumberProblem(null); }} error={numberError} aria-invalid={Boolean(numberError) || undefined} required autoComplete="off" inputMode="numeric" maxLength={20} w={320} />
          <Button type="submit" mt={{ base: 0, xs: 46 }} loading={lookup.isPending}>{t('identityCorrection.find')}</Button>
        </Group>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true">
        {lookup.data && lookup.data.access === 'none' && <Alert color="gray" variant="light"><Text size="sm">{t('identityCorrection.none')}</Text></Alert>}
        {lookup.data && lookup.data.access === 'denied' && <Alert color="orange" variant="light"><Text size="sm">{t('identityCorrection.denied')}</Text></Alert>}
        {lookup.isError && <Alert color="red" variant="light"><Text size="sm" className="text-error">{errorText(lookup.error, t, currentLanguage())}</Text></Alert>}
      </div>
      {child && <CorrectionForm key={`${child.id}-${child.identityNumber}`} child={child} onSaved={setChild} />}
      {child && <IdentityHistoryTable childId={child.id} />}
    </Stack>
  );
}

function CorrectionForm({ child, onSaved }: { child: ChildIdentityView; onSaved: (child: ChildIdentityView) => void }) {
  const { t } = useTranslation();
  const correct = useCorrectIdentity(child.id);
  const status = useStatus();
  const start = {
    identityNumber: child.identityNumber,
    givenName: child.name?.givenName ?? '',
    familyName: child.name?.familyName ?? '',
    streetAddress: child.address?.streetAddress ?? '',
    postalCode: child.address?.postalCode ?? '',
    city: child.address?.city ?? '',
    protectedIdentity: child.protectedIdentity ?? 'none',
    reason: '',
  };
  const [values, setValues] = useState(start);
  // A field's message goes as soon as the field is corrected.
  const { errors, fail, clear, formRef } = useFormErrors(values);
  const set = (key: keyof typeof start, value: string) => setValues({ ...values, [key]: value });
  const hidden = child.name === null;

  function submit(event: FormEvent) {
    event.preventDefault();
    status.clear();
    const parsed = parseIdentityNumber(values.identityNumber, { referenceDate: now() });
    const input: IdentityCorrectionInput = { reason: values.reason.trim() };
    if (values.identityNumber.trim() !== start.identityNumber) input.identityNumber = values.identityNumber.trim();
    // A hidden (protected) value is replaced only when something is typed.
    const changed = (key: 'givenName' | 'familyName' | 'streetAddress' | 'postalCode' | 'city') => values[key].trim() !== start[key] && (!hidden || values[key].trim() !== '');
    if (changed('givenName')) input.givenName = values.givenName.trim();
    if (changed('familyName')) input.familyName = values.familyName.trim();
    for (const key of ['streetAddress', 'postalCode', 'city'] as const) if (changed(key)) input[key] = values[key].trim() || null;
    if (values.protectedIdentity !== start.protectedIdentity) input.protectedIdentity = values.protectedIdentity === 'none' ? null : (values.protectedIdentity as IdentityCorrectionInput['protectedIdentity']);
    // Worded when drawn, in the language shown.
    const problems = (tr: TFunction): FieldErrors => {
      const found: FieldErrors = {};
      if (!parsed.ok) found.identityNumber = tr(`child.search.invalid.${parsed.code}`);
      if (values.reason.trim().length < 3) found.reason = tr('validation.tooShort', { min: 3 });
      if (values.postalCode.trim() && !/^\d{3} ?\d{2}$/.test(values.postalCode.trim())) found.postalCode = tr('childCreate.postalCodeFormat');
      if (Object.keys(input).length === 1) found.form = tr('identityCorrection.nothingChanged');
      return found;
    };
    if (Object.keys(problems(t)).length > 0) return fail(problems);
    clear();
    correct.mutate(input, {
      onSuccess: (saved) => {
        status.success(message('identityCorrection.saved'));
        onSaved(saved);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'child_exists') fail((tr) => ({ identityNumber: tr('identityCorrection.numberTaken') }));
      },
    });
  }

  const failure = errors.form ?? (correct.isError && !(correct.error instanceof ApiError && correct.error.code === 'child_exists') ? errorText(correct.error, t, currentLanguage()) : null);
  const field = (name: keyof typeof start) => ({ value: values[name], onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value), error: errors[name], 'aria-invalid': Boolean(errors[name]) || undefined });

  return (
    <section aria-labelledby="correction-heading" className="page-panel">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack p="md" gap="sm">
          <Title order={2} size="h3" id="correction-heading">{t('identityCorrection.formTitle', { home: child.homeOrganisation.name, birthDate: child.birthDate })}</Title>
          {hidden && <Alert color="yellow" variant="light"><Text size="sm">{t('identityCorrection.protectedHint')}</Text></Alert>}
          <StatusMessage status={status.status} onClose={status.clear} />
          <TextInput label={t('child.search.label')} autoComplete="off" maxLength={20} required {...field('identityNumber')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label={t('childCreate.givenName')} placeholder={hidden ? t('child.record.hidden') : undefined} {...field('givenName')} />
            <TextInput label={t('childCreate.familyName')} placeholder={hidden ? t('child.record.hidden') : undefined} {...field('familyName')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <TextInput label={t('childCreate.streetAddress')} {...field('streetAddress')} />
            <TextInput label={t('childCreate.postalCode')} {...field('postalCode')} />
            <TextInput label={t('childCreate.city')} {...field('city')} />
          </SimpleGrid>
          <Select label={t('childCreate.protectedIdentity')} data={[{ value: 'none', label: t('childCreate.noProtection') }, ...protectedIdentityLevels.map((l) => ({ value: l, label: t(`child.record.protectedLevels.${l}`) }))]} value={values.protectedIdentity} onChange={(v) => v && set('protectedIdentity', v)} allowDeselect={false} />
          <Textarea label={t('identityCorrection.reason')} description={t('identityCorrection.reasonHint')} required autosize minRows={2} {...field('reason')} />
          <FormError text={failure} />
          <Group justify="flex-end"><Button type="submit" loading={correct.isPending}>{t('identityCorrection.submit')}</Button></Group>
        </Stack>
      </form>
    </section>
  );
}
