import { Anchor, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SocioEconomicResult } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { kronor } from './FundPage.tsx';
import { ScrollTable } from './ScrollTable.tsx';

/** The project's calculation as the server computed it: key figures, year table and sensitivity, and the PDF. */
export function CalculationSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: ['fund', 'calculation', id], queryFn: () => api<{ result: SocioEconomicResult | null }>('GET', `/api/fund/applications/${id}/calculation`) });
  const r = query.data?.result;
  const kr = (n: number) => kronor(n, i18n.language);
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <section aria-labelledby="fund-calculation">
      <Title order={2} size="h3" id="fund-calculation" mb="xs">{t('fund.calculation')}</Title>
      {r && (
        <>
          <Text>{t('fund.npv')}: {kr(r.netPresentValue)}</Text>
          <Text>{t('fund.breakEven')}: {r.breakEvenPeople === null ? t('fund.none') : `${r.breakEvenPeople.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')} (${r.breakEvenWholePeople})`}</Text>
          <Text mb="xs">{t('fund.payback')}: {r.paybackYears ?? t('fund.none')}</Text>
          <ScrollTable label={t('fund.yearTable')}>
          <Table striped withTableBorder mb="sm">
            <Table.Caption>{t('fund.yearTable')}</Table.Caption>
            <Table.Thead><Table.Tr>{(['year', 'cost', 'avoided', 'presentNet', 'cumulativePresentNet'] as const).map((k) => <Table.Th key={k} scope="col">{t(`fund.calc.${k}`)}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {r.years.map((y) => <Table.Tr key={y.year}><Table.Th scope="row">{y.year}</Table.Th><Table.Td>{kr(y.interventionCost)}</Table.Td><Table.Td>{kr(y.avoided)}</Table.Td><Table.Td>{kr(y.presentNet)}</Table.Td><Table.Td>{kr(y.cumulativePresentNet)}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
          </ScrollTable>
          <ScrollTable label={t('fund.sensitivity')}>
          <Table striped withTableBorder mb="sm">
            <Table.Caption>{t('fund.sensitivity')}</Table.Caption>
            <Table.Thead><Table.Tr>{(['effect', 'people', 'npv', 'payback'] as const).map((k) => <Table.Th key={k} scope="col">{t(`fund.calc.${k}`)}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {r.sensitivity.map((s) => <Table.Tr key={s.effect}><Table.Th scope="row">{Math.round(s.effect * 100)} %</Table.Th><Table.Td>{s.peopleHelped}</Table.Td><Table.Td>{kr(s.netPresentValue)}</Table.Td><Table.Td>{s.paybackYears ?? t('fund.none')}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
          </ScrollTable>
        </>
      )}
      <Anchor href={`/api/fund/applications/${id}/calculation.pdf?lang=${lang}`}>{t('fund.calculationPdf')}</Anchor>
    </section>
  );
}
