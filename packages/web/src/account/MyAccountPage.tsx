import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AccountEvent } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.tsx';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { formatDateTime } from './time.ts';
import { useAccountHistory } from './useAccountHistory.ts';

type HistoryRole = AccountEvent['added'][number];

function roleLine(role: HistoryRole, t: TFunction): string {
  const where = role.unitName ? `${role.organisationName}, ${role.unitName}` : role.organisationName;
  return `${t(`roles.${role.role}` as 'roles.professional')} (${where})`;
}

function changeText(event: AccountEvent, t: TFunction): string[] {
  if (event.kind === 'password_reset') return [t('account.passwordReset')];
  return [
    ...event.added.map((r) => t('account.roleAdded', { role: roleLine(r, t) })),
    ...event.removed.map((r) => t('account.roleRemoved', { role: roleLine(r, t) })),
  ];
}

/** "My account": who you are, your roles, the password, and every change others made to your account. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const history = useAccountHistory();
  const [passwordOpen, password] = useDisclosure(false);
  return (
    <Stack gap="xl" maw={1000}>
      <PageTitle>{t('account.title')}</PageTitle>

      <section aria-labelledby="account-details" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="account-details">{t('account.details')}</Title>
          <Text>{t('account.signedInAs', { name: me.displayName, username: me.username })}</Text>
          {me.roles.length > 0 && (
            <ul aria-label={t('account.yourRoles')}>
              {me.roles.map((r) => <li key={`${r.organisationId}:${r.unitId ?? ''}:${r.role}`}>{roleLine(r, t)}</li>)}
            </ul>
          )}
          <Text size="sm" c="dimmed">{t('account.ownRolesNote')}</Text>
          {me.authMethod === 'local' && (
            <div>
              <Button variant="light" onClick={password.open}>{t('userMenu.changePassword')}</Button>
            </div>
          )}
        </Stack>
      </section>

      <section aria-labelledby="account-history" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="account-history">{t('account.historyTitle')}</Title>
          <Text size="sm">{t('account.historyIntro')}</Text>
          {history.isPending ? <Loading /> : history.isError ? <LoadError error={history.error} onRetry={() => void history.refetch()} /> : history.data.length === 0 ? (
            <Alert variant="light" color="gray"><Text size="sm" c="dark.8">{t('account.historyEmpty')}</Text></Alert>
          ) : (
            <Table withRowBorders verticalSpacing="xs" aria-labelledby="account-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('account.when')}</Table.Th>
                  <Table.Th scope="col">{t('account.what')}</Table.Th>
                  <Table.Th scope="col">{t('account.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.map((event, index) => (
                  <Table.Tr key={`${event.at}-${index}`}>
                    <Table.Td>{formatDateTime(event.at)}</Table.Td>
                    <Table.Td>{changeText(event, t).map((line) => <div key={line}>{line}</div>)}</Table.Td>
                    <Table.Td>{event.by.displayName ?? event.by.username ?? t('account.unknownActor')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </section>
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} username={me.username} />
    </Stack>
  );
}
