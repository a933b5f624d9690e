import { Stack, Text, Title } from '@mantine/core';
import type { SchoolProfileView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { FigureTable } from '../dashboards/FigureTable.tsx';
import { formatFigure } from '../common/format.ts';

type Kpi = SchoolProfileView['kolada'][number];
type Value = Kpi['years'][number]['school'];

/**
 * The school's results as Kolada publishes them for its unit (ou), beside the municipality's; a
 * missing value keeps its reason. Each KPI is a figure table without a chart: it sorts, filters and
 * exports as CSV and Excel like the profile's other tables.
 */
export function KoladaResults({ kolada, unitId }: { kolada: SchoolProfileView['kolada']; unitId: string }) {
  const { t } = useTranslation();
  const text = (v: Value | null, locale?: string) => {
    if (v === null) return '–';
    if (v.status !== 'ok') return t(`schoolProfiles.koladaStatus.${v.status}`);
    return v.value === null ? '–' : formatFigure(v.value, {}, locale);
  };
  return (
    <section aria-labelledby="profile-kolada" className="page-panel">
      <Stack gap="md" p="lg">
        <Title order={2} size="h3" id="profile-kolada">{t('schoolProfiles.koladaHeading')}</Title>
        {kolada.length === 0 && <Text>{t('schoolProfiles.noKolada')}</Text>}
        {kolada.map((k) => (
          <section key={k.kpi} aria-labelledby={`kolada-${k.kpi}`}>
            <Title order={3} size="h4" id={`kolada-${k.kpi}`}>{`${k.title} (${k.kpi})`}</Title>
            <FigureTable
              headingId={`kolada-${k.kpi}`}
              testId={`kolada-table-${k.kpi}`}
              exportName={`skolprofil-${unitId}-${k.kpi}`}
              exportLabel={k.kpi}
              tableLabel={t('dashboards.tableOf', { name: k.title })}
              header={[t('dashboards.year'), t('schoolProfiles.school'), t('schoolProfiles.municipality')]}
              rows={(locale) => k.years.map((y) => [String(y.period), text(y.school, locale), text(y.municipality, locale)])}
            />
          </section>
        ))}
      </Stack>
    </section>
  );
}
