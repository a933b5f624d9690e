import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { canManageIndicators, isAdministrator, isSystemAdmin, type Me } from '@samsyn/core';
import { Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { isLogReviewer } from '../log-review/useLogReview.ts';
import { NavLabel, startCountWords } from '../start/NavLabel.tsx';
import { useIsChildCitizen, useNavCounts } from '../start/useNavCounts.ts';
import { Loading } from '../common/Loading.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useReportNavItems } from '../reports/navigation.ts';

interface NavItem {
  to: string;
  label: string;
  /** A page under a level, shown indented beneath it. */
  nested?: boolean;
  /** What waits there: a count, and its words for screen readers. */
  count?: { n: number; spoken: string };
}

/** Header, navigation by the three levels (and administration), and the one main region. */
export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  useEffect(close, [pathname, close]);

  const citizen = me.kind === 'citizen';
  const counts = useNavCounts();
  const childHerself = useIsChildCitizen(me);
  // Searching for a child and handovers are professionals' work: the server refuses anyone else.
  const professional = me.roles.some((r) => r.role === 'professional');
  const reportItems = useReportNavItems(professional);
  const levels: NavItem[] = [
    ...(professional ? [{ to: '/child', label: t('nav.child') }, { to: '/child/handovers', label: t('nav.handovers'), nested: true, count: { n: counts.handoversToAnswer, spoken: t('nav.counts.handovers', { count: counts.handoversToAnswer }) } }, ...reportItems] : []),
    { to: '/operations', label: t('nav.operations') },
    { to: '/operations/workspaces', label: t('workspaces.nav'), nested: true },
    { to: '/operations/agreements', label: t('agreements.nav'), nested: true },
    { to: '/operations/forums', label: t('forums.nav'), nested: true },
    ...(me.roles.some((r) => r.role === 'collaboration_coordinator') ? [{ to: '/operations/newsletter', label: t('newsletter.nav'), nested: true }] : []),
    ...(citizen ? [] : [{ to: '/operations/fund', label: t('fund.nav'), nested: true }]),
    ...(isLogReviewer(me) ? [{ to: '/operations/log-review', label: t('nav.logReview'), nested: true }] : []),
    { to: '/improvement', label: t('improvement.nav') },
    { to: '/population', label: t('nav.population') },
    ...(canManageIndicators(me) ? [{ to: '/population/kolada', label: t('nav.kolada'), nested: true }] : []),
    { to: '/population/dashboards/mental_health', label: t('nav.dashboardMentalHealth'), nested: true },
    { to: '/population/dashboards/physical_activity', label: t('nav.dashboardPhysicalActivity'), nested: true },
    { to: '/population/municipalities', label: t('municipalityPages.nav'), nested: true },
    { to: '/population/child-level', label: t('schoolProfiles.childLevel.nav'), nested: true },
    { to: '/population/schools', label: t('schoolProfiles.nav'), nested: true },
    ...(canManageIndicators(me) ? [{ to: '/population/surveys/import', label: t('nav.surveyImport'), nested: true }] : []),
  ];
  const admin: NavItem[] = [
    { to: '/admin/units', label: t('nav.units') },
    { to: '/admin/secrecy-domains', label: t('secrecyDomains.nav') },
    { to: '/admin/users', label: t('nav.users') },
    { to: '/admin/early-signal', label: t('concerns.rule.nav') },
    ...(isSystemAdmin(me) ? [{ to: '/admin/audit', label: t('auditCheck.nav') }, { to: '/admin/wellbeing-model', label: t('wellbeing.admin.nav') }, { to: '/admin/retention', label: t('retention.nav') }] : []),
    ...(isSystemAdmin(me) ? [{ to: '/admin/needs-assessment', label: t('needs.admin.nav') }] : []),
    ...(me.roles.some((r) => r.role === 'org_admin') ? [{ to: '/admin/register-import', label: t('registerImport.nav') }, { to: '/admin/identity-corrections', label: t('identityCorrection.nav') }] : []),
  ];
  // The most specific item that contains the page is the current one (Loggkontroll, not Verksamhet).
  const all = [...levels, ...admin];
  const current = all.filter((i) => pathname === i.to || pathname.startsWith(`${i.to}/`)).sort((a, b) => b.to.length - a.to.length)[0]?.to ?? (pathname === '/' || pathname.startsWith('/my-children/') ? '/' : null);

  function item({ to, label, nested, count }: NavItem) {
    const active = current === to;
    return (
      // A tap on a link closes the burger menu, also on the page already open.
      <NavLink key={to} component={Link} to={to} label={count ? <NavLabel label={label} count={count.n} spoken={count.spoken} /> : label} active={active} aria-current={active ? 'page' : undefined} variant="light" pl={nested ? 'xl' : undefined} onClick={close} />
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
        {/* The levels and the administration outgrow a laptop's height: the navigation scrolls on its own. */}
        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
          {item({ to: '/', label: citizen ? t(childHerself ? 'nav.myDetails' : 'nav.myChildren') : t('nav.start'), count: { n: counts.start, spoken: startCountWords(counts, t) } })}
          {/* Everyone has an inbox (a guardian's approvals, a professional's follow-ups and actions). */}
          {item({ to: '/inbox', label: t('inbox.nav'), count: { n: counts.inboxUnread, spoken: t('inbox.unread', { count: counts.inboxUnread }) } })}
          {!citizen && <NavGroup id="nav-levels" label={t('nav.levels')}>{levels.map(item)}</NavGroup>}
          {!citizen && isAdministrator(me) && <NavGroup id="nav-admin" label={t('nav.admin')}>{admin.map(item)}</NavGroup>}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <div className="page-content">
            {/* A page loading on demand (App.tsx) shows its loader here, inside the layout. */}
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
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
