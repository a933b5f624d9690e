import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { candidateQueryMinLength, type CareTeamAddInput, type CareTeamCandidateList, type CareTeamEntry, type HandoverInput, type HandoverList, type HandoverView, type PendingHandover } from '@samsyn/core';
import { api } from '../api/client.ts';

/** Ends a membership; the team's history keeps it. */
export function useEndMembership(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api<CareTeamEntry>('POST', `/api/children/${childId}/care-team/${memberId}/end`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['children', childId] }),
  });
}

/** Colleagues matching the text, with the bases open where they work; nothing is asked below two characters. */
export function useCandidates(childId: string, query: string) {
  const text = query.trim();
  return useQuery({
    queryKey: ['children', childId, 'care-team', 'candidates', text],
    queryFn: () => api<CareTeamCandidateList>('GET', `/api/children/${childId}/care-team/candidates?query=${encodeURIComponent(text)}`),
    enabled: text.length >= candidateQueryMinLength,
    staleTime: 30_000,
  });
}

export function useAddMember(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CareTeamAddInput) => api<CareTeamEntry>('POST', `/api/children/${childId}/care-team`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['children', childId] }),
  });
}

/** A proposal changes what the record offers (no second proposal, the proposer's withdrawal). */
export function useProposeHandover(childId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: HandoverInput) => api<HandoverView>('POST', `/api/children/${childId}/handovers`, input),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['children', childId] }), client.invalidateQueries({ queryKey: handoversKey })]),
  });
}

/** The child's pending handover, asked for only by its proposer (the record offers them `withdraw_handover`). */
export function usePendingHandover(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['children', childId, 'handovers', 'pending'],
    queryFn: () => api<PendingHandover>('GET', `/api/children/${childId}/handovers/pending`),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/** The proposer takes a pending handover back; the record offers a new proposal again. */
export function useWithdrawHandover() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<HandoverView>('POST', `/api/handovers/${id}/withdraw`),
    onSuccess: (handover) => Promise.all([client.invalidateQueries({ queryKey: handoversKey }), client.invalidateQueries({ queryKey: ['children', handover.childId] })]),
  });
}

export const handoversKey = ['handovers'] as const;

/** The caller's handovers: those waiting for their answer first, then the decided ones they took part in. */
export function useHandovers() {
  return useQuery({ queryKey: [...handoversKey, 'all'], queryFn: () => api<HandoverList>('GET', '/api/handovers?status=all'), staleTime: 0 });
}

/** Accepting makes the caller named person: the child's record and team change too. */
export function useAnswerHandover() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: 'accept' | 'decline' }) => api<HandoverView>('POST', `/api/handovers/${id}/${answer}`),
    onSuccess: (handover) => Promise.all([client.invalidateQueries({ queryKey: handoversKey }), client.invalidateQueries({ queryKey: ['children', handover.childId] })]),
  });
}
