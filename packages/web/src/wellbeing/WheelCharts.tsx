import { NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { latestByRespondent, ratingsOverTime, wellbeingRespondents, type AssessmentView, type WellbeingArea, type WellbeingRespondent, type WheelModelContent, type WheelView } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';
import { Chart } from './Chart.tsx';
import { currentLocale } from '../i18n/index.ts';
import { inLanguage } from './text.ts';

const monthFormat = () => new Intl.DateTimeFormat(currentLocale(), { month: 'short', year: '2-digit', timeZone: 'Europe/Stockholm' });

// Each view has its own line style and symbol besides its colour: the chart never speaks by colour alone.
const look: Record<WellbeingRespondent, { color: string; type: 'solid' | 'dashed' | 'dotted'; symbol: string }> = {
  professional: { color: '#1c5a8a', type: 'solid', symbol: 'circle' },
  child: { color: '#b3541e', type: 'dashed', symbol: 'triangle' },
  guardian: { color: '#2f7d4a', type: 'dotted', symbol: 'rect' },
};

function ratingOf(a: AssessmentView | undefined, area: WellbeingArea): number | null {
  return a?.answers.find((x) => x.area === area)?.rating ?? null;
}

/** The latest wheel from each respondent on one radar, with the same figures in a table beside it. */
export function LatestWheel({ wheel, model }: { wheel: WheelView; model: WheelModelContent }) {
  const { t } = useTranslation();
  const latest = latestByRespondent(wheel.assessments);
  const shown = wellbeingRespondents.filter((r) => latest[r]);
  const max = Math.max(...model.scale.map((p) => p.value));
  const min = Math.min(...model.scale.map((p) => p.value));
  const option = useMemo(
    () => ({
      animation: false,
      legend: { bottom: 0, data: shown.map((r) => t(`wellbeing.respondents.${r}`)) },
      radar: { indicator: model.areas.map((a) => ({ name: inLanguage(a.label), max, min: Math.max(0, min - 1) })), radius: '62%' },
      series: [
        {
          type: 'radar',
          data: shown.map((r) => ({
            name: t(`wellbeing.respondents.${r}`),
            value: model.areas.map((a) => ratingOf(latest[r], a.code) ?? '-'),
            symbol: look[r].symbol,
            symbolSize: 7,
            lineStyle: { color: look[r].color, type: look[r].type, width: 2 },
            itemStyle: { color: look[r].color },
          })),
        },
      ],
    }),
    // The option is rebuilt when the figures or the language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [wheel, model, t],
  );
  if (shown.length === 0) return <Text size="sm" c="dimmed">{t('wellbeing.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Chart option={option} label={t('wellbeing.chart.radarLabel')} />
      <Table striped withTableBorder horizontalSpacing="xs" aria-describedby="wheel-latest-caption" data-testid="wheel-latest-table">
        <Table.Caption id="wheel-latest-caption">{t('wellbeing.chart.latestCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('wellbeing.area')}</Table.Th>
            {shown.map((r) => (
              <Table.Th scope="col" key={r}>
                {t(`wellbeing.respondents.${r}`)}
                <Text span size="xs" c="dimmed" display="block">{formatDate(latest[r]!.occurredOn)}</Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {model.areas.map((a) => (
            <Table.Tr key={a.code}>
              <Table.Th scope="row">{inLanguage(a.label)}</Table.Th>
              {shown.map((r) => <Table.Td key={r}>{ratingText(ratingOf(latest[r], a.code), wheel, latest[r]!, t)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}

/** "4 – Bra" in the words of the version the assessment was made with. */
function ratingText(rating: number | null, wheel: WheelView, a: AssessmentView, t: (key: 'wellbeing.noRating') => string): string {
  if (rating === null) return t('wellbeing.noRating');
  const point = wheel.models.find((m) => m.id === a.modelVersionId)?.content.scale.find((p) => p.value === rating);
  return point ? `${rating} – ${inLanguage(point.label)}` : String(rating);
}

/** One area over time, a line per respondent, with the same figures in a table. */
export function AreaOverTime({ wheel, model }: { wheel: WheelView; model: WheelModelContent }) {
  const { t } = useTranslation();
  const [area, setArea] = useState<WellbeingArea>('safe');
  const series = wellbeingRespondents.map((r) => ({ respondent: r, points: ratingsOverTime(wheel.assessments, area, r) })).filter((s) => s.points.length > 0);
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const max = Math.max(...model.scale.map((p) => p.value));
  const option = useMemo(
    () => ({
      animation: false,
      legend: { bottom: 0 },
      grid: { left: 40, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'time', axisLabel: { formatter: (value: number) => monthFormat().format(new Date(value)) } },
      yAxis: { type: 'value', min: 0, max, interval: 1 },
      series: series.map((s) => ({
        type: 'line',
        name: t(`wellbeing.respondents.${s.respondent}`),
        data: s.points.map((p) => [p.date, p.rating]),
        symbol: look[s.respondent].symbol,
        symbolSize: 7,
        lineStyle: { color: look[s.respondent].color, type: look[s.respondent].type, width: 2 },
        itemStyle: { color: look[s.respondent].color },
      })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [wheel, area, model, t],
  );
  const label = inLanguage(model.areas.find((a) => a.code === area)!.label);
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">{t('wellbeing.chart.overTime')}</Title>
      <NativeSelect label={t('wellbeing.chart.chooseArea')} value={area} onChange={(e) => setArea(e.currentTarget.value as WellbeingArea)} data={model.areas.map((a) => ({ value: a.code, label: inLanguage(a.label) }))} maw={320} />
      {series.length === 0 ? (
        <Text size="sm" c="dimmed">{t('wellbeing.chart.noRatings')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Chart option={option} label={t('wellbeing.chart.lineLabel', { area: label })} height={300} />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('wellbeing.chart.overTimeCaption', { area: label })} style={{ maxHeight: 320, overflow: 'auto' }}>
            <Table striped withTableBorder horizontalSpacing="xs">
              <Table.Caption>{t('wellbeing.chart.overTimeCaption', { area: label })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('wellbeing.date')}</Table.Th>
                  {series.map((s) => <Table.Th scope="col" key={s.respondent}>{t(`wellbeing.respondents.${s.respondent}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...dates].reverse().map((d) => (
                  <Table.Tr key={d}>
                    <Table.Th scope="row">{formatDate(d)}</Table.Th>
                    {series.map((s) => <Table.Td key={s.respondent}>{s.points.filter((p) => p.date === d).map((p) => p.rating).join(', ') || '–'}</Table.Td>)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </SimpleGrid>
      )}
    </Stack>
  );
}
