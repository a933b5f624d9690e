import { Badge, Button, Stack, Table, Text, Textarea } from '@mantine/core';
import type { ConsentActor, ConsentView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { DataTable } from '../common/DataTable.tsx';
import { refusalText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useWithdrawConsent } from './useConsents.ts';

export function consentOrganisations(consent: ConsentView): string {
  return consent.organisations.map((o) => o.name).join(', ');
}

export function consentCategories(consent: ConsentView, t: TFunction): string {
  return consent.categories.map((c) => t(`child.record.categories.${c}`)).join(', ');
}

export function consentPeriod(consent: ConsentView, t: TFunction): string {
  return consent.validTo
    ? t('consents.periodRange', { from: consent.validFrom, to: consent.validTo })
    : t('consents.periodOpen', { from: consent.validFrom });
}

/** A professional by name; a guardian or the child only by relation (they may have protected identity). */
export function consentActorText(actor: ConsentActor, t: TFunction): string {
  return actor.kind === 'professional' ? actor.name : t(`consents.actors.${actor.kind}`);
}

export function ConsentStatusBadge({ consent }: { consent: ConsentView }) {
  const { t } = useTranslation();
  return <Badge variant="light" tt="none" color={consent.status === 'in_force' ? 'samsyn' : 'gray'}>{t(`consents.statuses.${consent.status}`)}</Badge>;
}

interface Props {
  childId: string;
  consents: readonly ConsentView[];
  /** Whether the reader may withdraw (guardians, the child, the team). */
  canWithdraw: boolean;
  onWithdrawn: (text: string) => void;
  onFailed: (text: string) => void;
}

/** The child's consents, current first then history, each with organisations, information, period and status. */
export function ConsentList({ childId, consents, canWithdraw, onWithdrawn, onFailed }: Props) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(childId);
  const [confirming, setConfirming] = useState<ConsentView | null>(null);
  const [note, setNote] = useState('');

  if (consents.length === 0) return <Text c="dimmed">{t('consents.none')}</Text>;

  function confirm() {
    if (!confirming) return;
    withdraw.mutate(
      { consentId: confirming.id, note: note.trim() || undefined },
      {
        onSuccess: () => onWithdrawn(t('consents.withdrawn')),
        onError: (error) => onFailed(refusalText(error, t, currentLanguage())),
        onSettled: () => {
          setConfirming(null);
          setNote('');
        },
      },
    );
  }

  return (
    <>
      <DataTable
        caption={t('consents.caption')}
        headers={[t('consents.organisations'), t('consents.categories'), t('consents.period'), t('consents.givenBy'), t('consents.status'), canWithdraw && t('common.actions')]}
      >
        {consents.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{consentOrganisations(c)}</Table.Td>
            <Table.Td>{consentCategories(c, t)}</Table.Td>
            <Table.Td className="nowrap">{consentPeriod(c, t)}</Table.Td>
            <Table.Td>
              <Text size="sm">{t(`consents.givers.${c.givenBy}`)}</Text>
              <Text size="xs" c="dimmed">{t(`consents.methods.${c.method}`)}{c.note ? ` – ${c.note}` : ''}</Text>
            </Table.Td>
            <Table.Td className="nowrap">
              <Stack gap={4} align="flex-start">
                <ConsentStatusBadge consent={c} />
                {!c.giverCounts && c.status === 'in_force' && <Text size="xs" c="dimmed">{t('consents.giverDoesNotCount')}</Text>}
                {c.withdrawnAt && <Text size="xs" c="dimmed">{t('consents.withdrawnInfo', { date: formatDate(c.withdrawnAt), name: c.withdrawnBy ? consentActorText(c.withdrawnBy, t) : '' })}</Text>}
              </Stack>
            </Table.Td>
            {canWithdraw && (
              <Table.Td>
                {(c.status === 'in_force' || c.status === 'not_yet_valid') && (
                  <Button size="compact-sm" variant="outline" color="red" onClick={() => setConfirming(c)} aria-label={t('consents.withdrawNamed', { organisations: consentOrganisations(c) })}>
                    {t('consents.withdraw')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmDialog item={confirming} onClose={() => setConfirming(null)} title={t('consents.confirmTitle')} confirmLabel={t('consents.confirmWithdraw')} onConfirm={confirm} loading={withdraw.isPending}>
        {(consent) => (
          <>
            <Text>{t('consents.confirmText', { organisations: consentOrganisations(consent), categories: consentCategories(consent, t).toLocaleLowerCase(currentLanguage()) })}</Text>
            <Textarea label={t('consents.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
