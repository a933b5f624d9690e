import { Anchor, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { PageTitle } from '../common/PageTitle.tsx';
import type { Area } from '../areas/ComingSoonPage.tsx';
import { AgreementReminders } from '../agreements/AgreementReminders.tsx';
import { NoticesSection } from '../notices/NoticesSection.tsx';
import { MyChildrenList } from './MyChildrenList.tsx';
import { WaitingSection } from './WaitingSection.tsx';
import { useSchools } from '../schools/useSchools.ts';

const areas: { area: Area; to: string }[] = [
  { area: 'child', to: '/child' },
  { area: 'operations', to: '/operations' },
  { area: 'population', to: '/population' },
];

/**
 * A professional's start page: what waits for them (handovers to answer, emergency accesses to
 * review, notices), the children whose team they are on ("Mina barn"), then their roles and the
 * three levels.
 */
export function StartPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const professional = me.roles.some((r) => r.role === 'professional');
  // A role at a school whose profile the server lets this user open links to it (issue 15, item 8).
  const schools = new Set((useSchools(me.roles.some((r) => r.unitId !== null)).data ?? []).map((s) => s.unitId));
  return (
    <Stack gap="xl" maw={1200}>
      <div>
        <PageTitle documentTitle={t('start.title')}>{t('start.greeting', { name: me.displayName })}</PageTitle>
        <Text mt="xs" size="lg">{professional ? t('start.introProfessional') : t('start.intro')}</Text>
      </div>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <WaitingSection me={me} professional={professional} />
        <NoticesSection />
      </SimpleGrid>

      {me.kind === 'professional' && <AgreementReminders />}

      {professional && <MyChildrenList />}

      <section aria-labelledby="roles-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="roles-heading">{t('start.rolesHeading')}</Title>
          {me.roles.length === 0 ? (
            <Text>{t('start.noRoles')}</Text>
          ) : (
            <Table withRowBorders verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('start.role')}</Table.Th>
                  <Table.Th scope="col">{t('start.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('start.unit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {me.roles.map((role) => (
                  <Table.Tr key={`${role.organisationId}:${role.unitId ?? ''}:${role.role}`}>
                    <Table.Td>{t(`roles.${role.role}`)}</Table.Td>
                    <Table.Td>{role.organisationName}</Table.Td>
                    <Table.Td>
                      {role.unitId && schools.has(role.unitId) ? <Anchor component={Link} to={`/population/schools/${role.unitId}`} aria-label={t('schoolProfiles.openProfile', { school: role.unitName ?? '' })}>{role.unitName}</Anchor> : (role.unitName ?? t('start.wholeOrganisation'))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" c="dimmed">{t('start.sessionInfo', { minutes: me.sessionIdleMinutes })}</Text>
        </Stack>
      </section>

      <section aria-labelledby="levels-heading">
        <Title order={2} size="h3" id="levels-heading" mb="sm">{t('start.levelsHeading')}</Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {areas.map(({ area, to }) => (
            <Card key={area} withBorder padding="lg" radius="md">
              <Title order={3} size="h4">{t(`areas.${area}.title`)}</Title>
              <Text size="sm" mt="xs" mb="md">{t(`areas.${area}.description`)}</Text>
              <Anchor component={Link} to={to} mt="auto" fw={600}>
                {t('start.open', { area: t(`areas.${area}.title`) })}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
