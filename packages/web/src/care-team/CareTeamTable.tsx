import { Badge, Button, Table, Text } from '@mantine/core';
import type { CareTeamMemberView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { DataTable } from '../common/DataTable.tsx';
import { errorText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useEndMembership } from './useCareTeam.ts';

const roleOrder = { named_person: 0, lead_professional: 1, member: 2 } as const;

interface Props {
  childId: string;
  members: readonly CareTeamMemberView[];
  /** Whether the policy lets the reader change the team (`change_team`): then memberships can be ended here. */
  canManage?: boolean;
  /** The reader's own membership is not offered for ending here (a handover replaces a named person). */
  selfUserId?: string;
  /** Citizens read the team in plain words: no basis column. */
  plain?: boolean;
  onChanged?: (text: string, kind: 'success' | 'error') => void;
}

/**
 * The care team: who, which organisation, which role and on what basis. A member whose consent has
 * lapsed shows "grund saknas sedan …" to the team and the family alike, until the membership ends.
 */
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
      <DataTable
        caption={t('careTeam.caption')}
        headers={[t('careTeam.name'), t('careTeam.organisation'), t('careTeam.role'), !plain && t('careTeam.basis'), t('careTeam.since'), canManage && t('common.actions')]}
      >
        {sorted.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Text size="sm" fw={600}>{m.displayName}</Text>
              {m.title && <Text size="xs" c="dimmed">{m.title}</Text>}
              {m.basisLapsedOn && (
                <Badge color="orange" variant="light" tt="none" mt={4} title={t('careTeam.basisLapsedHint')}>
                  {t('careTeam.basisLapsed', { date: formatDate(m.basisLapsedOn) })}
                </Badge>
              )}
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
      </DataTable>
      <ConfirmDialog item={ending} onClose={() => setEnding(null)} title={t('careTeam.confirmEndTitle')} confirmLabel={t('careTeam.confirmEnd')} onConfirm={confirmEnd} loading={end.isPending}>
        {(member) => <Text>{t('careTeam.confirmEndText', { name: member.displayName })}</Text>}
      </ConfirmDialog>
    </>
  );
}
