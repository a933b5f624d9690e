export * from './errors/codes.ts';
export * from './errors/messages.ts';
export * from './organisations/schema.ts';
export * from './users/schema.ts';
export * from './users/password-policy.ts';
export * from './auth/schema.ts';
export * from './admin/policy.ts';
