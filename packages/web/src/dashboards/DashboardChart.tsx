import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/** What a panel needs of a drawn chart: its picture, for the PNG export. */
export interface ChartHandle {
  pngDataUrl(): string | null;
}

/**
 * An ECharts chart, loaded when it is first drawn. The chart is a picture of the table beside it:
 * screen readers are pointed to the table, which holds the same figures.
 */
export function DashboardChart({ option, label, height = 320, handle }: { option: EChartsCoreOption; label: string; height?: number; handle?: (h: ChartHandle) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: EChartsCoreOption, notMerge?: boolean): void; dispose(): void; resize(): void; getDataURL(o: { type: 'png'; pixelRatio: number; backgroundColor: string }): string } | undefined;
    const onResize = () => chart?.resize();
    void import('./echarts.ts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart.setOption({ animation: false, ...option }, true);
      ref.current.dataset.drawn = 'true';
      window.addEventListener('resize', onResize);
    });
    handle?.({ pngDataUrl: () => chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? null });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option, handle]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-chart />;
}
