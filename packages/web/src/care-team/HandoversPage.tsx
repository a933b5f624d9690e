import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { HandoverView } from '@samsyn/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';
import { DataTable } from '../common/DataTable.tsx';
import { refusalText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { StatusMessage, useStatus, type StatusText } from '../common/StatusMessage.tsx';
import { DecidedHandovers } from './DecidedHandovers.tsx';
import { useAnswerHandover, useHandovers, useWithdrawHandover } from './useCareTeam.ts';

/**
 * The caller's handovers: those proposed to them, where accepting makes them the child's named
 * person (they see the child's name, the life stage and the note first: being proposed is the
 * basis for that look), those they proposed and may withdraw, and below them the decided ones they
 * took part in.
 */
export function HandoversPage() {
  const { t } = useTranslation();
  const handovers = useHandovers();
  const status = useStatus();
  const all = handovers.data?.handovers ?? [];
  const pending = all.filter((h) => h.status === 'pending' && !h.proposedByCaller);
  const proposed = all.filter((h) => h.status === 'pending' && h.proposedByCaller);
  const decided = all.filter((h) => h.status !== 'pending');
  return (
    <Stack gap="lg" maw={1100}>
      <PageTitle>{t('handovers.title')}</PageTitle>
      <Text>{t('handovers.intro')}</Text>
      <StatusMessage status={status.status} onClose={status.clear} />
      {handovers.isPending ? (
        <Loading />
      ) : handovers.isError ? (
        <LoadError error={handovers.error} onRetry={() => void handovers.refetch()} />
      ) : (
        <>
          <Section id="handovers-pending" title={t('handovers.pendingHeading')} empty={pending.length === 0 ? t('handovers.none') : null}>
            <DataTable
              caption={t('handovers.caption')}
              className="page-panel"
              verticalSpacing="sm"
              headers={[t('handovers.child'), t('handovers.lifeStage'), t('handovers.from'), t('handovers.for'), t('handovers.note'), t('common.actions')]}
            >
              {pending.map((h) => <PendingRow key={h.id} handover={h} onDone={status.success} onFailed={status.failure} />)}
            </DataTable>
          </Section>
          <Section id="handovers-proposed" title={t('handovers.proposedHeading')} empty={proposed.length === 0 ? t('handovers.noneProposed') : null}>
            <DataTable
              caption={t('handovers.proposedCaption')}
              className="page-panel"
              verticalSpacing="sm"
              headers={[t('handovers.child'), t('handovers.lifeStage'), t('handovers.receiver'), t('handovers.note'), t('common.actions')]}
            >
              {proposed.map((h) => <ProposedRow key={h.id} handover={h} onDone={status.success} onFailed={status.failure} />)}
            </DataTable>
          </Section>
          <Section id="handovers-decided" title={t('handovers.decidedHeading')} intro={t('handovers.decidedIntro')} empty={decided.length === 0 ? t('handovers.noneDecided') : null}>
            <DecidedHandovers handovers={decided} />
          </Section>
        </>
      )}
    </Stack>
  );
}

function Section({ id, title, intro, empty, children }: { id: string; title: string; intro?: string; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>{title}</Title>
        {intro && <Text size="sm">{intro}</Text>}
        {empty ? <Text c="dimmed">{empty}</Text> : children}
      </Stack>
    </section>
  );
}

/** The child as the caller may see it: the name links to the record only when the gate showed it. */
function ChildCell({ handover: h, child }: { handover: HandoverView; child: string }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      {h.childName ? <Anchor component={Link} to={`/child/${h.childId}`} fw={600}>{child}</Anchor> : <Text fw={600}>{child}</Text>}
      <Text size="xs" c="dimmed">{t('handovers.proposedAt', { date: formatDate(h.proposedAt), name: h.proposedBy.displayName })}</Text>
    </Table.Td>
  );
}

/** Where the receiver joins the team, and on what basis (the own organisation, a consent or a legal ground). */
function ReceivingCell({ handover: h, receiver = false }: { handover: HandoverView; receiver?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      {receiver ? h.to.displayName : h.toOrganisation.name}
      {receiver && <Text size="xs" c="dimmed">{h.toOrganisation.name}</Text>}
      <Text size="xs" c="dimmed">{t('handovers.basisLine', { basis: t(`careTeam.bases.${h.basis}`) })}</Text>
    </Table.Td>
  );
}

/** Outcomes are passed on by key and drawn in the language shown, so a language switch translates them. */
function PendingRow({ handover: h, onDone, onFailed }: { handover: HandoverView; onDone: (text: StatusText) => void; onFailed: (text: StatusText) => void }) {
  const { t } = useTranslation();
  const answer = useAnswerHandover();
  const child = h.childName ? childName(h.childName, t) : t('handovers.childUnnamed');
  function reply(kind: 'accept' | 'decline') {
    answer.mutate(
      { id: h.id, answer: kind },
      {
        onSuccess: () => onDone((tr) => tr(kind === 'accept' ? 'handovers.accepted' : 'handovers.declined', { child: h.childName ? childName(h.childName, tr) : tr('handovers.childUnnamed') })),
        onError: (error) => onFailed((tr, language) => refusalText(error, tr, language)),
      },
    );
  }
  return (
    <Table.Tr>
      <ChildCell handover={h} child={child} />
      <Table.Td>{t(`handovers.lifeStages.${h.lifeStage}`)}</Table.Td>
      <FromCell handover={h} />
      <ReceivingCell handover={h} />
      <Table.Td>{h.note ?? t('common.none')}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" onClick={() => reply('accept')} loading={answer.isPending && answer.variables.answer === 'accept'} aria-label={t('handovers.acceptNamed', { child })}>{t('handovers.accept')}</Button>
          <Button size="compact-sm" variant="default" onClick={() => reply('decline')} loading={answer.isPending && answer.variables.answer === 'decline'} aria-label={t('handovers.declineNamed', { child })}>{t('handovers.decline')}</Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The named person handing over, and whether they stay on the team as a member. */
function FromCell({ handover: h }: { handover: HandoverView }) {
  const { t } = useTranslation();
  if (!h.from) return <Table.Td>{t('common.none')}</Table.Td>;
  return (
    <Table.Td>
      {h.from.displayName}
      {h.previousStaysMember !== null && <Text size="xs" c="dimmed">{t(h.previousStaysMember ? 'handovers.previousStays' : 'handovers.previousLeaves', { name: h.from.displayName })}</Text>}
    </Table.Td>
  );
}

/** A pending handover the caller proposed: whom it waits for, and the withdrawal. */
function ProposedRow({ handover: h, onDone, onFailed }: { handover: HandoverView; onDone: (text: StatusText) => void; onFailed: (text: StatusText) => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawHandover();
  const child = h.childName ? childName(h.childName, t) : t('handovers.childHidden');
  const name = h.to.displayName;
  return (
    <Table.Tr>
      <ChildCell handover={h} child={child} />
      <Table.Td>{t(`handovers.lifeStages.${h.lifeStage}`)}</Table.Td>
      <ReceivingCell handover={h} receiver />
      <Table.Td>{h.note ?? t('common.none')}</Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          variant="default"
          loading={withdraw.isPending}
          aria-label={t('handovers.withdrawNamed', { child, name })}
          onClick={() => withdraw.mutate(h.id, { onSuccess: () => onDone((tr) => tr('handovers.withdrawn', { name })), onError: (error) => onFailed((tr, language) => refusalText(error, tr, language)) })}
        >
          {t('handovers.withdraw')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
