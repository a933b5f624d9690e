import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';
import { useEarlySignals } from './useConcerns.ts';

/**
 * The early-signal suggestions, for the start page to list under "Mina barn": the same words for
 * every child, whatever lies behind them.
 */
export function EarlySignals() {
  const { t } = useTranslation();
  const signals = useEarlySignals();
  if (!signals.data || signals.data.signals.length === 0) return null;
  return (
    <Stack gap="xs" component="ul" className="plain-list" aria-label={t('concerns.earlySignal.title')}>
      {signals.data.signals.map((s) => (
        <li key={s.childId}>
          <Alert color="orange" variant="light" title={t('concerns.earlySignal.title')}>
            <Text size="sm" c="dark.8">
              <Anchor component={Link} to={`/child/${s.childId}`} fw={600}>{childName(s.childName, t)}</Anchor>: {t('concerns.earlySignal.consider_consent_for_meeting')}
            </Text>
          </Alert>
        </li>
      ))}
    </Stack>
  );
}
