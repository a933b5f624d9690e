export * from './proportions.ts';
export * from './run-chart.ts';
export * from './control-chart.ts';
export * from './suppression.ts';
