import { Navigate, Route, Routes } from 'react-router';
import { AuditCheckPage } from './admin/audit/AuditCheckPage.tsx';
import { RetentionPage } from './admin/retention/RetentionPage.tsx';
import { UnitsPage } from './admin/units/UnitsPage.tsx';
import { SecrecyDomainsPage } from './admin/secrecy-domains/SecrecyDomainsPage.tsx';
import { UsersPage } from './admin/users/UsersPage.tsx';
import { MyAccountPage } from './account/MyAccountPage.tsx';
import { HandoversPage } from './care-team/HandoversPage.tsx';
import { IndicatorsPage } from './indicators/IndicatorsPage.tsx';
import { LazyDashboardPage, LazySurveyImportPage } from './dashboards/lazy.tsx';
import { KoladaImportPage } from './indicators/KoladaImportPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAdministrator, RequireAuth, RequireCitizen, RequireProfessional } from './auth/RequireAuth.tsx';
import { useCurrentUser } from './auth/useCurrentUser.ts';
import { ChildRecordPage } from './children/ChildRecordPage.tsx';
import { ChildSearchPage } from './children/ChildSearchPage.tsx';
import { IdentityCorrectionPage } from './children/IdentityCorrectionPage.tsx';
import { NewChildPage } from './children/NewChildPage.tsx';
import { RegisterImportPage } from './admin/register-import/RegisterImportPage.tsx';
import { MyChildPage } from './citizens/MyChildPage.tsx';
import { MyChildrenPage } from './citizens/MyChildrenPage.tsx';
import { NotFoundPage } from './common/NotFoundPage.tsx';
import { LogReviewPage } from './log-review/LogReviewPage.tsx';
import { StartPage } from './start/StartPage.tsx';
import { IntakeQueuePage } from './reports/IntakeQueuePage.tsx';
import { IntakeReportPage } from './reports/IntakeReportPage.tsx';
import { SentReportsPage } from './reports/SentReportsPage.tsx';
import { EarlySignalRulePage } from './concerns/EarlySignalRulePage.tsx';
import { CodeSelfRatingPage, MeetingSelfRatingPage, OwnSelfRatingPage } from './wellbeing/SelfRatingPages.tsx';
import { WheelModelPage } from './wellbeing/WheelModelPage.tsx';
import { NeedsAssessmentListPage } from './needs-assessment/NeedsAssessmentListPage.tsx';
import { NeedsAssessmentPage, NewNeedsAssessmentPage } from './needs-assessment/NeedsAssessmentPage.tsx';
import { NeedsConfigPage } from './needs-assessment/NeedsConfigPage.tsx';
import { PlansPage } from './plans/PlansPage.tsx';
import { PlanPage } from './plans/PlanPage.tsx';
import { ChronologyPage } from './chronology/ChronologyPage.tsx';
import { ActionPlansPage } from './action-plans/ActionPlansPage.tsx';
import { ActionPlanPage } from './action-plans/ActionPlanPage.tsx';

/** Citizens (guardians, children) start at their children; professionals at the three levels. */
function Home() {
  return useCurrentUser().kind === 'citizen' ? <MyChildrenPage /> : <StartPage />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/self-rating" element={<CodeSelfRatingPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<Home />} />
        <Route path="account" element={<MyAccountPage />} />
        <Route element={<RequireCitizen />}>
          <Route path="my-children/:id" element={<MyChildPage />} />
          <Route path="my-children/:id/self-rating" element={<OwnSelfRatingPage />} />
        </Route>
        <Route element={<RequireProfessional />}>
          <Route path="child" element={<ChildSearchPage />} />
          <Route path="child/handovers" element={<HandoversPage />} />
          <Route path="child/new" element={<NewChildPage />} />
          <Route path="child/:id" element={<ChildRecordPage />} />
          <Route path="reports/sent" element={<SentReportsPage />} />
          <Route path="intake" element={<IntakeQueuePage />} />
          <Route path="intake/:id" element={<IntakeReportPage />} />
          <Route path="child/:id/self-rating" element={<MeetingSelfRatingPage />} />
          <Route path="child/:id/needs-assessments" element={<NeedsAssessmentListPage />} />
          <Route path="child/:id/needs-assessments/new" element={<NewNeedsAssessmentPage />} />
          <Route path="child/:id/needs-assessments/:assessmentId" element={<NeedsAssessmentPage />} />
          <Route path="child/:id/plans" element={<PlansPage />} />
          <Route path="child/:id/plans/:planId" element={<PlanPage />} />
          <Route path="child/:id/chronology" element={<ChronologyPage />} />
          <Route path="operations" element={<ActionPlansPage />} />
          <Route path="operations/action-plans/:id" element={<ActionPlanPage />} />
          <Route path="operations/log-review" element={<LogReviewPage />} />
          <Route path="population" element={<IndicatorsPage />} />
          <Route path="population/kolada" element={<KoladaImportPage />} />
          <Route path="population/surveys/import" element={<LazySurveyImportPage />} />
          <Route path="population/dashboards/:area" element={<LazyDashboardPage />} />
          <Route path="admin" element={<RequireAdministrator />}>
            <Route index element={<Navigate to="/admin/units" replace />} />
            <Route path="units" element={<UnitsPage />} />
            <Route path="secrecy-domains" element={<SecrecyDomainsPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="audit" element={<AuditCheckPage />} />
            <Route path="register-import" element={<RegisterImportPage />} />
            <Route path="identity-corrections" element={<IdentityCorrectionPage />} />
            <Route path="early-signal" element={<EarlySignalRulePage />} />
            <Route path="wellbeing-model" element={<WheelModelPage />} />
            <Route path="needs-assessment" element={<NeedsConfigPage />} />
            <Route path="retention" element={<RetentionPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
