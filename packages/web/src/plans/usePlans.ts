import { currentLanguage } from '../i18n/index.ts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PlanApprovalInput, PlanCloseInput, PlanContents, PlanCreateInput, PlanList, PlanRevisionInput, PlanRevisionPage, PlanRevisionRead, PlanRevisionView, PlanView } from '@samsyn/core';
import { api, isApiError } from '../api/client.ts';

export const plansKey = (childId: string) => ['children', childId, 'plans'] as const;
export const planKey = (childId: string, planId: string) => ['children', childId, 'plans', planId] as const;

const base = (childId: string) => `/api/children/${childId}/plans`;

/** The plan for the family as a PDF, in the interface's language (a download, not a query). */
export const familyPdfUrl = (childId: string, planId: string) => `${base(childId)}/${planId}/pdf?lang=${currentLanguage()}`;

/** The child's plans the caller may read; one look, not refetched on focus (a look is a look). */
export function usePlans(childId: string) {
  return useQuery({ queryKey: plansKey(childId), queryFn: () => api<PlanList>('GET', base(childId)), refetchOnWindowFocus: false });
}

export function usePlan(childId: string, planId: string) {
  return useQuery({ queryKey: planKey(childId, planId), queryFn: () => api<PlanView>('GET', `${base(childId)}/${planId}`), refetchOnWindowFocus: false });
}

/**
 * A revision's contents: the plan's view carries the head's and the one in force's; an older one
 * is read on its own, once (a saved revision never changes), and only when asked for (a look).
 */
export function useRevisionContents(childId: string, planId: string, revision: PlanRevisionView | undefined) {
  const number = revision?.number ?? 0;
  const query = useQuery({
    queryKey: [...planKey(childId, planId), 'revisions', number],
    queryFn: () => api<PlanRevisionRead>('GET', `${base(childId)}/${planId}/revisions/${number}`),
    enabled: revision !== undefined && revision.contents === null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return { contents: revision?.contents ?? query.data?.contents ?? null, isLoading: query.isLoading, isError: query.isError };
}

/**
 * The plan's revisions older than those its view lists, a page at a time, first when asked for
 * (each page is a look). Keyed by where the view's list ends, so a save that moves it starts anew.
 */
export function useOlderRevisions(childId: string, planId: string, before: number | null) {
  const [asked, setAsked] = useState(false);
  const query = useInfiniteQuery({
    queryKey: [...planKey(childId, planId), 'history', before],
    queryFn: ({ pageParam }) => api<PlanRevisionPage>('GET', `${base(childId)}/${planId}/revisions?before=${pageParam}`),
    initialPageParam: before ?? 1,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: asked && before !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const pages = query.data?.pages ?? [];
  const spannedFrom = pages.length === 0 ? (before ?? 1) : (pages.at(-1)?.next ?? 1);
  return {
    revisions: pages.flatMap((p) => p.revisions),
    /** The oldest number the listed revisions span. */
    spannedFrom,
    canLoadMore: spannedFrom > 1,
    loadMore: () => (asked ? void query.fetchNextPage() : setAsked(true)),
    isLoading: query.isFetching,
    isError: query.isError,
  };
}

/** A change answers with the plan as it now stands: it replaces the cached plan, so no second look. */
function useSetPlan(childId: string) {
  const client = useQueryClient();
  return (view: PlanView) => {
    client.setQueryData(planKey(childId, view.id), view);
    void client.invalidateQueries({ queryKey: plansKey(childId), exact: true });
  };
}

export function useCreatePlan(childId: string) {
  const setPlan = useSetPlan(childId);
  return useMutation({ mutationFn: (input: PlanCreateInput) => api<PlanView>('POST', base(childId), input), onSuccess: setPlan });
}

export function useSaveRevision(childId: string, planId: string) {
  const setPlan = useSetPlan(childId);
  return useMutation({ mutationFn: (input: PlanRevisionInput) => api<PlanView>('POST', `${base(childId)}/${planId}/revisions`, input), onSuccess: setPlan });
}

export function useEstablishPlan(childId: string, planId: string) {
  const setPlan = useSetPlan(childId);
  return useMutation({ mutationFn: (revision: number) => api<PlanView>('POST', `${base(childId)}/${planId}/establish`, { revision }), onSuccess: setPlan });
}

export function useClosePlan(childId: string, planId: string) {
  const setPlan = useSetPlan(childId);
  return useMutation({ mutationFn: (input: PlanCloseInput) => api<PlanView>('POST', `${base(childId)}/${planId}/close`, input), onSuccess: setPlan });
}

export function useAnswerProposal(childId: string, planId: string) {
  const setPlan = useSetPlan(childId);
  return useMutation({ mutationFn: (input: PlanApprovalInput) => api<PlanView>('POST', `${base(childId)}/${planId}/approvals`, input), onSuccess: setPlan });
}

/** A save's conflict: the version saved meanwhile (when the caller may read it) and the caller's own. */
export interface PlanConflictDetails {
  headRevision: number;
  theirs: PlanRevisionRead | null;
  yours: PlanContents;
}

export function conflictOf(error: unknown): PlanConflictDetails | null {
  if (!isApiError(error, 409) || error.code !== 'plan_revision_conflict') return null;
  const details = error.rawDetails as Partial<PlanConflictDetails> | null;
  if (!details || typeof details.headRevision !== 'number' || !details.yours) return null;
  return { headRevision: details.headRevision, theirs: details.theirs ?? null, yours: details.yours };
}
