import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// The first page after a full load keeps the browser's focus; later pages take it on their heading,
// so a screen reader announces where a client-side navigation led.
let firstPage = true;

/** The page's one h1 and its document title (`Enheter – Samsyn`), which may name the page more briefly. */
export function PageTitle({ children, documentTitle }: { children: string; documentTitle?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle ?? children} – ${t('app.name')}`;
  }, [children, documentTitle, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Title order={1} ref={ref} tabIndex={-1} id="page-title" className="page-title">
      {children}
    </Title>
  );
}
