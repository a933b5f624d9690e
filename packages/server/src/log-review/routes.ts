import type { App } from '../http/types.ts';

export async function logReviewRoutes(_app: App): Promise<void> {}
