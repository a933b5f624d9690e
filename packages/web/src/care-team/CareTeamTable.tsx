import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { CareTeamMemberView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useEndMembership } from './useCareTeam.ts';

const roleOrder = { named_person: 0, lead_professional: 1, member: 2 } as const;

interface Props {
  childId: string;
  members: readonly CareTeamMemberView[];
  /** Named person and lead professional may end memberships; others only read. */
  canManage?: boolean;
  /** The reader's own membership is not offered for ending here (a handover replaces a named person). */
  selfUserId?: string;
  /** Citizens read the team in plain words: no basis column. */
  plain?: boolean;
  onChanged?: (text: string, kind: 'success' | 'error') => void;
}

/** The care team: who, which organisation, which role and on what basis. */
export function CareTeamTable({ childId, members, canManage = false, selfUserId, plain = false, onChanged }: Props) {
  const { t } = useTranslation();
  const end = useEndMembership(childId);
  const [ending, setEnding] = useState<CareTeamMemberView | null>(null);
  if (members.length === 0) return <Text c="dimmed">{t('careTeam.none')}</Text>;
  const sorted = [...members].sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.displayName.localeCompare(b.displayName, 'sv'));

  function confirmEnd() {
    if (!ending) return;
    const name = ending.displayName;
    end.mutate(ending.id, {
      onSuccess: () => onChanged?.(t('careTeam.ended', { name }), 'success'),
      onError: (error) => onChanged?.(errorText(error, t, currentLanguage()), 'error'),
      onSettled: () => setEnding(null),
    });
  }

  return (
    <>
      <div className="table-scroll">
        <Table verticalSpacing="xs" className="data-table" striped>
          <Table.Caption className="visually-hidden">{t('careTeam.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('careTeam.name')}</Table.Th>
              <Table.Th scope="col">{t('careTeam.organisation')}</Table.Th>
              <Table.Th scope="col">{t('careTeam.role')}</Table.Th>
              {!plain && <Table.Th scope="col">{t('careTeam.basis')}</Table.Th>}
              <Table.Th scope="col">{t('careTeam.since')}</Table.Th>
              {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>{m.displayName}</Text>
                  {m.title && <Text size="xs" c="dimmed">{m.title}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.organisationName}</Text>
                  {m.unitName && <Text size="xs" c="dimmed">{m.unitName}</Text>}
                </Table.Td>
                <Table.Td>{t(`careTeam.roles.${m.role}`)}</Table.Td>
                {!plain && <Table.Td>{t(`careTeam.bases.${m.basis}`)}</Table.Td>}
                <Table.Td className="nowrap">{formatDate(m.startsAt)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    {m.userId !== selfUserId && (
                      <Button size="compact-sm" variant="default" onClick={() => setEnding(m)} aria-label={t('careTeam.endNamed', { name: m.displayName })}>
                        {t('careTeam.end')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('careTeam.confirmEndTitle')}>
        {ending && (
          <Stack gap="md">
            <Text>{t('careTeam.confirmEndText', { name: ending.displayName })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEnding(null)} data-autofocus>{t('common.cancel')}</Button>
              <Button color="red" onClick={confirmEnd} loading={end.isPending}>{t('careTeam.confirmEnd')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
