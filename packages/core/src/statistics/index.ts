export * from './proportions.ts';
export * from './suppression.ts';
