import { Alert, Anchor, Button, Fieldset, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { parseIdentityNumber, protectedIdentityLevels, type ChildCreateInput, type ProtectedIdentityLevel } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { errorText, type FieldErrors } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useDraft } from './useDraft.ts';
import { useChildCreateOptions, useCreateChild } from './useRegistration.ts';
import { now } from '../common/clock.ts';

interface GuardianDraft {
  identityNumber: string;
  givenName: string;
  familyName: string;
}

interface Draft {
  organisationId: string | null;
  role: 'named_person' | 'lead_professional';
  identityKind: 'number' | 'reserve';
  identityNumber: string;
  birthDate: string;
  sex: 'female' | 'male' | 'unknown';
  givenName: string;
  familyName: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  homeOrganisationId: string | null;
  schoolUnitId: string | null;
  protectedIdentity: ProtectedIdentityLevel | 'none';
  guardians: GuardianDraft[];
}

const emptyGuardian: GuardianDraft = { identityNumber: '', givenName: '', familyName: '' };
const emptyDraft: Draft = { organisationId: null, role: 'lead_professional', identityKind: 'number', identityNumber: '', birthDate: '', sex: 'unknown', givenName: '', familyName: '', streetAddress: '', postalCode: '', city: '', homeOrganisationId: null, schoolUnitId: null, protectedIdentity: 'none', guardians: [{ ...emptyGuardian }] };

/** "Nytt barn": a professional creates the record of a child they work with and joins its team. */
export function NewChildPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useChildCreateOptions();
  const create = useCreateChild();
  const [draft, setDraft, clearDraft] = useDraft<Draft>('samsyn.draft.newChild', emptyDraft);
  // A message goes as soon as its field is corrected: the form's values by the fields' names.
  const { errors, fail, clear, formRef } = useFormErrors(fieldValues(draft));
  const [exists, setExists] = useState<string | null>(null);
  if (options.isPending) return <Loading />;
  if (options.isError) return <LoadError error={options.error} onRetry={() => void options.refetch()} />;
  const { places, schoolUnits } = options.data;
  const placeId = draft.organisationId ?? (places.length === 1 ? places[0]!.organisationId : null);
  const place = places.find((p) => p.organisationId === placeId);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const setGuardian = (i: number, key: keyof GuardianDraft, value: string) => {
    setDraft({ ...draft, guardians: draft.guardians.map((g, j) => (j === i ? { ...g, [key]: value } : g)) });
  };

  if (places.length === 0) {
    return (
      <Stack gap="lg" maw={820}>
        <PageTitle>{t('childCreate.title')}</PageTitle>
        <Alert color="gray" variant="light"><Text>{t('childCreate.noPlace')}</Text></Alert>
      </Stack>
    );
  }

  /** The form's problems, worded in the language shown (`t` of the render that draws them). */
  function validate(t: TFunction): FieldErrors {
    const found: FieldErrors = {};
    const reference = now();
    const numberProblem = (value: string) => {
      if (!value.trim()) return t('validation.required');
      const parsed = parseIdentityNumber(value, { referenceDate: reference });
      return parsed.ok ? null : t(`child.search.invalid.${parsed.code}`);
    };
    if (!placeId) found.organisationId = t('validation.required');
    if (draft.identityKind === 'number') {
      const problem = numberProblem(draft.identityNumber);
      if (problem) found['identity.identityNumber'] = problem;
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.birthDate)) found['identity.birthDate'] = t('childCreate.birthDateFormat');
    if (!draft.givenName.trim()) found.givenName = t('validation.required');
    if (!draft.familyName.trim()) found.familyName = t('validation.required');
    if (draft.postalCode.trim() && !/^\d{3} ?\d{2}$/.test(draft.postalCode.trim())) found.postalCode = t('childCreate.postalCodeFormat');
    if (place?.homeMunicipalities && !draft.homeOrganisationId) found.homeOrganisationId = t('validation.required');
    draft.guardians.forEach((g, i) => {
      if (!g.identityNumber.trim() && !g.givenName.trim() && !g.familyName.trim()) return;
      const problem = numberProblem(g.identityNumber);
      if (problem) found[`guardians.${i}.identityNumber`] = problem;
      if (!g.givenName.trim()) found[`guardians.${i}.givenName`] = t('validation.required');
      if (!g.familyName.trim()) found[`guardians.${i}.familyName`] = t('validation.required');
    });
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setExists(null);
    if (Object.keys(validate(t)).length > 0) return fail(validate);
    clear();
    const text = (v: string) => (v.trim() ? v.trim() : null);
    const input: ChildCreateInput = {
      organisationId: placeId!,
      role: draft.role,
      identity: draft.identityKind === 'number' ? { kind: 'number', identityNumber: draft.identityNumber.trim() } : { kind: 'reserve', birthDate: draft.birthDate, sex: draft.sex === 'unknown' ? null : draft.sex },
      givenName: draft.givenName.trim(),
      familyName: draft.familyName.trim(),
      streetAddress: text(draft.streetAddress),
      postalCode: text(draft.postalCode),
      city: text(draft.city),
      ...(place?.homeMunicipalities ? { homeOrganisationId: draft.homeOrganisationId! } : {}),
      schoolUnitId: draft.schoolUnitId,
      protectedIdentity: draft.protectedIdentity === 'none' ? null : draft.protectedIdentity,
      guardians: draft.guardians.filter((g) => g.identityNumber.trim()).map((g) => ({ identityNumber: g.identityNumber.trim(), givenName: g.givenName.trim(), familyName: g.familyName.trim() })),
    };
    create.mutate(input, {
      onSuccess: (created) => {
        clearDraft();
        void navigate(`/child/${created.id}`, { state: { created: created.identityNumber } });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'child_exists') return setExists(draft.identityNumber.trim());
        if (error instanceof ApiError && error.fieldIssues().size > 0) {
          fail((tr) => Object.fromEntries([...error.fieldIssues()].map(([field, issues]) => [field, messageFor(issues[0]?.message ?? '', tr)])));
        }
      },
    });
  }

  function messageFor(message: string, t: TFunction): string {
    const code = message.replace(/^identity_number_/, '');
    if (message.startsWith('identity_number_')) return t(`child.search.invalid.${code as 'format'}`);
    const known = ['guardian_is_child', 'guardian_twice', 'home_municipality_not_offered', 'not_a_school_unit', 'reserve_number_given_by_samsyn'] as const;
    return (known as readonly string[]).includes(message) ? t(`childCreate.errors.${message as (typeof known)[number]}`) : t('validation.invalid');
  }

  const failure = create.isError && !(create.error instanceof ApiError && (create.error.code === 'child_exists' || create.error.code === 'validation_failed')) ? errorText(create.error, t, currentLanguage()) : null;
  const field = (name: string) => ({ error: errors[name], 'aria-invalid': Boolean(errors[name]) || undefined });

  return (
    <Stack gap="lg" maw={820}>
      <div>
        <PageTitle>{t('childCreate.title')}</PageTitle>
        <Text mt="xs">{t('childCreate.intro')}</Text>
      </div>
      <form ref={formRef} onSubmit={submit} noValidate className="page-panel">
        <Stack p="md" gap="md">
          {places.length > 1 && (
            <Select label={t('childCreate.organisation')} data={places.map((p) => ({ value: p.organisationId, label: p.organisationName }))} value={placeId} onChange={(v) => set('organisationId', v)} required {...field('organisationId')} />
          )}
          <Radio.Group label={t('childCreate.role')} description={t('childCreate.roleHint')} value={draft.role} onChange={(v) => set('role', v as Draft['role'])} name="role">
            <Group mt="xs">
              <Radio value="lead_professional" label={t('careTeam.roles.lead_professional')} />
              <Radio value="named_person" label={t('careTeam.roles.named_person')} />
            </Group>
          </Radio.Group>
          <Fieldset legend={t('childCreate.identity')}>
            <Stack gap="sm">
              <Radio.Group value={draft.identityKind} onChange={(v) => set('identityKind', v as Draft['identityKind'])} name="identityKind" label={t('childCreate.identityKind')}>
                <Group mt="xs">
                  <Radio value="number" label={t('childCreate.hasNumber')} />
                  <Radio value="reserve" label={t('childCreate.reserve')} />
                </Group>
              </Radio.Group>
              {draft.identityKind === 'number' ? (
                <TextInput label={t('child.search.label')} description={t('child.search.hint')} value={draft.identityNumber} onChange={(e) => set('identityNumber', e.currentTarget.value)} required autoComplete="off" inputMode="numeric" maxLength={20} {...field('identity.identityNumber')} />
              ) : (
                <SimpleGrid cols={{ base: 1, xs: 2 }}>
                  <TextInput label={t('childCreate.birthDate')} description={t('childCreate.birthDateHint')} value={draft.birthDate} onChange={(e) => set('birthDate', e.currentTarget.value)} required {...field('identity.birthDate')} />
                  <Select label={t('childCreate.sex')} data={(['unknown', 'female', 'male'] as const).map((s) => ({ value: s, label: t(`childCreate.sexes.${s}`) }))} value={draft.sex} onChange={(v) => v && set('sex', v as Draft['sex'])} allowDeselect={false} />
                </SimpleGrid>
              )}
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <TextInput label={t('childCreate.givenName')} value={draft.givenName} onChange={(e) => set('givenName', e.currentTarget.value)} required {...field('givenName')} />
                <TextInput label={t('childCreate.familyName')} value={draft.familyName} onChange={(e) => set('familyName', e.currentTarget.value)} required {...field('familyName')} />
              </SimpleGrid>
              <Select
                label={t('childCreate.protectedIdentity')}
                description={t('childCreate.protectedIdentityHint')}
                data={[{ value: 'none', label: t('childCreate.noProtection') }, ...protectedIdentityLevels.map((l) => ({ value: l, label: t(`child.record.protectedLevels.${l}`) }))]}
                value={draft.protectedIdentity}
                onChange={(v) => v && set('protectedIdentity', v as Draft['protectedIdentity'])}
                allowDeselect={false}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('childCreate.address')}>
            <SimpleGrid cols={{ base: 1, xs: 3 }}>
              <TextInput label={t('childCreate.streetAddress')} value={draft.streetAddress} onChange={(e) => set('streetAddress', e.currentTarget.value)} autoComplete="off" />
              <TextInput label={t('childCreate.postalCode')} value={draft.postalCode} onChange={(e) => set('postalCode', e.currentTarget.value)} autoComplete="off" inputMode="numeric" {...field('postalCode')} />
              <TextInput label={t('childCreate.city')} value={draft.city} onChange={(e) => set('city', e.currentTarget.value)} autoComplete="off" />
            </SimpleGrid>
          </Fieldset>
          {place?.homeMunicipalities ? (
            <Select label={t('childCreate.homeMunicipality')} description={t('childCreate.homeMunicipalityHint')} data={place.homeMunicipalities.map((m) => ({ value: m.id, label: m.name }))} value={draft.homeOrganisationId} onChange={(v) => set('homeOrganisationId', v)} required searchable {...field('homeOrganisationId')} />
          ) : (
            place && <Text size="sm">{t('childCreate.homeIsOwn', { name: place.organisationName })}</Text>
          )}
          <Select label={t('childCreate.school')} placeholder={t('childCreate.noSchool')} data={schoolUnits.map((u) => ({ value: u.id, label: `${u.name} (${u.organisationName})` }))} value={draft.schoolUnitId} onChange={(v) => set('schoolUnitId', v)} searchable clearable {...field('schoolUnitId')} />
          <Fieldset legend={t('childCreate.guardians')}>
            <Stack gap="sm">
              {draft.guardians.map((g, i) => (
                <Stack key={i} gap="xs">
                  <Text fw={600} size="sm">{t('childCreate.guardianN', { n: i + 1 })}</Text>
                  <SimpleGrid cols={{ base: 1, xs: 3 }}>
                    <TextInput label={t('childCreate.guardianNumber', { n: i + 1 })} value={g.identityNumber} onChange={(e) => setGuardian(i, 'identityNumber', e.currentTarget.value)} autoComplete="off" inputMode="numeric" {...field(`guardians.${i}.identityNumber`)} />
                    <TextInput label={t('childCreate.guardianGivenName', { n: i + 1 })} value={g.givenName} onChange={(e) => setGuardian(i, 'givenName', e.currentTarget.value)} autoComplete="off" {...field(`guardians.${i}.givenName`)} />
                    <TextInput label={t('childCreate.guardianFamilyName', { n: i + 1 })} value={g.familyName} onChange={(e) => setGuardian(i, 'familyName', e.currentTarget.value)} autoComplete="off" {...field(`guardians.${i}.familyName`)} />
                  </SimpleGrid>
                  <Group><Button variant="subtle" size="xs" onClick={() => setDraft({ ...draft, guardians: draft.guardians.filter((_, j) => j !== i) })}>{t('childCreate.removeGuardian', { n: i + 1 })}</Button></Group>
                </Stack>
              ))}
              {draft.guardians.length < 4 && <Group><Button variant="default" size="sm" onClick={() => setDraft({ ...draft, guardians: [...draft.guardians, { ...emptyGuardian }] })}>{t('childCreate.addGuardian')}</Button></Group>}
            </Stack>
          </Fieldset>
          <div role="status" aria-live="polite">
            {exists && (
              <Alert color="orange" variant="light">
                <Text size="sm" mb="xs">{t('childCreate.exists')}</Text>
                <Anchor component={Link} to={`/child?identityNumber=${encodeURIComponent(exists)}`} fw={600}>{t('childCreate.searchExisting')}</Anchor>
              </Alert>
            )}
          </div>
          <FormError text={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { clearDraft(); clear(); void navigate('/child'); }}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('childCreate.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** The draft's values under the names its fields' messages use. */
function fieldValues(draft: Draft): Record<string, unknown> {
  return {
    organisationId: draft.organisationId,
    'identity.identityNumber': draft.identityNumber,
    'identity.birthDate': draft.birthDate,
    givenName: draft.givenName,
    familyName: draft.familyName,
    postalCode: draft.postalCode,
    homeOrganisationId: draft.homeOrganisationId,
    ...Object.fromEntries(draft.guardians.flatMap((g, i) => [[`guardians.${i}.identityNumber`, g.identityNumber], [`guardians.${i}.givenName`, g.givenName], [`guardians.${i}.familyName`, g.familyName]])),
  };
}
