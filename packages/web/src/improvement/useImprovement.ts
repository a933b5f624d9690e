import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeasureView, NetworkView, ProjectView, TeamSummary } from '@samsyn/core';
import { api } from '../api/client.ts';

export interface NetworkSummaryRow { id: string; name: string; priorityArea: NetworkView['priorityArea']; ageGroup: string; teams: number; organisations: number; nextSession: string | null }
export interface CoachTeam { id: string; name: string; organisation: { name: string }; network: { id: string; name: string }; projectId: string | null; projectTitle: string | null; status: TeamSummary['status']; pdsaOpen: number; lastValue: string | null }

const key = ['improvement'] as const;

export const useNetworks = () => useQuery({ queryKey: [...key, 'networks'], queryFn: () => api<{ networks: NetworkSummaryRow[]; canCreate: boolean }>('GET', '/api/improvement/networks') });
export const useNetwork = (id: string) => useQuery({ queryKey: [...key, 'network', id], queryFn: () => api<NetworkView>('GET', `/api/improvement/networks/${encodeURIComponent(id)}`) });
export const useProject = (id: string) => useQuery({ queryKey: [...key, 'project', id], queryFn: () => api<ProjectView>('GET', `/api/improvement/projects/${encodeURIComponent(id)}`) });
export const useMeasure = (id: string) => useQuery({ queryKey: [...key, 'measure', id], queryFn: () => api<MeasureView>('GET', `/api/improvement/measures/${encodeURIComponent(id)}`) });
export const useCoach = () => useQuery({ queryKey: [...key, 'coach'], queryFn: () => api<{ teams: CoachTeam[] }>('GET', '/api/improvement/coach') });

/** A change: posts, then refreshes everything improvement shows (the answers are small). */
export function useImprovementChange<T>(path: string, method: 'POST' | 'PATCH' = 'POST') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<T>(method, path, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** The improvement projects aiming at catalogue indicators, for the indicator list (none for a caller outside improvement work). */
export const useIndicatorProjects = () =>
  useQuery({ queryKey: [...key, 'indicator-projects'], queryFn: async () => (await api<{ projects: { id: string; title: string; team: string; indicatorId: string }[] }>('GET', '/api/improvement/indicator-projects')).projects, retry: false });
