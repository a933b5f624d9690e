import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Me } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../auth/session.ts';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.tsx';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const [passwordOpen, password] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={220} withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm" aria-label={t('userMenu.label', { name: me.displayName })} rightSection={<span aria-hidden="true">▾</span>} className="user-menu-button">
            {/* A phone's header has room for the first name only; the button's name stays the whole name. */}
            <span className="user-menu-full">{me.displayName}</span>
            <span className="user-menu-short">{me.displayName.split(/\s+/)[0]}</span>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void navigate('/account')}>{t('account.title')}</Menu.Item>
          {me.authMethod === 'local' && <Menu.Item onClick={password.open}>{t('userMenu.changePassword')}</Menu.Item>}
          <Menu.Item onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}>
            {t('userMenu.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} username={me.username} />
    </>
  );
}
