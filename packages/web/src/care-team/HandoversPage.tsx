import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { HandoverView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';
import { DataTable } from '../common/DataTable.tsx';
import { refusalText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useAnswerHandover, useIncomingHandovers } from './useCareTeam.ts';

/** Handovers proposed to the caller: accepting makes them the child's named person. */
export function HandoversPage() {
  const { t } = useTranslation();
  const handovers = useIncomingHandovers();
  const status = useStatus();
  return (
    <Stack gap="lg" maw={1100}>
      <PageTitle>{t('handovers.title')}</PageTitle>
      <Text>{t('handovers.intro')}</Text>
      <StatusMessage status={status.status} onClose={status.clear} />
      {handovers.isPending ? (
        <Loading />
      ) : handovers.isError ? (
        <LoadError error={handovers.error} onRetry={() => void handovers.refetch()} />
      ) : handovers.data.handovers.length === 0 ? (
        <Text c="dimmed">{t('handovers.none')}</Text>
      ) : (
        <DataTable
          caption={t('handovers.caption')}
          className="page-panel"
          verticalSpacing="sm"
          headers={[t('handovers.child'), t('handovers.lifeStage'), t('handovers.from'), t('handovers.for'), t('handovers.note'), t('common.actions')]}
        >
          {handovers.data.handovers.map((h) => <HandoverRow key={h.id} handover={h} onDone={status.success} onFailed={status.failure} />)}
        </DataTable>
      )}
    </Stack>
  );
}

function HandoverRow({ handover: h, onDone, onFailed }: { handover: HandoverView; onDone: (text: string) => void; onFailed: (text: string) => void }) {
  const { t } = useTranslation();
  const answer = useAnswerHandover();
  const child = h.childName ? childName(h.childName, t) : t('handovers.childUnnamed');
  function reply(kind: 'accept' | 'decline') {
    answer.mutate(
      { id: h.id, answer: kind },
      { onSuccess: () => onDone(t(kind === 'accept' ? 'handovers.accepted' : 'handovers.declined', { child })), onError: (error) => onFailed(refusalText(error, t, currentLanguage())) },
    );
  }
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/child/${h.childId}`} fw={600}>{child}</Anchor>
        <Text size="xs" c="dimmed">{t('handovers.proposedAt', { date: formatDate(h.proposedAt), name: h.proposedBy.displayName })}</Text>
      </Table.Td>
      <Table.Td>{t(`handovers.lifeStages.${h.lifeStage}`)}</Table.Td>
      <Table.Td>{h.from?.displayName ?? t('common.none')}</Table.Td>
      <Table.Td>{h.toOrganisation.name}</Table.Td>
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
