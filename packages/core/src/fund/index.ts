export * from './socio-economic-schema.ts';
export * from './socio-economic.ts';
