import { useQuery } from '@tanstack/react-query';
import type { AccountEvent } from '@samsyn/core';
import { api } from '../api/client.ts';

export const accountHistoryKey = ['account', 'history'] as const;

/** What others changed in your account: role changes and password resets, who and when. */
export function useAccountHistory() {
  return useQuery({ queryKey: accountHistoryKey, queryFn: () => api<AccountEvent[]>('GET', '/api/auth/me/history') });
}
