export * from './columns.ts';
export * from './plan.ts';
export * from './policy.ts';
export * from './schema.ts';
