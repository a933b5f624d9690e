import { Alert, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { RateSection } from './RateSection.tsx';
import { respondents, WheelSection } from './WheelSection.tsx';
import { rateIndicators, useChildLevelIndicator, wheelIndicator, type ChildLevelCell } from './useChildLevelIndicators.ts';

/**
 * The child level's own anonymised indicators (Befolkning, issue 15 item 7): per municipality (or
 * the county) and quarter, each figure with its chart, its table and its exports; the wellbeing
 * wheel's ratings per area with the child's own view as its own series. The figures are the open
 * API's, stored suppressed: a hidden cell says "för få" and has no number anywhere.
 */
export function ChildLevelIndicatorsPage() {
  const { t } = useTranslation();
  const plans = useChildLevelIndicator(rateIndicators[0]);
  const reports = useChildLevelIndicator(rateIndicators[1]);
  const days = useChildLevelIndicator(rateIndicators[2]);
  const wheel = useChildLevelIndicator(wheelIndicator);
  const organisations = useOrganisations();
  const queries = [plans, reports, days, wheel];
  const all = useMemo(() => [plans.data, reports.data, days.data, wheel.data].flatMap((d) => d ?? []), [plans.data, reports.data, days.data, wheel.data]);
  const areas = useMemo(() => [...new Set(all.map((c) => c.area_code))].sort((a, b) => a.length - b.length || a.localeCompare(b)), [all]);
  const quarters = useMemo(() => [...new Set(all.map((c) => c.quarter))].sort(), [all]);
  const [area, setArea] = useState<string | null>(null);
  const [quarter, setQuarter] = useState<string | null>(null);
  const chosenArea = area ?? areas[0] ?? '';
  const chosenQuarter = quarter ?? quarters[quarters.length - 1] ?? '';
  const areaName = (code: string) => (code.length === 2 ? t('dashboards.county') : organisations.data?.find((o) => o.municipalityCode === code)?.name ?? code);
  const failed = queries.find((q) => q.isError);
  const title = t('schoolProfiles.childLevel.title');
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <PageTitle>{title}</PageTitle>
        <Text mt="xs">{t('schoolProfiles.childLevel.intro')}</Text>
      </div>
      {queries.some((q) => q.isPending) && <Loading />}
      {failed && <LoadError error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />}
      {queries.every((q) => q.isSuccess) && (all.length === 0 ? <Alert>{t('schoolProfiles.childLevel.none')}</Alert> : (
        <>
          <Group gap="sm" align="end" wrap="wrap" role="group" aria-label={t('dashboards.filters')}>
            <Select id="child-level-area" label={t('dashboards.municipality')} data={areas.map((a) => ({ value: a, label: areaName(a) }))} value={chosenArea} onChange={(v) => v && setArea(v)} allowDeselect={false} w={220} />
            <Select id="child-level-quarter" label={t('schoolProfiles.childLevel.wheelQuarter')} data={quarters.map((q) => ({ value: q, label: q }))} value={chosenQuarter} onChange={(v) => v && setQuarter(v)} allowDeselect={false} w={180} />
          </Group>
          <Text size="sm" c="dimmed">{t('schoolProfiles.childLevel.suppressionNote')}</Text>
          {rateIndicators.map((id, i) => <RateSection key={id} indicator={id} cells={[plans, reports, days][i]!.data as ChildLevelCell[]} area={chosenArea} areaName={areaName(chosenArea)} />)}
          <section aria-labelledby="child-level-wheel" className="page-panel">
            <Stack gap="md" p="lg">
              <Title order={2} size="h3" id="child-level-wheel">{t('schoolProfiles.childLevel.names.wellbeing_ratings')}</Title>
              <Text size="sm">{t('schoolProfiles.childLevel.wheelIntro', { area: areaName(chosenArea), quarter: chosenQuarter })}</Text>
              {respondents.map((r) => <WheelSection key={r} respondent={r} cells={wheel.data!} area={chosenArea} quarter={chosenQuarter} areaName={areaName(chosenArea)} />)}
            </Stack>
          </section>
        </>
      ))}
    </Stack>
  );
}
