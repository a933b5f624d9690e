import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccessLog, CareTeamEntry, MyChild } from '@samsyn/core';
import { api } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';

export function useMyChildren(enabled = true) {
  return useQuery({ queryKey: ['me', 'children'], queryFn: () => api<MyChild[]>('GET', '/api/me/children'), enabled });
}

export function useCareTeam(childId: string) {
  return useQuery({
    queryKey: ['children', childId, 'care-team'],
    queryFn: () => api<{ members: CareTeamEntry[] }>('GET', `/api/children/${childId}/care-team`),
  });
}

/** The access log in plain words; the server writes them in the language asked for. */
export function useAccessLog(childId: string, pageSize: number) {
  const language = currentLanguage();
  return useQuery({
    queryKey: ['children', childId, 'access-log', language, pageSize],
    queryFn: () => api<AccessLog>('GET', `/api/children/${childId}/access-log?pageSize=${pageSize}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
