import type { App } from '../http/types.ts';

export async function citizenRoutes(_app: App): Promise<void> {}
