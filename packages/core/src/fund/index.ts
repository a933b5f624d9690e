export * from './socio-economic-schema.ts';
export * from './socio-economic.ts';
export * from './schema.ts';
export * from './policy.ts';
