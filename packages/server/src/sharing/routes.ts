import type { App } from '../http/types.ts';

export async function sharingRoutes(_app: App): Promise<void> {}
