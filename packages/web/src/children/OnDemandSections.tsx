import { Button, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The record's further sections (the wheel, concerns, reports of concern), opened on demand: each
 * is a read of its own for the log, so opening the record stays one look and the reader chooses
 * the next one ("a look is a look").
 */
export function OnDemandSections({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (shown) return <>{children}</>;
  return (
    <section aria-labelledby="more-sections-heading" className="page-panel">
      <Stack gap="sm" p="lg" align="flex-start">
        <Title order={2} size="h3" id="more-sections-heading">{t('child.record.more.heading')}</Title>
        <Text size="sm">{t('child.record.more.intro')}</Text>
        <Button variant="light" onClick={() => setShown(true)}>{t('child.record.more.show')}</Button>
      </Stack>
    </section>
  );
}
