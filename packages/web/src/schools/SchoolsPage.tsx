import { Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { useSchools } from './useSchools.ts';

/** The school profiles the caller may open: their own school, the student-health team's schools; analysts all. */
export function SchoolsPage() {
  const { t } = useTranslation();
  const schools = useSchools();
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <PageTitle>{t('schoolProfiles.listTitle')}</PageTitle>
        <Text mt="xs">{t('schoolProfiles.listIntro')}</Text>
      </div>
      {schools.isPending && <Loading />}
      {schools.isError && <LoadError error={schools.error} onRetry={() => void schools.refetch()} />}
      {schools.data && schools.data.length === 0 && <Alert>{t('schoolProfiles.noSchools')}</Alert>}
      {schools.data && schools.data.length > 0 && (
        <Table>
          <caption className="visually-hidden">{t('schoolProfiles.listTitle')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('schoolProfiles.school')}</Table.Th>
              <Table.Th scope="col">{t('schoolProfiles.organisation')}</Table.Th>
              <Table.Th scope="col">{t('schoolProfiles.koladaColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schools.data.map((s) => (
              <Table.Tr key={s.unitId}>
                <Table.Th scope="row"><Anchor component={Link} to={`/population/schools/${s.unitId}`}>{s.name}</Anchor></Table.Th>
                <Table.Td>{s.organisation}</Table.Td>
                <Table.Td>{s.hasKolada ? t('schoolProfiles.yes') : t('schoolProfiles.no')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
