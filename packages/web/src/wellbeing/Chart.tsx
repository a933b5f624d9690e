import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * An ECharts chart, loaded on first use. The chart is a picture of the table beside it: it is
 * labelled as such for screen readers, which read the table.
 */
export function Chart({ option, label, height = 340 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: EChartsCoreOption, notMerge?: boolean): void; dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    const draw = () =>
      void import('./echarts.ts').then(({ echarts }) => {
        if (disposed || !ref.current) return;
        chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
        chart.setOption(option, true);
        window.addEventListener('resize', onResize);
      });
    // Drawn when it comes near the screen: a record opened for something else never loads ECharts.
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      draw();
    }, { rootMargin: '200px' });
    if (ref.current) seen.observe(ref.current);
    return () => {
      disposed = true;
      seen.disconnect();
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-chart />;
}
