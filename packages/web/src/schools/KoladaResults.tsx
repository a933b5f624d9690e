import { Stack, Table, Text, Title } from '@mantine/core';
import type { SchoolProfileView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../dashboards/TableScroll.tsx';
import { formatFigure } from '../common/format.ts';

type Kpi = SchoolProfileView['kolada'][number];
type Value = Kpi['years'][number]['school'];

/** The school's results as Kolada publishes them for its unit (ou), beside the municipality's; a missing value keeps its reason. */
export function KoladaResults({ kolada }: { kolada: SchoolProfileView['kolada'] }) {
  const { t } = useTranslation();
  const text = (v: Value | null) => {
    if (v === null) return '–';
    if (v.status !== 'ok') return t(`schoolProfiles.koladaStatus.${v.status}`);
    return v.value === null ? '–' : formatFigure(v.value);
  };
  return (
    <section aria-labelledby="profile-kolada" className="page-panel">
      <Stack gap="md" p="lg">
        <Title order={2} size="h3" id="profile-kolada">{t('schoolProfiles.koladaHeading')}</Title>
        {kolada.length === 0 && <Text>{t('schoolProfiles.noKolada')}</Text>}
        {kolada.map((k) => (
          <div key={k.kpi}>
            <Title order={3} size="h4" id={`kolada-${k.kpi}`}>{`${k.title} (${k.kpi})`}</Title>
            <TableScroll label={t('dashboards.tableOf', { name: k.title })}>
              <Table aria-labelledby={`kolada-${k.kpi}`} data-testid={`kolada-table-${k.kpi}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('dashboards.year')}</Table.Th>
                    <Table.Th scope="col">{t('schoolProfiles.school')}</Table.Th>
                    <Table.Th scope="col">{t('schoolProfiles.municipality')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {k.years.map((y) => (
                    <Table.Tr key={y.period}>
                      <Table.Th scope="row">{y.period}</Table.Th>
                      <Table.Td>{text(y.school)}</Table.Td>
                      <Table.Td>{text(y.municipality)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </div>
        ))}
      </Stack>
    </section>
  );
}
