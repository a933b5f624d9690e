import type { EChartsCoreOption } from 'echarts/core';
import type { MeasureView } from '@samsyn/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DashboardChart } from '../dashboards/DashboardChart.tsx';
import { formatDate } from '../common/format.ts';

/**
 * The run chart (median, the long run's points highlighted), the control chart (centre and
 * limits that vary with each subgroup and restart after a phase change) and, for an I chart, the
 * moving-range chart. Annotations mark the PDSA cycles. ECharts loads lazily with the dashboards'
 * module; the table beside holds the same figures for everyone.
 */
export function MeasureChart({ measure, type }: { measure: MeasureView; type: 'run' | 'control' | 'mr' }) {
  const { t } = useTranslation();
  const option = useMemo((): EChartsCoreOption => {
    const x = measure.points.map((p) => formatDate(p.period));
    const percent = measure.kind === 'proportion';
    const v = (n: number | null) => (n === null ? null : percent ? Math.round(n * 1000) / 10 : n);
    const annotated = new Map(measure.annotations.map((a) => [a.period, a]));
    const annotations = { name: t('improvement.annotations'), type: 'line', data: measure.points.map((p) => (annotated.has(p.period) ? v(p.value) : null)), showSymbol: true, symbol: 'pin', symbolSize: 28, lineStyle: { opacity: 0 }, label: { show: true, formatter: (d: { dataIndex: number }) => annotated.get(measure.points[d.dataIndex]!.period)?.title ?? '', position: 'top', fontSize: 10 }, connectNulls: false };
    const base = { animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 50, right: 20, top: 40, bottom: 40 }, xAxis: { type: 'category', data: x }, yAxis: { type: 'value', scale: true }, aria: { enabled: false } };
    if (type === 'mr') {
      return { ...base, series: [
        { name: t('improvement.movingRange'), type: 'line', data: measure.points.map((p) => p.movingRange), color: '#1c7ed6' },
        { name: t('improvement.ucl'), type: 'line', data: measure.points.map((p) => p.movingRangeUpper), showSymbol: false, lineStyle: { type: 'dashed' }, color: '#c92a2a' },
      ] };
    }
    if (type === 'run') {
      return { ...base, series: [
        { name: t('improvement.value'), type: 'line', data: measure.points.map((p) => ({ value: v(p.value), itemStyle: p.inLongRun ? { color: '#e8590c', borderWidth: 3 } : undefined, symbolSize: p.inLongRun ? 9 : 5 })), color: '#1c7ed6', showSymbol: true },
        { name: t('improvement.median'), type: 'line', data: measure.points.map(() => v(measure.run.median)), showSymbol: false, color: '#495057' },
        annotations,
      ] };
    }
    return { ...base, series: [
      { name: t('improvement.value'), type: 'line', data: measure.points.map((p) => ({ value: v(p.value), itemStyle: p.outside ? { color: '#c92a2a' } : undefined, symbolSize: p.outside ? 9 : 5 })), color: '#1c7ed6', showSymbol: true },
      { name: t('improvement.centre'), type: 'line', data: measure.points.map((p) => v(p.centre)), showSymbol: false, color: '#495057', step: 'middle' },
      { name: t('improvement.ucl'), type: 'line', data: measure.points.map((p) => v(p.ucl)), showSymbol: false, lineStyle: { type: 'dashed' }, color: '#c92a2a', step: 'middle' },
      { name: t('improvement.lcl'), type: 'line', data: measure.points.map((p) => v(p.lcl)), showSymbol: false, lineStyle: { type: 'dashed' }, color: '#c92a2a', step: 'middle' },
      annotations,
    ] };
  }, [measure, type, t]);
  return <DashboardChart option={option} label={t(`improvement.chartLabel.${type}`, { name: measure.name })} />;
}
