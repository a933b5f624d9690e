import { Alert, Button, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PasswordChangeForm } from '../auth/PasswordChangeForm.tsx';
import { meKey, useLogout } from '../auth/session.ts';
import { PageTitle } from '../common/PageTitle.tsx';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';

/**
 * After an administrator reset the password: it works once, and the session may do nothing but
 * choose a new one (the server refuses everything else with password_change_required).
 */
export function ForcedPasswordChange({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={480} w="100%">
        <Stack gap="md">
          <Group justify="flex-end"><LanguageSwitch /></Group>
          <PageTitle>{t('account.forcedTitle')}</PageTitle>
          <Alert color="orange" variant="light">
            <Text size="sm" c="dark.8">{t('account.forcedExplanation', { name: me.displayName })}</Text>
          </Alert>
          <PasswordChangeForm username={me.username} currentLabel={t('account.oneTimePassword')} onDone={() => void client.invalidateQueries({ queryKey: meKey })} />
          <Button variant="subtle" onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}>
            {t('userMenu.logout')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
