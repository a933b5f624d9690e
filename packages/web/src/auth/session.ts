import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ErrorCode, LoginInput, Me } from '@samsyn/core';
import { api, ApiError, type ClientErrorCode } from '../api/client.ts';
import { setServerNow } from '../common/clock.ts';

export const meKey = ['me'] as const;

/** Why the user was last sent to the login page, shown there once. */
let endReason: ErrorCode | ClientErrorCode | 'logged_out' | null = null;

export function takeEndReason(): typeof endReason {
  const reason = endReason;
  endReason = null;
  return reason;
}

/** Forgets the session: the guard then redirects to the login page. */
export function sessionEnded(client: QueryClient, reason: typeof endReason): void {
  if (client.getQueryData(meKey) === null) return;
  endReason = reason;
  client.setQueryData(meKey, null);
}

/** The answer about who is logged in also sets the web's clock (the services' time). */
function tookTime(me: Me): Me {
  setServerNow(me.now);
  return me;
}

/** Who is logged in; `null` when nobody is (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return tookTime(await api<Me>('GET', '/api/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          if (error.code === 'session_expired') endReason = error.code;
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) => tookTime(await api<Me>('POST', '/api/auth/login', input)),
    onSuccess: (me) => {
      endReason = null;
      client.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/logout'),
    onSettled: () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      sessionEnded(client, 'logged_out');
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api<void>('POST', '/api/auth/password', input),
  });
}
