import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** The sections a link may open directly (`/child/{id}?open=wellbeing`), by their headings' ids. */
const sections = new Set(['wellbeing', 'concerns', 'reports']);

/**
 * The record's further sections (the wheel, concerns, reports of concern), opened on demand: each
 * is a read of its own for the log, so opening the record stays one look and the reader chooses
 * the next one ("a look is a look").
 */
export function OnDemandSections({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const open = params.get('open');
  const target = open !== null && sections.has(open) ? open : null;
  // A link from "Mina barn" (a new self-rating) is the reader's choice to look: it opens the sections.
  const [shown, setShown] = useState(target !== null);
  useScrollToSection(shown ? target : null);
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

/** Takes the reader to the section once it has loaded (its heading appears with its data). */
function useScrollToSection(target: string | null) {
  useEffect(() => {
    if (target === null) return;
    let tries = 0;
    const timer = window.setInterval(() => {
      const heading = document.getElementById(`${target}-heading`);
      tries += 1;
      if (heading) heading.scrollIntoView({ block: 'start' });
      if (heading || tries >= 50) window.clearInterval(timer);
    }, 100);
    return () => window.clearInterval(timer);
  }, [target]);
}
