import { Alert, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the consent will allow, in one plain sentence. In a form it follows every change
 * (`live`: read out politely, as a whole, so a screen reader hears the new meaning).
 */
export function ConsentSummaryBox({ summary, live = false }: { summary: string | null; live?: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Alert color="samsyn" variant="light" role="region" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb={4}>{t('consentParties.summary.heading')}</Title>
      <Text size="sm" c="dark.8" data-testid="consent-summary" aria-live={live ? 'polite' : undefined} aria-atomic={live || undefined}>
        {summary ?? t('consentParties.summary.empty')}
      </Text>
    </Alert>
  );
}
