import { Anchor, Button, Container, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { normalizeCode, stockholmDate, type SelfRatingAnswers, type SelfRatingOpened } from '@samsyn/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useMyChildren } from '../citizens/useMyChildren.ts';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { Logo } from '../layout/Brand.tsx';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { SelfRatingForm } from './SelfRatingForm.tsx';
import { useKeepSessionAlive, useOpenCode, useRecordAssessment, useSubmitForm, useWheelModels } from './useWellbeing.ts';
import { now } from '../common/clock.ts';

function Thanks({ respondent, children }: { respondent: 'child' | 'guardian'; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div role="status">
      <Stack gap="md">
        <Text size="xl" fw={700}>{t('wellbeing.self.thanks')}</Text>
        <Text size="lg">{t(`wellbeing.self.thanksText.${respondent}`)}</Text>
        {children}
      </Stack>
    </div>
  );
}

/** On the professional's device, in a meeting: the answers are the child's (or guardian's) view, recorded by the professional. */
export function MeetingSelfRatingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const respondent = params.get('for') === 'guardian' ? 'guardian' : 'child';
  const models = useWheelModels();
  const record = useRecordAssessment(id);
  useKeepSessionAlive(!record.isSuccess);
  return (
    <Stack gap="lg" maw={900}>
      <PageTitle>{t(`wellbeing.self.title.${respondent}`)}</PageTitle>
      {models.isPending ? (
        <Loading />
      ) : models.isError ? (
        <LoadError error={models.error} onRetry={() => void models.refetch()} />
      ) : record.isSuccess ? (
        <Thanks respondent={respondent}>
          <Anchor component={Link} to={`/child/${id}`}>{t('wellbeing.self.backToRecord')}</Anchor>
        </Thanks>
      ) : (
        <SelfRatingForm
          model={models.data.current}
          respondent={respondent}
          draftKey={`meeting.${id}.${respondent}`}
          saving={record.isPending}
          error={record.error ? errorText(record.error, t, currentLanguage()) : null}
          onSend={(answers, clear) => record.mutate({ ...answers, respondent, occurredOn: stockholmDate(now()) }, { onSuccess: clear })}
        />
      )}
    </Stack>
  );
}

/** From the family's own pages: the child's own view, or a guardian's, addressed to the named person. */
export function OwnSelfRatingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const children = useMyChildren();
  const models = useWheelModels();
  const record = useRecordAssessment(id);
  useKeepSessionAlive(!record.isSuccess);
  const child = children.data?.find((c) => c.id === id);
  if (children.isPending || models.isPending) return <Loading />;
  if (children.isError) return <LoadError error={children.error} onRetry={() => void children.refetch()} />;
  if (models.isError) return <LoadError error={models.error} onRetry={() => void models.refetch()} />;
  if (!child) return <NotFoundPage />;
  const respondent = child.relation === 'guardian' ? 'guardian' : 'child';
  const noNamedPerson = isApiError(record.error, 409);
  return (
    <Stack gap="lg" maw={900}>
      <PageTitle>{t(`wellbeing.self.title.${respondent}`)}</PageTitle>
      {record.isSuccess ? (
        <Thanks respondent={respondent}>
          <Anchor component={Link} to={`/my-children/${id}`}>{t('wellbeing.self.backToChild')}</Anchor>
        </Thanks>
      ) : (
        <>
          <Text>{t('wellbeing.self.toNamedPerson')}</Text>
          <SelfRatingForm
            model={models.data.current}
            respondent={respondent}
            draftKey={`own.${id}`}
            saving={record.isPending}
            error={noNamedPerson ? t('wellbeing.self.noNamedPerson') : record.error ? errorText(record.error, t, currentLanguage()) : null}
            onSend={(answers, clear) => record.mutate({ ...answers, respondent, occurredOn: stockholmDate(now()) }, { onSuccess: clear })}
          />
        </>
      )}
    </Stack>
  );
}

const openedKey = 'samsyn.wellbeing.opened';

function storedForm(): SelfRatingOpened | null {
  try {
    const raw = sessionStorage.getItem(openedKey);
    const form = raw ? (JSON.parse(raw) as SelfRatingOpened) : null;
    return form && new Date(form.formExpiresAt) > now() ? form : null;
  } catch {
    return null;
  }
}

/**
 * The page a one-time code opens, alone and without logging in: type the code (or follow the
 * link, which carries it after '#'), answer, send. The opened form is kept in this tab, so a
 * reload does not spend a new code; it needs no session, so it never times out while one thinks.
 */
export function CodeSelfRatingPage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')));
  const [form, setForm] = useState<SelfRatingOpened | null>(storedForm);
  const [sentAs, setSentAs] = useState<'child' | 'guardian' | null>(null);
  const open = useOpenCode();
  const submit = useSubmitForm();
  const refusal = (error: unknown) => (isApiError(error, 403) && error.reason ? t(`wellbeing.code.refused.${error.reason as 'code_unknown'}`, { defaultValue: errorText(error, t, currentLanguage()) }) : error ? errorText(error, t, currentLanguage()) : null);

  function openForm(event: FormEvent) {
    event.preventDefault();
    open.mutate(normalizeCode(typed), {
      onSuccess: (opened) => {
        try {
          sessionStorage.setItem(openedKey, JSON.stringify(opened));
        } catch {
          // Without storage the form lasts for this page only.
        }
        // The code is spent: it leaves the address bar and the history.
        window.history.replaceState(null, '', window.location.pathname);
        setForm(opened);
      },
    });
  }

  function send(answers: SelfRatingAnswers, clear: () => void) {
    if (!form) return;
    submit.mutate({ ...answers, formToken: form.formToken }, {
      onSuccess: () => {
        clear();
        sessionStorage.removeItem(openedKey);
        setSentAs(form.respondent);
        setForm(null);
      },
    });
  }

  return (
    <div className="login-page">
      <Container size={900} pt={32} pb="xl">
        <Group justify="space-between" mb="lg">
          <Group gap="sm" c="white">
            <Logo size={36} outlined />
            <Text fw={700} fz="xl" c="white">{t('app.name')}</Text>
          </Group>
          <LanguageSwitch />
        </Group>
        <Paper component="main" withBorder shadow="sm" p="xl" radius="md" id="main">
          <Stack gap="lg">
            <PageTitle>{t(`wellbeing.self.title.${form?.respondent ?? sentAs ?? 'child'}`)}</PageTitle>
            {sentAs ? (
              <Thanks respondent={sentAs} />
            ) : form ? (
              <SelfRatingForm model={form.model} respondent={form.respondent} draftKey="code" saving={submit.isPending} error={refusal(submit.error)} onSend={send} />
            ) : (
              <form onSubmit={openForm} noValidate>
                <Stack gap="md">
                  <Text size="lg">{t('wellbeing.code.enterIntro')}</Text>
                  <TextInput label={t('wellbeing.code.enter')} size="xl" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} maw={360} />
                  <FormError text={refusal(open.error)} />
                  <Button type="submit" size="xl" loading={open.isPending} maw={360}>{t('wellbeing.code.start')}</Button>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
      </Container>
    </div>
  );
}
