/**
 * An ECharts series that draws each bar's interval as a whisker with caps: `data` holds
 * `[category index, lower, upper]` in the value axis's units. `vertical` bars stand on a category
 * x-axis; `horizontal` bars lie along a value x-axis. An interval of no width draws nothing.
 */
export function whiskerSeries(data: readonly (readonly number[])[], bars: 'vertical' | 'horizontal') {
  const at = (category: number, value: number) => (bars === 'vertical' ? [category, value] : [value, category]);
  return {
    name: 'interval',
    type: 'custom',
    data,
    tooltip: { show: false },
    silent: true,
    z: 3,
    renderItem: (_: unknown, api: { value(i: number): number; coord(p: number[]): number[] }) => {
      const [ax, ay] = api.coord(at(api.value(0), api.value(1))) as [number, number];
      const [bx, by] = api.coord(at(api.value(0), api.value(2))) as [number, number];
      if (ax === bx && ay === by) return { type: 'group', children: [] };
      const style = { stroke: '#212529', lineWidth: 1.5 };
      const cap = 6;
      // A cap crosses the whisker: horizontal on a vertical bar, vertical on a horizontal one.
      const capAt = (x: number, y: number) => (bars === 'vertical' ? { x1: x - cap, y1: y, x2: x + cap, y2: y } : { x1: x, y1: y - cap, x2: x, y2: y + cap });
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: ax, y1: ay, x2: bx, y2: by }, style },
          { type: 'line', shape: capAt(ax, ay), style },
          { type: 'line', shape: capAt(bx, by), style },
        ],
      };
    },
  };
}
