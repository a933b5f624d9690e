import type { App } from '../http/types.ts';

export async function careTeamRoutes(_app: App): Promise<void> {}
