import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewsletterIssueInput, NewsletterIssueSummary, NewsletterIssueUpdate, NewsletterList } from '@samsyn/core';
import { api } from '../api/client.ts';

/** The newsletter's queries: the list answers what the caller may do (canCompose, mailEnabled). */

const key = ['newsletter'] as const;

export const useNewsletters = () => useQuery({ queryKey: key, queryFn: () => api<NewsletterList>('GET', '/api/newsletter/issues') });

/** The draft as its page would show it now, in the UI language (the server renders it). */
export const usePreview = (id: string, lang: string, enabled: boolean) =>
  useQuery({ queryKey: [...key, 'preview', id, lang], queryFn: () => api<{ html: string }>('GET', `/api/newsletter/issues/${encodeURIComponent(id)}/preview?lang=${lang === 'en' ? 'en' : 'sv'}`), enabled });

/** Every change answers the issue; the list (and any preview) is read anew. */
export function useIssueSteps(id: string) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: key });
  const path = `/api/newsletter/issues/${encodeURIComponent(id)}`;
  return {
    update: useMutation({ mutationFn: (change: NewsletterIssueUpdate) => api<NewsletterIssueSummary>('PATCH', path, change), onSuccess: done }),
    publish: useMutation({ mutationFn: () => api<NewsletterIssueSummary>('POST', `${path}/publish`, {}), onSuccess: done }),
    withdraw: useMutation({ mutationFn: () => api<NewsletterIssueSummary>('POST', `${path}/withdraw`, {}), onSuccess: done }),
    send: useMutation({ mutationFn: () => api<{ issue: NewsletterIssueSummary; recipients: number }>('POST', `${path}/send`, {}), onSuccess: done }),
  };
}

export function useCreateIssue() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: NewsletterIssueInput) => api<NewsletterIssueSummary>('POST', '/api/newsletter/issues', input), onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}
