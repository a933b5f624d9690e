import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatStockholmDateTime, identityNumberErrorCodes, parseIdentityNumber, type ChildSearchResult, type IdentityNumberErrorCode } from '@samsyn/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { PageTitle } from '../common/PageTitle.tsx';
import { EmergencyAccessForm } from '../emergency/EmergencyAccessForm.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { childName } from './text.ts';
import { useChildSearch } from './useChildren.ts';
import { useChildCreateOptions } from './useRegistration.ts';
import { now } from '../common/clock.ts';

type InvalidCode = IdentityNumberErrorCode;
const invalidCodes: readonly string[] = identityNumberErrorCodes;

/** The problem with an identity number: the shared parser first, then the server's `identity_number_*` code. */
function invalidCode(error: unknown): InvalidCode | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const message = error.details.find((d) => d.path.endsWith('identityNumber'))?.message ?? '';
  const code = message.replace(/^identity_number_/, '');
  return invalidCodes.includes(code) ? (code as InvalidCode) : 'format';
}

/** Barn: find a child by exact identity number. The answer says whether a record exists, and the name only with a basis. */
export function ChildSearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useChildSearch();
  const createOptions = useChildCreateOptions();
  // "Nytt barn" sends a number that already has a record here, to be searched for.
  const [params] = useSearchParams();
  const [value, setValue] = useState(params.get('identityNumber') ?? '');
  // The number the answer is for: a refused search gives no id, so emergency access is opened by it.
  const [searched, setSearched] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [emergencyOpen, emergency] = useDisclosure(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = value.trim();
    if (!input) return fail(t('child.search.required'));
    // The browser's day: a first check only; the server decides on its own clock.
    const parsed = parseIdentityNumber(input, { referenceDate: now() });
    if (!parsed.ok) return fail(t(`child.search.invalid.${parsed.code}`));
    setFieldError(null);
    setSearched(input);
    search.mutate(input, {
      onError: (error) => {
        const code = invalidCode(error);
        if (code) fail(t(`child.search.invalid.${code}`));
      },
    });
  }

  function fail(message: string) {
    search.reset();
    setFieldError(message);
    inputRef.current?.focus();
  }

  // A new answer takes the focus, so a screen reader reads it and the keyboard continues from it.
  useEffect(() => {
    if (search.data) resultRef.current?.focus();
  }, [search.data]);

  const failure = search.isError && !invalidCode(search.error) ? errorText(search.error, t, currentLanguage()) : null;

  return (
    <Stack gap="lg" maw={820}>
      <div>
        <PageTitle>{t('child.search.title')}</PageTitle>
        <Text mt="xs">{t('child.search.intro')}</Text>
        {/* Offered only to those the server lets create a record: a professional of a municipality or region. */}
        {(createOptions.data?.places.length ?? 0) > 0 && <Anchor component={Link} to="/child/new" fw={600} mt="xs" display="inline-block">{t('childCreate.link')}</Anchor>}
      </div>
      <form onSubmit={submit} noValidate className="page-panel" role="search" aria-label={t('child.search.label')}>
        <Group align="flex-start" p="md" gap="sm" wrap="wrap">
          <TextInput
            ref={inputRef}
            label={t('child.search.label')}
            description={t('child.search.hint')}
            name="identityNumber"
            autoComplete="off"
            inputMode="numeric"
            spellCheck={false}
            required
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={fieldError}
            aria-invalid={Boolean(fieldError) || undefined}
            maxLength={20}
            w={320}
          />
          <Button type="submit" mt={{ base: 0, xs: 46 }} loading={search.isPending}>{t('child.search.submit')}</Button>
        </Group>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true">
        {failure && <Alert color="red" variant="light"><Text size="sm" className="text-error">{failure}</Text></Alert>}
      </div>
      {search.data && (
        <section ref={resultRef} tabIndex={-1} aria-labelledby="search-result-heading" className="focus-target">
          <SearchResult result={search.data} onEmergency={emergency.open} />
        </section>
      )}
      <Modal opened={emergencyOpen} onClose={emergency.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('child.emergency.title')} size="lg">
        {search.data?.access === 'denied' && (
          <EmergencyAccessForm
            target={{ identityNumber: searched }}
            onCancel={emergency.close}
            onOpened={(access) => {
              emergency.close();
              void navigate(`/child/${access.child.id}`, { state: { emergencyUntil: formatStockholmDateTime(new Date(access.expiresAt)) } });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function SearchResult({ result, onEmergency }: { result: ChildSearchResult; onEmergency: () => void }) {
  const { t } = useTranslation();
  if (result.access === 'allowed' && result.child) {
    const { child } = result;
    const details = { birthDate: formatDate(child.birthDate), identityNumber: child.identityNumber };
    return (
      <Alert color="green" variant="light">
        <Title order={2} size="h4" mb={4} id="search-result-heading">{t('child.search.allowedHeading')}</Title>
        <Text c="dark.8" mb="sm">{child.name ? t('child.search.allowedText', { name: childName(child.name, t), ...details }) : t('child.search.allowedHidden', details)}</Text>
        <Anchor component={Link} to={`/child/${child.id}`} fw={600}>{t('child.search.open')}</Anchor>
      </Alert>
    );
  }
  if (result.access === 'denied') {
    return (
      <Alert color="orange" variant="light">
        <Title order={2} size="h4" mb={4} id="search-result-heading">{t('child.search.deniedHeading')}</Title>
        {result.reason === 'team_consent_not_in_force' && <Text c="dark.8" fw={600} mb="xs">{t('child.search.deniedLapsed')}</Text>}
        <Text c="dark.8" mb="xs">{t('child.search.deniedText')}</Text>
        <List size="sm" c="dark.8" spacing={4} mb="sm">
          {(result.howToGetAccess ?? ['consent', 'contact_named_person']).map((how) => <List.Item key={how}>{t(`child.search.how.${how}`)}</List.Item>)}
        </List>
        {/* The server lists emergency access only where the policy offers it. */}
        {(result.howToGetAccess ?? []).includes('emergency_access') && (
          <Button color="red" variant="outline" onClick={onEmergency}>{t('child.search.emergencyButton')}</Button>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="gray" variant="light">
      <Title order={2} size="h4" mb={4} id="search-result-heading">{t('child.search.noneHeading')}</Title>
      <Text c="dark.8">{t('child.search.noneText')}</Text>
    </Alert>
  );
}
