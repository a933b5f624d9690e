import { lazy, Suspense } from 'react';
import { Loading } from '../common/Loading.tsx';

// The dashboards and the survey import load on demand: the first page's JavaScript does not carry them.
const DashboardPage = lazy(async () => ({ default: (await import('./DashboardPage.tsx')).DashboardPage }));
const SurveyImportPage = lazy(async () => ({ default: (await import('../surveys/SurveyImportPage.tsx')).SurveyImportPage }));

export function LazyDashboardPage() {
  return (
    <Suspense fallback={<Loading />}>
      <DashboardPage />
    </Suspense>
  );
}

export function LazySurveyImportPage() {
  return (
    <Suspense fallback={<Loading />}>
      <SurveyImportPage />
    </Suspense>
  );
}
