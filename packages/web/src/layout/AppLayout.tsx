import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { isAdministrator, isSystemAdmin, type Me } from '@samsyn/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { isLogReviewer } from '../log-review/useLogReview.ts';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

interface NavItem {
  to: string;
  label: string;
  /** A page under a level, shown indented beneath it. */
  nested?: boolean;
}

/** Header, navigation by the three levels (and administration), and the one main region. */
export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  useEffect(close, [pathname, close]);

  const citizen = me.kind === 'citizen';
  // Searching for a child and handovers are professionals' work: the server refuses anyone else.
  const professional = me.roles.some((r) => r.role === 'professional');
  const levels: NavItem[] = [
    ...(professional ? [{ to: '/child', label: t('nav.child') }, { to: '/child/handovers', label: t('nav.handovers'), nested: true }] : []),
    { to: '/operations', label: t('nav.operations') },
    ...(isLogReviewer(me) ? [{ to: '/operations/log-review', label: t('nav.logReview'), nested: true }] : []),
    { to: '/population', label: t('nav.population') },
  ];
  const admin: NavItem[] = [
    { to: '/admin/units', label: t('nav.units') },
    { to: '/admin/secrecy-domains', label: t('secrecyDomains.nav') },
    { to: '/admin/users', label: t('nav.users') },
    ...(isSystemAdmin(me) ? [{ to: '/admin/audit', label: t('auditCheck.nav') }] : []),
    ...(isSystemAdmin(me) ? [{ to: '/admin/retention', label: t('retention.nav') }] : []),
  ];
  // The most specific item that contains the page is the current one (Loggkontroll, not Verksamhet).
  const all = [...levels, ...admin];
  const current = all.filter((i) => pathname === i.to || pathname.startsWith(`${i.to}/`)).sort((a, b) => b.to.length - a.to.length)[0]?.to ?? (pathname === '/' || pathname.startsWith('/my-children/') ? '/' : null);

  function item({ to, label, nested }: NavItem) {
    const active = current === to;
    return (
      <NavLink key={to} component={Link} to={to} label={label} active={active} aria-current={active ? 'page' : undefined} variant="light" pl={nested ? 'xl' : undefined} />
    );
  }

  return (
    <>
      <a href="#main" className="skip-link">{t('skipLink')}</a>
      <AppShell header={{ height: 64 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
        <AppShell.Header className="app-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} aria-expanded={opened} aria-controls="main-navigation" />
              <Brand />
              <Text size="sm" c="dimmed" visibleFrom="md">{t('app.tagline')}</Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu me={me} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('nav.label')}>
          {item({ to: '/', label: citizen ? t('nav.myChildren') : t('nav.start') })}
          {!citizen && <NavGroup id="nav-levels" label={t('nav.levels')}>{levels.map(item)}</NavGroup>}
          {!citizen && isAdministrator(me) && <NavGroup id="nav-admin" label={t('nav.admin')}>{admin.map(item)}</NavGroup>}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <div className="page-content">
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

function NavGroup({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div role="group" aria-labelledby={id}>
      <Text id={id} size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={4} px="sm">{label}</Text>
      {children}
    </div>
  );
}
