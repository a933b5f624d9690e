import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccessBasis, LogReviewResult, Me } from '@samsyn/core';
import { api } from '../api/client.ts';

export interface LogFilters {
  userId: string | null;
  childId: string | null;
  from: string;
  to: string;
  basis: AccessBasis | null;
  flagged: boolean;
}

export const emptyFilters: LogFilters = { userId: null, childId: null, from: '', to: '', basis: null, flagged: false };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as the API's query string; half-typed dates are left out rather than sent. */
export function filterQuery(filters: LogFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.userId) query.set('userId', filters.userId);
  if (filters.childId) query.set('childId', filters.childId);
  if (isoDate.test(filters.from)) query.set('from', filters.from);
  if (isoDate.test(filters.to)) query.set('to', filters.to);
  if (filters.basis) query.set('basis', filters.basis);
  if (filters.flagged) query.set('flagged', 'true');
  return query;
}

export const logPageSize = 50;

export function useLogReview(filters: LogFilters, page: number) {
  const query = filterQuery(filters);
  query.set('page', String(page));
  query.set('pageSize', String(logPageSize));
  return useQuery({
    queryKey: ['log-review', query.toString()],
    queryFn: () => api<LogReviewResult>('GET', `/api/log-review?${query.toString()}`),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The latest entries without filters: the users and children the filter lists offer. */
export function useLogReviewChoices() {
  return useQuery({
    queryKey: ['log-review', 'choices'],
    queryFn: () => api<LogReviewResult>('GET', '/api/log-review?pageSize=500'),
  });
}

/** Unit managers and collaboration coordinators review the log. */
export function isLogReviewer(me: Me): boolean {
  return me.kind === 'professional' && me.roles.some((r) => r.role === 'unit_manager' || r.role === 'collaboration_coordinator');
}
