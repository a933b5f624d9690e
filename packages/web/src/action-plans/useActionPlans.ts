import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionPlanInput, ActionPlanList, ActionPlanTask, ActionPlanView, Me, PlanActor, ReviewView } from '@samsyn/core';
import { api } from '../api/client.ts';
import { useSubmitKey } from '../api/useSubmitKey.ts';

export const plansKey = ['action-plans'] as const;
const planKey = (id: string) => ['action-plans', 'plan', id] as const;
const tasksKey = ['action-plans', 'tasks'] as const;

/** The caller as core's plan policy sees them. */
export const planActor = (me: Me): PlanActor => ({ userId: me.id, kind: me.kind, roles: me.roles });

export function useActionPlans() {
  return useQuery({ queryKey: plansKey, queryFn: () => api<ActionPlanList>('GET', '/api/action-plans') });
}

export function useActionPlan(id: string) {
  return useQuery({ queryKey: planKey(id), queryFn: () => api<ActionPlanView>('GET', `/api/action-plans/${encodeURIComponent(id)}`) });
}

export function useActionPlanTasks() {
  return useQuery({ queryKey: tasksKey, queryFn: async () => (await api<{ tasks: ActionPlanTask[] }>('GET', '/api/action-plans/tasks')).tasks });
}

export function usePeople(organisationId: string | null) {
  return useQuery({
    queryKey: ['action-plans', 'people', organisationId],
    queryFn: async () => (await api<{ people: { id: string; displayName: string }[] }>('GET', `/api/action-plans/people?organisationId=${encodeURIComponent(organisationId!)}`)).people,
    enabled: organisationId !== null,
    staleTime: 5 * 60_000,
  });
}

export function useReviews(planId: string, activityId: string | null) {
  return useQuery({
    queryKey: ['action-plans', 'reviews', planId, activityId],
    queryFn: async () => (await api<{ reviews: ReviewView[] }>('GET', `/api/action-plans/${planId}/activities/${activityId}/reviews`)).reviews,
    enabled: activityId !== null,
  });
}

export function useCreatePlan() {
  const client = useQueryClient();
  const submission = useSubmitKey();
  return useMutation({
    mutationFn: (input: ActionPlanInput) => api<ActionPlanView>('POST', '/api/action-plans', input, { idempotencyKey: submission.key }),
    onSuccess: (plan) => {
      submission.renew();
      client.setQueryData(planKey(plan.id), plan);
      return client.invalidateQueries({ queryKey: plansKey, exact: true });
    },
  });
}

/**
 * A change to one plan: every change answers the plan as it now stands, which replaces the
 * cached one; the list, the caller's tasks and the changed activity's history are fetched again.
 */
export function usePlanChange(planId: string) {
  const client = useQueryClient();
  const submission = useSubmitKey();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PATCH'; path: string; body: unknown }) =>
      api<ActionPlanView>(method, `/api/action-plans/${planId}${path}`, body, method === 'POST' ? { idempotencyKey: submission.key } : {}),
    onSuccess: async (plan, { path }) => {
      submission.renew();
      client.setQueryData(planKey(planId), plan);
      await Promise.all([
        client.invalidateQueries({ queryKey: plansKey, exact: true }),
        client.invalidateQueries({ queryKey: tasksKey }),
        ...(path.endsWith('/reviews') ? [client.invalidateQueries({ queryKey: ['action-plans', 'reviews', planId] })] : []),
      ]);
    },
  });
}

/** An export's address, in the UI language: a plain link, so the browser downloads it with the session's cookie. */
export const exportUrl = (planId: string, kind: 'xlsx' | 'pdf', language: 'sv' | 'en') => `/api/action-plans/${planId}/export.${kind}?lang=${language}`;
