import { Anchor, Select, Stack, Table, Text, Title } from '@mantine/core';
import { applicationStatuses, type ApplicationSummary } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../common/format.ts';
import { ListPage } from '../common/ListPage.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { useListPage } from '../common/useListPage.ts';
import { ApplicationForm } from './ApplicationForm.tsx';
import { ScrollTable } from './ScrollTable.tsx';
import { useFund, useFunds } from './useFund.ts';

type Row = ApplicationSummary & { active: true };

export const kronor = (n: number, language: string) => `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE').format(n)} kr`;

/** Verksamhet → the fund: budget and remaining budget per year, then every application. */
export function FundPage() {
  const { t, i18n } = useTranslation();
  const funds = useFunds();
  const fund = useFund(funds.data?.funds[0]?.id);
  const list = useListPage<Row>({ sortKey: 'title' });
  const [status, setStatus] = useState<string | null>(null);
  const kr = (n: number) => kronor(n, i18n.language);
  const rows = { ...fund, isPending: funds.isPending || fund.isPending, data: fund.data?.applications.map((a): Row => ({ ...a, active: true })) };
  const columns: Column<Row>[] = [
    { key: 'title', header: t('fund.application'), value: (a) => a.title, render: (a) => <Anchor component={Link} to={`/operations/fund/applications/${a.id}`} fw={600}>{a.title}</Anchor> },
    { key: 'applicant', header: t('fund.applicant'), value: (a) => a.applicant.name },
    { key: 'ages', header: t('fund.ages'), value: (a) => `${a.ageFrom}–${a.ageTo}`, nowrap: true },
    { key: 'requested', header: t('fund.requested'), value: (a) => a.requested, render: (a) => kr(a.requested), nowrap: true },
    { key: 'status', header: t('fund.status'), value: (a) => t(`fund.statuses.${a.status}`) },
    { key: 'decidedAt', header: t('fund.decidedAt'), value: (a) => (a.decidedAt ? formatDate(a.decidedAt.slice(0, 10)) : ''), nowrap: true },
  ];
  return (
    <Stack gap="xl">
      <ListPage
        list={list}
        query={rows}
        title={t('fund.title')}
        intro={t('fund.intro')}
        inactiveFilter={false}
        filters={<Select label={t('fund.status')} placeholder={t('fund.allStatuses')} data={applicationStatuses.map((s) => ({ value: s, label: t(`fund.statuses.${s}`) }))} value={status} onChange={setStatus} clearable />}
        filter={(a) => list.matches(a, `${a.title} ${a.applicant.name}`) && (!status || a.status === status)}
        filterKey={[status]}
        columns={columns}
        caption={t('fund.caption')}
        exportFile={t('fund.exportFile')}
        formTitle={t('fund.applications')}
        formSize="lg"
        form={null}
      />
      {fund.data && (
        <section aria-labelledby="fund-budget">
          <Title order={2} mb="xs">{fund.data.name}</Title>
          <Text mb="sm">{fund.data.description}</Text>
          <Title order={3} size="h4" id="fund-budget" mb="xs">{t('fund.budget')}</Title>
          <ScrollTable label={t('fund.budgetCaption')}>
          <Table striped withTableBorder>
            <Table.Caption>{t('fund.budgetCaption')}</Table.Caption>
            <Table.Thead><Table.Tr>{(['year', 'budgetYear', 'granted', 'disbursed', 'remaining'] as const).map((k) => <Table.Th key={k} scope="col">{t(`fund.${k}`)}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {fund.data.years.map((y) => (
                <Table.Tr key={y.year}><Table.Th scope="row">{y.year}</Table.Th><Table.Td>{kr(y.budget)}</Table.Td><Table.Td>{kr(y.granted)}</Table.Td><Table.Td>{kr(y.disbursed)}</Table.Td><Table.Td>{kr(y.remaining)}</Table.Td></Table.Tr>
              ))}
              <Table.Tr><Table.Th scope="row">{t('fund.total')}</Table.Th><Table.Td>{kr(fund.data.total.budget)}</Table.Td><Table.Td>{kr(fund.data.total.granted)}</Table.Td><Table.Td>{kr(fund.data.total.disbursed)}</Table.Td><Table.Td data-testid="fund-remaining">{kr(fund.data.total.remaining)}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          </ScrollTable>
        </section>
      )}
      {fund.data?.actions.apply && <ApplicationForm fund={fund.data} />}
    </Stack>
  );
}
