import { useTranslation } from 'react-i18next';
import { useIntakePlaces } from './useReports.ts';

/** The navigation's report items: the sent reports for professionals, and the intake queue for those who work at an intake (the server's answer). */
export function useReportNavItems(professional: boolean): { to: string; label: string; nested: boolean }[] {
  const { t } = useTranslation();
  const places = useIntakePlaces(professional);
  if (!professional) return [];
  return [
    { to: '/reports/sent', label: t('reports.nav.sent'), nested: true },
    ...((places.data?.intakes.length ?? 0) > 0 ? [{ to: '/intake', label: t('reports.nav.intake'), nested: true }] : []),
  ];
}
