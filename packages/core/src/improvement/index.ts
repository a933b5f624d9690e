export * from './run-chart.ts';
export * from './control-charts.ts';
export * from './schema.ts';
export * from './policy.ts';
