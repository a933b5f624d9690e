import { Alert, Anchor, Button, Group, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { ApplicationView, FundDecisionInput } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../common/format.ts';
import { PageTitle } from '../common/PageTitle.tsx';
import { ApplicationSteps } from './ApplicationSteps.tsx';
import { CalculationSection } from './CalculationSection.tsx';
import { kronor } from './FundPage.tsx';
import { ScrollTable } from './ScrollTable.tsx';
import { useApplication, useApplicationStep } from './useFund.ts';

/** An application, or a granted project: its parts, the decision (offered only when the server allows it), reports and calculation. */
export function ApplicationPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useApplication(id);
  const a = query.data;
  if (!a) return <Text>{query.isError ? t('fund.loadFailed') : t('fund.loading')}</Text>;
  const kr = (n: number) => kronor(n, i18n.language);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/operations/fund">{t('fund.back')}</Anchor>
      <PageTitle>{a.title}</PageTitle>
      <Text><strong>{t('fund.status')}:</strong> {t(`fund.statuses.${a.status}`)}</Text>
      <dl className="plain-list">
        <dt><strong>{t('fund.applicant')}</strong></dt><dd>{a.applicant.name}</dd>
        <dt><strong>{t('fund.partners')}</strong></dt><dd>{a.partners.map((p) => p.name).join(', ') || t('fund.none')}</dd>
        <dt><strong>{t('fund.targetGroup')}</strong></dt><dd>{a.targetGroup} ({t('fund.agesText', { from: a.ageFrom, to: a.ageTo })})</dd>
        <dt><strong>{t('fund.intervention')}</strong></dt><dd>{a.intervention}</dd>
        <dt><strong>{t('fund.effects')}</strong></dt><dd>{a.expectedEffects}</dd>
        <dt><strong>{t('fund.indicators')}</strong></dt><dd>{a.indicators.map((n) => (i18n.language === 'en' ? n.nameEn : n.nameSv)).join(', ') || t('fund.none')}</dd>
        <dt><strong>{t('fund.requested')}</strong></dt><dd>{a.budget.map((b) => `${b.year}: ${kr(b.amount)}`).join(' · ')}</dd>
      </dl>
      <ApplicationSteps a={a} />
      <Decision a={a} />
      {a.reports.length > 0 && <Reports a={a} />}
      {a.calculation && <CalculationSection id={a.id} />}
    </Stack>
  );
}

function Decision({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const steps = useApplicationStep(a.id);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<FundDecisionInput['outcome']>('granted');
  const [conditions, setConditions] = useState('');
  const [assessReason, setAssessReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    steps.decide.mutate(outcome === 'granted_with_conditions' ? { outcome, reason, conditions } : { outcome, reason });
  };
  return (
    <section aria-labelledby="fund-decision">
      <Title order={2} size="h3" id="fund-decision" mb="xs">{t('fund.decision')}</Title>
      {a.decision && (
        <Text>{t(`fund.statuses.${a.decision.outcome}`)} — {a.decision.reason}{a.decision.conditions ? ` ${t('fund.conditions')}: ${a.decision.conditions}` : ''} ({a.decision.decidedBy}, {formatDate(a.decision.decidedAt.slice(0, 10))})</Text>
      )}
      <Text>{t('fund.assessment')}: {a.assessmentState ? t(`fund.assessmentStates.${a.assessmentState}`) : t('fund.assessmentStates.none')}</Text>
      {a.actions.assess && !a.actions.decide && (
        <form onSubmit={(e) => { e.preventDefault(); steps.assess.mutate(assessReason); }}>
          <Textarea label={t('fund.notNeededReason')} value={assessReason} onChange={(e) => setAssessReason(e.currentTarget.value)} required minLength={10} />
          <Button type="submit" mt="xs" loading={steps.assess.isPending}>{t('fund.markNotNeeded')}</Button>
          {steps.assess.isError && <Alert color="red" role="alert" mt="xs">{t('fund.failed')}</Alert>}
        </form>
      )}
      {a.actions.decide && (
        <form onSubmit={submit}>
          <Radio.Group label={t('fund.outcome')} value={outcome} onChange={(v) => setOutcome(v as FundDecisionInput['outcome'])} required>
            <Group mt="xs">{(['granted', 'granted_with_conditions', 'rejected'] as const).map((o) => <Radio key={o} value={o} label={t(`fund.statuses.${o}`)} />)}</Group>
          </Radio.Group>
          <Textarea label={t('fund.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required mt="xs" />
          {outcome === 'granted_with_conditions' && <Textarea label={t('fund.conditions')} value={conditions} onChange={(e) => setConditions(e.currentTarget.value)} required mt="xs" />}
          <Button type="submit" mt="xs" loading={steps.decide.isPending}>{t('fund.decide')}</Button>
          {steps.decide.isError && <Alert color="red" role="alert" mt="xs">{t('fund.failed')}</Alert>}
        </form>
      )}
      {steps.decide.isSuccess && <Text role="status">{t('fund.decided')}</Text>}
    </section>
  );
}

function Reports({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fund-reports">
      <Title order={2} size="h3" id="fund-reports" mb="xs">{t('fund.reports')}</Title>
      <ScrollTable label={t('fund.reportsCaption')}>
      <Table striped withTableBorder>
        <Table.Caption>{t('fund.reportsCaption')}</Table.Caption>
        <Table.Thead><Table.Tr><Table.Th scope="col">{t('fund.reportedOn')}</Table.Th><Table.Th scope="col">{t('fund.summary')}</Table.Th><Table.Th scope="col">{t('fund.values')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {a.reports.map((r) => (
            <Table.Tr key={r.id}><Table.Td>{formatDate(r.reportedOn)}</Table.Td><Table.Td>{r.summary}</Table.Td><Table.Td>{r.indicatorValues.map((v) => `${v.indicatorId} ${v.period}: ${v.value}`).join('; ')}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      </ScrollTable>
    </section>
  );
}
