import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChildOverview, ChronologyEvent, ChronologyEventType, ChronologyOrder, ChronologyView } from '@samsyn/core';
import { api } from '../api/client.ts';

/** What the page asks for: the filters, the order and the page. */
export interface ChronologyRequest {
  types: ChronologyEventType[];
  organisation: string | null;
  secrecyDomain: string | null;
  from: string;
  to: string;
  order: ChronologyOrder;
  page: number;
}

export const pageSize = 20;

export const noFilters: ChronologyRequest = { types: [], organisation: null, secrecyDomain: null, from: '', to: '', order: 'newest', page: 1 };

/** The first page, newest first, unfiltered: exactly the events the overview brought. */
export function isOverviewPage(r: ChronologyRequest): boolean {
  return r.types.length === 0 && !r.organisation && !r.secrecyDomain && !r.from && !r.to && r.order === 'newest' && r.page === 1;
}

function queryString(r: ChronologyRequest, page: number, size: number): string {
  const q = new URLSearchParams();
  if (r.types.length > 0) q.set('types', r.types.join(','));
  if (r.organisation) q.set('organisation', r.organisation);
  if (r.secrecyDomain) q.set('secrecyDomain', r.secrecyDomain);
  if (r.from) q.set('from', r.from);
  if (r.to) q.set('to', r.to);
  q.set('order', r.order);
  q.set('page', String(page));
  q.set('pageSize', String(size));
  return q.toString();
}

/**
 * The child's overview: the latest wheels, the open concerns and the chronology's first page in one
 * look. Asked once when the page opens; consent changes take effect on the next look, so not kept.
 */
export function useOverview(childId: string) {
  return useQuery({ queryKey: ['children', childId, 'overview'], queryFn: () => api<ChildOverview>('GET', `/api/children/${childId}/overview`), staleTime: 0, retry: false });
}

/** A page of the chronology as filtered: each a look of its own, asked only when the reader applies filters or turns a page. */
export function useChronology(childId: string, request: ChronologyRequest, enabled: boolean) {
  return useQuery({
    queryKey: ['children', childId, 'chronology', request],
    queryFn: () => api<ChronologyView>('GET', `/api/children/${childId}/chronology?${queryString(request, request.page, pageSize)}`),
    enabled,
    staleTime: 0,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/** Every event matching the filters, for the export: a thousand at a time, each request one look. */
export async function allEvents(childId: string, request: ChronologyRequest): Promise<ChronologyEvent[]> {
  const size = 1000;
  const events: ChronologyEvent[] = [];
  for (let page = 1; ; page++) {
    const view = await api<ChronologyView>('GET', `/api/children/${childId}/chronology?${queryString(request, page, size)}`);
    events.push(...view.events);
    if (events.length >= view.total || view.events.length === 0) return events;
  }
}
