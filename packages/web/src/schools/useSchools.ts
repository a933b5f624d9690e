import { useQuery } from '@tanstack/react-query';
import type { SchoolListView, SchoolProfileView } from '@samsyn/core';
import { api } from '../api/client.ts';

/** The school units whose profile the caller may open (the server decides). */
export function useSchools(enabled = true) {
  return useQuery({ queryKey: ['schools'], queryFn: async () => (await api<SchoolListView>('GET', '/api/schools')).schools, enabled, staleTime: 5 * 60_000 });
}

/** One profile: a look is logged, so it is fetched once per visit, not again on window focus. */
export function useSchoolProfile(unitId: string) {
  return useQuery({ queryKey: ['schools', unitId, 'profile'], queryFn: () => api<SchoolProfileView>('GET', `/api/schools/${unitId}/profile`), refetchOnWindowFocus: false, staleTime: Infinity, retry: false });
}

export const profilePdfUrl = (unitId: string, language: 'sv' | 'en') => `/api/schools/${unitId}/profile/pdf?lang=${language}`;
