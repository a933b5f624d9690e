import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EstimatesView, SurveyDefinitionView, SurveyImportUpload, SurveyImportView } from '@samsyn/core';
import { api } from '../api/client.ts';

const surveysKey = ['surveys'] as const;

export function useSurveys() {
  return useQuery({ queryKey: surveysKey, queryFn: async () => (await api<{ surveys: SurveyDefinitionView[] }>('GET', '/api/surveys')).surveys });
}

export function useSurveyImports(surveyId: string | null) {
  return useQuery({ queryKey: [...surveysKey, surveyId, 'imports'], queryFn: async () => (await api<{ imports: SurveyImportView[] }>('GET', `/api/surveys/${surveyId}/imports`)).imports, enabled: surveyId !== null });
}

/** Uploads a microdata file; the import runs as a job whose progress is polled. */
export function useStartSurveyImport() {
  return useMutation({
    mutationFn: ({ surveyId, upload }: { surveyId: string; upload: SurveyImportUpload }) => api<SurveyImportView>('POST', `/api/surveys/${surveyId}/imports`, upload),
  });
}

/** An import's progress, polled until it ends; then the survey list and history are fetched again. */
export function useSurveyImportProgress(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['survey-imports', id],
    queryFn: async () => {
      const view = await api<SurveyImportView>('GET', `/api/survey-imports/${id}`);
      if (view.status !== 'reading' && view.status !== 'saving') void client.invalidateQueries({ queryKey: surveysKey });
      return view;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'reading' && query.state.data.status !== 'saving' ? false : 400),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export interface OpenIndicator {
  id: string;
  nameSv: string;
  nameEn: string;
  priorityArea: string;
  direction: string;
  surveyId: string;
}

export function useSurveyIndicators() {
  return useQuery({ queryKey: ['open', 'survey-indicators'], queryFn: async () => (await api<{ indicators: OpenIndicator[] }>('GET', '/api/open/survey-indicators')).indicators });
}

/** Every published (suppressed) cell of one indicator; the page filters them. */
export function useEstimates(indicatorId: string) {
  return useQuery({ queryKey: ['open', 'survey-estimates', indicatorId], queryFn: () => api<EstimatesView>('GET', `/api/open/survey-estimates?indicator=${encodeURIComponent(indicatorId)}`) });
}
