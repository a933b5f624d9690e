import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../common/PageTitle.tsx';
import { denyReasonText } from './text.ts';

/**
 * A refused record. When the caller had access a moment ago (the page was open) or their
 * place on the team rested on a consent that is gone, it says the information is no longer available.
 */
export function RecordDenied({ reason, hadAccess }: { reason: string | null; hadAccess: boolean }) {
  const { t } = useTranslation();
  const noLonger = hadAccess || reason === 'team_consent_not_in_force';
  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{noLonger ? t('child.record.noLongerTitle') : t('child.record.deniedTitle')}</PageTitle>
      <Alert color="orange" variant="light">
        <Text c="dark.8" fw={600}>{t('child.record.deniedReason', { reason: denyReasonText(reason, t) })}</Text>
        <Text c="dark.8" mt="xs" size="sm">{t('child.record.deniedHelp')}</Text>
      </Alert>
      <Anchor component={Link} to="/child">{t('child.record.backToSearch')}</Anchor>
    </Stack>
  );
}
