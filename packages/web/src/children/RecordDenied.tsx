import { Alert, Anchor, Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatStockholmDateTime } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../common/PageTitle.tsx';
import { EmergencyAccessForm } from '../emergency/EmergencyAccessForm.tsx';
import { denyReasonText } from './text.ts';

interface Props {
  reason: string | null;
  hadAccess: boolean;
  /** With the refusal's own actions (`details.actions`), emergency access is offered where the policy allows it. */
  childId?: string;
  actions?: readonly string[] | null;
}

/**
 * A refused record. When the caller had access a moment ago (the page was open) or their
 * place on the team rested on a consent that is gone, it says the information is no longer available.
 * Emergency access is offered only when the refusal says the policy allows it: the server's
 * answer today names the reason only, so without `actions` nothing more is offered.
 */
export function RecordDenied({ reason, hadAccess, childId, actions }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [emergencyOpen, emergency] = useDisclosure(false);
  const noLonger = hadAccess || reason === 'team_consent_not_in_force';
  const offersEmergency = Boolean(childId) && (actions ?? []).includes('open_emergency_access');
  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{noLonger ? t('child.record.noLongerTitle') : t('child.record.deniedTitle')}</PageTitle>
      <Alert color="orange" variant="light">
        <Text c="dark.8" fw={600}>{t('child.record.deniedReason', { reason: denyReasonText(reason, t) })}</Text>
        <Text c="dark.8" mt="xs" size="sm">{t('child.record.deniedHelp')}</Text>
        {offersEmergency && <Button mt="sm" color="red" variant="outline" onClick={emergency.open}>{t('child.search.emergencyButton')}</Button>}
      </Alert>
      <Anchor component={Link} to="/child">{t('child.record.backToSearch')}</Anchor>
      {offersEmergency && childId && (
        <Modal opened={emergencyOpen} onClose={emergency.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('child.emergency.title')} size="lg">
          <EmergencyAccessForm
            target={{ childId }}
            onCancel={emergency.close}
            onOpened={(access) => {
              emergency.close();
              void navigate(`/child/${access.child.id}`, { replace: true, state: { emergencyUntil: formatStockholmDateTime(new Date(access.expiresAt)) } });
            }}
          />
        </Modal>
      )}
    </Stack>
  );
}
