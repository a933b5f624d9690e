export * from './run-chart.ts';
export * from './control-charts.ts';
