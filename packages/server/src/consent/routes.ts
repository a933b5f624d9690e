import type { App } from '../http/types.ts';

export async function consentRoutes(_app: App): Promise<void> {}
