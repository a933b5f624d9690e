import type { App } from '../http/types.ts';

export async function emergencyRoutes(_app: App): Promise<void> {}
