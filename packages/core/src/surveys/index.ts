export * from './schema.ts';
export * from './microdata.ts';
export * from './aggregate.ts';
export * from './estimates.ts';
export * from './policy.ts';
export * from './reader.ts';
