import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './common/Loading.tsx';
import { lazyPage } from './routes/lazyPage.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAdministrator, RequireAuth, RequireCitizen, RequireProfessional } from './auth/RequireAuth.tsx';
import { useCurrentUser } from './auth/useCurrentUser.ts';
import { MyChildrenPage } from './citizens/MyChildrenPage.tsx';
import { NotFoundPage } from './common/NotFoundPage.tsx';
import { StartPage } from './start/StartPage.tsx';

// Every page but the login, the start pages and "not found" loads on demand (see routes/lazyPage.ts).
// The suspense boundary inside the layout (AppLayout) keeps the navigation while a page loads.
const AuditCheckPage = lazyPage(() => import('./admin/audit/AuditCheckPage.tsx'), 'AuditCheckPage');
const RetentionPage = lazyPage(() => import('./admin/retention/RetentionPage.tsx'), 'RetentionPage');
const UnitsPage = lazyPage(() => import('./admin/units/UnitsPage.tsx'), 'UnitsPage');
const SecrecyDomainsPage = lazyPage(() => import('./admin/secrecy-domains/SecrecyDomainsPage.tsx'), 'SecrecyDomainsPage');
const UsersPage = lazyPage(() => import('./admin/users/UsersPage.tsx'), 'UsersPage');
const MyAccountPage = lazyPage(() => import('./account/MyAccountPage.tsx'), 'MyAccountPage');
const HandoversPage = lazyPage(() => import('./care-team/HandoversPage.tsx'), 'HandoversPage');
const IndicatorsPage = lazyPage(() => import('./indicators/IndicatorsPage.tsx'), 'IndicatorsPage');
const KoladaImportPage = lazyPage(() => import('./indicators/KoladaImportPage.tsx'), 'KoladaImportPage');
const IndicatorPage = lazyPage(() => import('./indicators/IndicatorPage.tsx'), 'IndicatorPage');
const LocalImportPage = lazyPage(() => import('./indicators/LocalImportPage.tsx'), 'LocalImportPage');
const ChildRecordPage = lazyPage(() => import('./children/ChildRecordPage.tsx'), 'ChildRecordPage');
const ChildSearchPage = lazyPage(() => import('./children/ChildSearchPage.tsx'), 'ChildSearchPage');
const IdentityCorrectionPage = lazyPage(() => import('./children/IdentityCorrectionPage.tsx'), 'IdentityCorrectionPage');
const NewChildPage = lazyPage(() => import('./children/NewChildPage.tsx'), 'NewChildPage');
const RegisterImportPage = lazyPage(() => import('./admin/register-import/RegisterImportPage.tsx'), 'RegisterImportPage');
const MyChildPage = lazyPage(() => import('./citizens/MyChildPage.tsx'), 'MyChildPage');
const LogReviewPage = lazyPage(() => import('./log-review/LogReviewPage.tsx'), 'LogReviewPage');
const IntakeQueuePage = lazyPage(() => import('./reports/IntakeQueuePage.tsx'), 'IntakeQueuePage');
const IntakeReportPage = lazyPage(() => import('./reports/IntakeReportPage.tsx'), 'IntakeReportPage');
const SentReportsPage = lazyPage(() => import('./reports/SentReportsPage.tsx'), 'SentReportsPage');
const EarlySignalRulePage = lazyPage(() => import('./concerns/EarlySignalRulePage.tsx'), 'EarlySignalRulePage');
const CodeSelfRatingPage = lazyPage(() => import('./wellbeing/SelfRatingPages.tsx'), 'CodeSelfRatingPage');
const MeetingSelfRatingPage = lazyPage(() => import('./wellbeing/SelfRatingPages.tsx'), 'MeetingSelfRatingPage');
const OwnSelfRatingPage = lazyPage(() => import('./wellbeing/SelfRatingPages.tsx'), 'OwnSelfRatingPage');
const WheelModelPage = lazyPage(() => import('./wellbeing/WheelModelPage.tsx'), 'WheelModelPage');
const NeedsAssessmentListPage = lazyPage(() => import('./needs-assessment/NeedsAssessmentListPage.tsx'), 'NeedsAssessmentListPage');
const NeedsAssessmentPage = lazyPage(() => import('./needs-assessment/NeedsAssessmentPage.tsx'), 'NeedsAssessmentPage');
const NewNeedsAssessmentPage = lazyPage(() => import('./needs-assessment/NeedsAssessmentPage.tsx'), 'NewNeedsAssessmentPage');
const NeedsConfigPage = lazyPage(() => import('./needs-assessment/NeedsConfigPage.tsx'), 'NeedsConfigPage');
const InboxPage = lazyPage(() => import('./inbox/InboxPage.tsx'), 'InboxPage');
const PlansPage = lazyPage(() => import('./plans/PlansPage.tsx'), 'PlansPage');
const PlanPage = lazyPage(() => import('./plans/PlanPage.tsx'), 'PlanPage');
const InvitationPage = lazyPage(() => import('./sip/InvitationPage.tsx'), 'InvitationPage');
const ChronologyPage = lazyPage(() => import('./chronology/ChronologyPage.tsx'), 'ChronologyPage');
const ActionPlansPage = lazyPage(() => import('./action-plans/ActionPlansPage.tsx'), 'ActionPlansPage');
const ActionPlanPage = lazyPage(() => import('./action-plans/ActionPlanPage.tsx'), 'ActionPlanPage');
const WorkspacesPage = lazyPage(() => import('./workspaces/WorkspacesPage.tsx'), 'WorkspacesPage');
const WorkspacePage = lazyPage(() => import('./workspaces/WorkspacePage.tsx'), 'WorkspacePage');
const AgreementsPage = lazyPage(() => import('./agreements/AgreementsPage.tsx'), 'AgreementsPage');
const ForumsPage = lazyPage(() => import('./forums/ForumsPage.tsx'), 'ForumsPage');
const ForumPage = lazyPage(() => import('./forums/ForumPage.tsx'), 'ForumPage');
const MeetingPage = lazyPage(() => import('./forums/MeetingPage.tsx'), 'MeetingPage');
const ContactsPage = lazyPage(() => import('./forums/ContactsPage.tsx'), 'ContactsPage');
const PublishingPage = lazyPage(() => import('./public-pages/PublishingPage.tsx'), 'PublishingPage');
const NewsletterPage = lazyPage(() => import('./newsletter/NewsletterPage.tsx'), 'NewsletterPage');
const NewsletterIssuePage = lazyPage(() => import('./newsletter/IssuePage.tsx'), 'IssuePage');
const ImprovementPage = lazyPage(() => import('./improvement/ImprovementPage.tsx'), 'ImprovementPage');
const NetworkPage = lazyPage(() => import('./improvement/NetworkPage.tsx'), 'NetworkPage');
const ProjectPage = lazyPage(() => import('./improvement/ProjectPage.tsx'), 'ProjectPage');
const MeasurePage = lazyPage(() => import('./improvement/MeasurePage.tsx'), 'MeasurePage');
const CoachPage = lazyPage(() => import('./improvement/CoachPage.tsx'), 'CoachPage');
const FundPage = lazyPage(() => import('./fund/FundPage.tsx'), 'FundPage');
const FundApplicationPage = lazyPage(() => import('./fund/ApplicationPage.tsx'), 'ApplicationPage');
const DashboardPage = lazyPage(() => import('./dashboards/DashboardPage.tsx'), 'DashboardPage');
const SurveyImportPage = lazyPage(() => import('./surveys/SurveyImportPage.tsx'), 'SurveyImportPage');
const ChildLevelIndicatorsPage = lazyPage(() => import('./child-level-indicators/ChildLevelIndicatorsPage.tsx'), 'ChildLevelIndicatorsPage');
const SchoolsPage = lazyPage(() => import('./schools/SchoolsPage.tsx'), 'SchoolsPage');
const MunicipalitiesPage = lazyPage(() => import('./dashboards/MunicipalitiesPage.tsx'), 'MunicipalitiesPage');
const MunicipalityPage = lazyPage(() => import('./dashboards/MunicipalityPage.tsx'), 'MunicipalityPage');
const SchoolProfilePage = lazyPage(() => import('./schools/SchoolProfilePage.tsx'), 'SchoolProfilePage');

/** Citizens (guardians, children) start at their children; professionals at the three levels. */
function Home() {
  return useCurrentUser().kind === 'citizen' ? <MyChildrenPage /> : <StartPage />;
}

export function App() {
  // Outside the layout (the login, the child's self-rating by code) a page loads under this boundary.
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/self-rating" element={<CodeSelfRatingPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<Home />} />
          <Route path="account" element={<MyAccountPage />} />
          <Route path="inbox" element={<InboxPage />} />
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
            <Route path="child/:id/meeting-invitations/:invitationId" element={<InvitationPage />} />
            <Route path="child/:id/chronology" element={<ChronologyPage />} />
            <Route path="operations" element={<ActionPlansPage />} />
            <Route path="operations/action-plans/:id" element={<ActionPlanPage />} />
            <Route path="operations/workspaces" element={<WorkspacesPage />} />
            <Route path="operations/workspaces/:id" element={<WorkspacePage />} />
            <Route path="operations/agreements" element={<AgreementsPage />} />
            <Route path="operations/forums" element={<ForumsPage />} />
            <Route path="operations/forums/:id" element={<ForumPage />} />
            <Route path="operations/forums/:id/meetings/:meetingId" element={<MeetingPage />} />
            <Route path="operations/contacts" element={<ContactsPage />} />
            <Route path="operations/publishing" element={<PublishingPage />} />
            <Route path="operations/newsletter" element={<NewsletterPage />} />
            <Route path="operations/newsletter/:id" element={<NewsletterIssuePage />} />
            <Route path="operations/fund" element={<FundPage />} />
            <Route path="operations/fund/applications/:id" element={<FundApplicationPage />} />
            <Route path="operations/log-review" element={<LogReviewPage />} />
            <Route path="improvement" element={<ImprovementPage />} />
            <Route path="improvement/coach" element={<CoachPage />} />
            <Route path="improvement/networks/:id" element={<NetworkPage />} />
            <Route path="improvement/projects/:id" element={<ProjectPage />} />
            <Route path="improvement/measures/:id" element={<MeasurePage />} />
            <Route path="population" element={<IndicatorsPage />} />
            <Route path="population/kolada" element={<KoladaImportPage />} />
            <Route path="population/indicators/:id" element={<IndicatorPage />} />
            <Route path="population/indicators/:id/import" element={<LocalImportPage />} />
            <Route path="population/surveys/import" element={<SurveyImportPage />} />
            <Route path="population/dashboards/:area" element={<DashboardPage />} />
            <Route path="population/child-level" element={<ChildLevelIndicatorsPage />} />
            <Route path="population/schools" element={<SchoolsPage />} />
            <Route path="population/municipalities" element={<MunicipalitiesPage />} />
            <Route path="population/municipalities/:code" element={<MunicipalityPage />} />
            <Route path="population/schools/:unitId" element={<SchoolProfilePage />} />
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
    </Suspense>
  );
}
