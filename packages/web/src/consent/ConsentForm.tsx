import { Alert, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ConsentInput, consentGivers, infoCategories, type ChildView, type ConsentGiver, type ConsentView, type InfoCategory } from '@samsyn/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { errorText, serverFieldErrors, type FieldErrors } from '../common/errors.ts';
import { today } from '../common/format.ts';
import { useFocusFirstError } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { childName } from '../children/text.ts';
import { useGiveConsent } from './useConsents.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A professional records a consent given on paper or verbally; the guardians give their own digitally. */
export function ConsentForm({ child, onCancel, onSaved }: { child: ChildView; onCancel: () => void; onSaved: (consent: ConsentView) => void }) {
  const { t } = useTranslation();
  const give = useGiveConsent(child.id);
  const organisations = useOrganisations();
  const [givenBy, setGivenBy] = useState<ConsentGiver>('both_guardians');
  const [guardianIds, setGuardianIds] = useState<string[]>(child.guardians.map((g) => g.id));
  const [method, setMethod] = useState<'written' | 'verbal'>('written');
  const [note, setNote] = useState('');
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [categories, setCategories] = useState<InfoCategory[]>([]);
  const [validFrom, setValidFrom] = useState(today());
  const [validTo, setValidTo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors, attempt);

  function fail(found: FieldErrors) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!isoDate.test(validFrom)) found.validFrom = t('consents.dateFormat');
    if (validTo && !isoDate.test(validTo)) found.validTo = t('consents.dateFormat');
    else if (validTo && validTo < validFrom) found.validTo = t('consents.validToBefore');
    if (method === 'verbal' && !note.trim()) found.note = t('consents.noteRequired');
    const guardians = givenBy === 'child' ? [] : givenBy === 'guardian' ? guardianIds.slice(0, 1) : guardianIds.slice(0, 2);
    if (givenBy !== 'child' && guardians.length === 0) found.guardianIds = t('consents.guardiansRequired');
    if (organisationIds.length === 0) found.organisationIds = t('validation.required');
    if (categories.length === 0) found.categories = t('validation.required');
    if (Object.keys(found).length > 0) return fail(found);
    const parsed = ConsentInput.safeParse({
      givenBy,
      guardianIds: guardians,
      method,
      note: note.trim() || undefined,
      organisationIds,
      categories,
      validFrom,
      validTo: validTo || null,
    });
    if (!parsed.success) return fail({ form: t('validation.summary') });
    give.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: (error) => fail(serverFieldErrors(error, t)),
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('consents.giveIntro')}</Text>
        <div role="alert">
          {(give.isError || errors.form) && (
            <Alert color="red" variant="light"><Text size="sm" className="text-error">{errors.form ?? errorText(give.error, t, currentLanguage())}</Text></Alert>
          )}
        </div>
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
        <MultiSelect
          label={t('consents.organisations')}
          required
          searchable
          data={(organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
          value={organisationIds}
          onChange={setOrganisationIds}
          error={errors.organisationIds}
          aria-invalid={Boolean(errors.organisationIds) || undefined}
          nothingFoundMessage={t('table.empty')}
        />
        <Checkbox.Group label={t('consents.categories')} value={categories} onChange={(v) => setCategories(v as InfoCategory[])} error={errors.categories} required>
          <SimpleGrid cols={{ base: 2, sm: 3 }} mt={6} spacing={6}>
            {infoCategories.map((c) => <Checkbox key={c} value={c} label={t(`child.record.categories.${c}`)} aria-invalid={Boolean(errors.categories) || undefined} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('consents.validFrom')} description={t('consents.dateHint')} required value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} error={errors.validFrom} aria-invalid={Boolean(errors.validFrom) || undefined} />
          <TextInput label={t('consents.validTo')} description={t('consents.validToHint')} value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={errors.validTo} aria-invalid={Boolean(errors.validTo) || undefined} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={give.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
