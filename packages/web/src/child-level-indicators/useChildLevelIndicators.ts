import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** One stored cell of the child level's own indicators, as the open API serves it (suppressed). */
export interface ChildLevelCell {
  area_code: string;
  quarter: string;
  breakdown: string;
  count: number | null;
  denominator: number | null;
  value: number | null;
  suppressed_reason: 'too_few' | 'complementary' | null;
}

export const rateIndicators = ['samsyn.active_plans', 'samsyn.reports_of_concern', 'samsyn.concern_to_plan_days'] as const;
export type RateIndicator = (typeof rateIndicators)[number];
export const wheelIndicator = 'samsyn.wellbeing_ratings';

export function useChildLevelIndicator(id: string) {
  return useQuery({
    queryKey: ['child-level-indicators', id],
    queryFn: async () => (await api<{ indicator: string; cells: ChildLevelCell[] }>('GET', `/api/open/child-level-indicators/${id}`)).cells,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}
