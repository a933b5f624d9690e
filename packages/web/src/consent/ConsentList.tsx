import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { ConsentActor, ConsentView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { refusalText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { consentSummary, partiesShort, recordedByText, termsOfConsent } from './consentSummary.ts';
import { useSecrecyDomainDirectory } from './useConsentParties.ts';
import { useWithdrawConsent } from './useConsents.ts';

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
  /** Citizens read who recorded a consent "for you"; professionals read who gave it and how. */
  audience: 'citizen' | 'professional';
  onWithdrawn: (text: string) => void;
  onFailed: (text: string) => void;
}

/**
 * The child's consents, current first then history, each as one plain sentence: who may share
 * what with whom and until when, and who recorded it. Withdrawal is offered exactly where the
 * server says the reader may withdraw (`mayWithdraw`).
 */
export function ConsentList({ childId, consents, audience, onWithdrawn, onFailed }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const directory = useSecrecyDomainDirectory();
  const withdraw = useWithdrawConsent(childId);
  const [confirming, setConfirming] = useState<ConsentView | null>(null);
  const [note, setNote] = useState('');
  const summaryOf = (c: ConsentView) => consentSummary(termsOfConsent(c, directory.data), t, language) ?? '';

  if (consents.length === 0) return <Text c="dimmed">{t('consents.none')}</Text>;

  function confirm() {
    if (!confirming) return;
    withdraw.mutate(
      { consentId: confirming.id, note: note.trim() || undefined },
      {
        onSuccess: () => onWithdrawn(t('consents.withdrawn')),
        onError: (error) => onFailed(refusalText(error, t, language)),
        onSettled: () => {
          setConfirming(null);
          setNote('');
        },
      },
    );
  }

  return (
    <>
      <Stack component="ul" gap="sm" className="plain-list" aria-label={t('consentParties.list.caption')}>
        {consents.map((c) => (
          <Paper component="li" key={c.id} withBorder p="sm" radius="md" data-consent={c.id}>
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
                <ConsentStatusBadge consent={c} />
                {!c.giverCounts && c.status === 'in_force' && <Text size="xs" c="dimmed">{t('consents.giverDoesNotCount')}</Text>}
              </Group>
              {/* A withdrawn or expired consent allows nothing now: its sentence is told as what it said. */}
              <Text size="sm" fw={500}>{c.status === 'withdrawn' || c.status === 'expired' ? t('consentParties.list.past', { summary: summaryOf(c) }) : summaryOf(c)}</Text>
              <Text size="sm">{recordedByText(c, t, audience)}</Text>
              {audience === 'professional' && (
                <Text size="xs" c="dimmed">
                  {t('consentParties.list.giver', { giver: t(`consents.givers.${c.givenBy}`) })}
                  {c.note ? ` – ${c.note}` : ''}
                </Text>
              )}
              {c.withdrawnAt && <Text size="xs" c="dimmed">{t('consents.withdrawnInfo', { date: formatDate(c.withdrawnAt), name: c.withdrawnBy ? consentActorText(c.withdrawnBy, t) : '' })}</Text>}
              {c.mayWithdraw && (c.status === 'in_force' || c.status === 'not_yet_valid') && (
                <Group>
                  <Button size="compact-sm" variant="outline" color="red" onClick={() => setConfirming(c)} aria-label={t('consentParties.list.withdrawNamed', { parties: partiesShort(c, language) })}>
                    {t('consents.withdraw')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <ConfirmDialog item={confirming} onClose={() => setConfirming(null)} title={t('consents.confirmTitle')} confirmLabel={t('consents.confirmWithdraw')} onConfirm={confirm} loading={withdraw.isPending}>
        {(consent) => (
          <>
            <Text>{t('consentParties.list.confirmText', { summary: summaryOf(consent) })}</Text>
            <Textarea label={t('consents.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
