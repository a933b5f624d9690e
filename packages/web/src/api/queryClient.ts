import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { sessionEnded } from '../auth/session.ts';

/**
 * One client for the app. A 401 from any query or mutation means the session is gone:
 * forgetting "me" makes the guard send the user to the login page, and back afterwards.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A look is a look (DESIGN.md): every fetch of a child's data is an audited read, so coming
        // back to the window, or the network coming back, must not read the record again. Data is
        // fetched when a page opens and after a save invalidates it, nothing else.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
      },
    },
  });
  function onUnauthorized(error: unknown): void {
    // Only a lost session counts: a wrong current password (invalid_credentials) is also a 401.
    if (error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'session_expired')) sessionEnded(client, error.code);
  }
  return client;
}
