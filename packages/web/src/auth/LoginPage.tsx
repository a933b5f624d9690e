import { Alert, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { codeText, errorText } from '../common/errors.ts';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { Logo } from '../layout/Brand.tsx';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { takeEndReason, useLogin, useMe } from './session.ts';

/** Where to go after logging in: the page that sent the user here, else the start page. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: Location } | null)?.from;
  if (!from || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search}${from.hash}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // Read once: why the previous session ended (logout, expiry), shown until the next attempt.
  const [reason] = useState(takeEndReason);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const showForm = !me.isPending && !me.data;
  useEffect(() => {
    if (showForm) usernameRef.current?.focus();
  }, [showForm]);

  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const name = username.trim();
    if (!name || !password) {
      setMissing(true);
      (name ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setMissing(false);
    login.mutate(
      { username: name, password },
      {
        onSuccess: () => void navigate(returnPath(location.state), { replace: true }),
        onError: () => {
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  }

  const error = missing ? t('login.missing') : login.error ? errorText(login.error, t, currentLanguage()) : null;
  const notice = !error && !login.isPending && reason
    ? reason === 'logged_out' ? t('login.loggedOut') : codeText(reason, t, currentLanguage())
    : null;

  return (
    <div className="login-page">
      <Container size={460} pt={48} pb="xl">
        <Group justify="space-between" mb="lg">
          <Group gap="sm" c="white">
            <Logo size={36} outlined />
            <Text fw={700} fz="xl" c="white">{t('app.name')}</Text>
          </Group>
          <LanguageSwitch />
        </Group>
        <Paper component="main" withBorder shadow="sm" p="xl" radius="md" id="main">
          <PageTitle>{t('login.title')}</PageTitle>
          <Text mt="xs" mb="lg" c="dimmed">{t('login.intro')}</Text>
          <div aria-live="assertive" aria-atomic="true" id="login-message">
            {error && <Alert color="red" variant="light" mb="md"><Text size="sm" className="text-error">{error}</Text></Alert>}
            {notice && <Alert color="samsyn" variant="light" mb="md"><Text size="sm" c="samsyn.9">{notice}</Text></Alert>}
          </div>
          <form onSubmit={submit} noValidate aria-describedby={error ? 'login-message' : undefined}>
            <Stack gap="md">
              <TextInput
                ref={usernameRef}
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                aria-invalid={Boolean(error) || undefined}
              />
              <PasswordInput
                ref={passwordRef}
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                aria-invalid={Boolean(error) || undefined}
              />
              <Button type="submit" fullWidth size="md" loading={login.isPending}>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
          <Text size="sm" c="dimmed" mt="lg">{t('login.otherMethods')}</Text>
        </Paper>
      </Container>
    </div>
  );
}
