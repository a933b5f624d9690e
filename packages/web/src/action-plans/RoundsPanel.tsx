import { Accordion, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ActionPlanView, RoundView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import type { useStatus } from '../common/StatusMessage.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { usePlanChange } from './useActionPlans.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The follow-up rounds: open one (the owner's coordinators), the open round's tasks, and the reports of closed rounds. */
export function RoundsPanel({ plan, status }: { plan: ActionPlanView; status: ReturnType<typeof useStatus> }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.id);
  const [dueOn, setDueOn] = useState(() => addDays(plan.today, 14));
  const open = plan.rounds.find((r) => r.closedAt === null) ?? null;
  const closed = plan.rounds.filter((r) => r.closedAt !== null);
  const failed = (error: Error) => status.failure((tr, language) => errorText(error, tr, language));

  function openRound(event: FormEvent) {
    event.preventDefault();
    change.mutate({ method: 'POST', path: '/rounds', body: { dueOn } }, { onSuccess: () => status.success((tr) => tr('actionPlans.rounds.opened')), onError: failed });
  }

  return (
    <section aria-labelledby="plan-rounds">
      <Title order={2} id="plan-rounds" mb="xs">{t('actionPlans.rounds.title')}</Title>
      <Text c="dimmed" mb="sm">{t('actionPlans.rounds.intro')}</Text>
      {open ? (
        <OpenRound round={open} canClose={plan.canRunRounds} closing={change.isPending} onClose={() => change.mutate({ method: 'POST', path: `/rounds/${open.id}/close`, body: {} }, { onSuccess: () => status.success((tr) => tr('actionPlans.rounds.closed')), onError: failed })} />
      ) : plan.canRunRounds ? (
        <form onSubmit={openRound}>
          <Group align="flex-end" gap="sm">
            <TextInput type="date" label={t('actionPlans.rounds.dueOn')} value={dueOn} min={plan.today} onChange={(e) => setDueOn(e.currentTarget.value)} required />
            <Button type="submit" loading={change.isPending}>{t('actionPlans.rounds.open')}</Button>
          </Group>
        </form>
      ) : (
        plan.rounds.length === 0 && <Text>{t('actionPlans.rounds.none')}</Text>
      )}
      <Title order={3} size="h4" mt="lg" mb="xs">{t('actionPlans.rounds.reports')}</Title>
      {closed.length === 0 ? <Text c="dimmed">{t('actionPlans.rounds.noReports')}</Text> : (
        <Accordion variant="separated">
          {closed.map((r) => (
            <Accordion.Item key={r.id} value={r.id}>
              <Accordion.Control>{t('actionPlans.rounds.report', { opened: formatDate(r.openedAt), closed: formatDate(r.closedAt!) })}</Accordion.Control>
              <Accordion.Panel><RoundReportTable round={r} /></Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </section>
  );
}

function OpenRound({ round, canClose, closing, onClose }: { round: RoundView; canClose: boolean; closing: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const done = round.tasks.filter((task) => task.doneAt !== null).length;
  return (
    <Stack gap="sm" className="page-panel" p="md">
      <Group justify="space-between">
        <div>
          <Text fw={700}>{t('actionPlans.rounds.current', { date: formatDate(round.dueOn) })}</Text>
          <Text size="sm">{t('actionPlans.rounds.progress', { done, count: round.tasks.length })}</Text>
        </div>
        {canClose && <Button variant="light" onClick={onClose} loading={closing}>{t('actionPlans.rounds.close')}</Button>}
      </Group>
      <div className="table-scroll">
        <Table className="data-table stacks" verticalSpacing="xs">
          <Table.Caption className="visually-hidden">{t('actionPlans.rounds.taskCaption')}</Table.Caption>
          <Table.Thead><Table.Tr><Table.Th scope="col">{t('actionPlans.activity.title')}</Table.Th><Table.Th scope="col">{t('actionPlans.rounds.assignee')}</Table.Th><Table.Th scope="col">{t('common.status')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {round.tasks.map((task) => (
              <Table.Tr key={task.activityId}>
                <Table.Td data-label={t('actionPlans.activity.title')}>{task.activityTitle}</Table.Td>
                <Table.Td data-label={t('actionPlans.rounds.assignee')}>{task.assigneeUser ? `${task.assigneeUser.displayName}, ${task.assigneeOrganisation.name}` : task.assigneeOrganisation.name}</Table.Td>
                <Table.Td data-label={t('common.status')} className="nowrap">
                  <span aria-hidden="true">{task.doneAt ? '✓ ' : '… '}</span>{task.doneAt ? `${t('actionPlans.rounds.done')} ${formatDate(task.doneAt)}` : t('actionPlans.rounds.waiting')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}

function RoundReportTable({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const report = round.report!;
  return (
    <div className="table-scroll">
      <Table className="data-table stacks" verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('actionPlans.rounds.reportCaption', { date: formatDate(report.closedOn) })}</Table.Caption>
        <Table.Thead><Table.Tr>{[t('actionPlans.plan.subGoalTitle'), t('actionPlans.activity.title'), t('common.status'), t('actionPlans.rounds.reported'), t('actionPlans.rounds.comment')].map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.activityId}>
              <Table.Td data-label={t('actionPlans.plan.subGoalTitle')}>{row.subGoal}</Table.Td>
              <Table.Td data-label={t('actionPlans.activity.title')}>{row.activity}</Table.Td>
              <Table.Td data-label={t('common.status')}><StatusBadge status={row.status} /></Table.Td>
              <Table.Td data-label={t('actionPlans.rounds.reported')}>{row.reported ? t('actionPlans.rounds.reported') : t('actionPlans.rounds.notReported')}</Table.Td>
              <Table.Td data-label={t('actionPlans.rounds.comment')}>{row.comment ?? t('common.none')}{row.by ? ` (${row.by})` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
