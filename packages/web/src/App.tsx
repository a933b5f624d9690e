import { Navigate, Route, Routes } from 'react-router';
import { AuditCheckPage } from './admin/audit/AuditCheckPage.tsx';
import { RetentionPage } from './admin/retention/RetentionPage.tsx';
import { UnitsPage } from './admin/units/UnitsPage.tsx';
import { SecrecyDomainsPage } from './admin/secrecy-domains/SecrecyDomainsPage.tsx';
import { UsersPage } from './admin/users/UsersPage.tsx';
import { ComingSoonPage } from './areas/ComingSoonPage.tsx';
import { MyAccountPage } from './account/MyAccountPage.tsx';
import { HandoversPage } from './care-team/HandoversPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAdministrator, RequireAuth, RequireCitizen, RequireProfessional } from './auth/RequireAuth.tsx';
import { useCurrentUser } from './auth/useCurrentUser.ts';
import { ChildRecordPage } from './children/ChildRecordPage.tsx';
import { ChildSearchPage } from './children/ChildSearchPage.tsx';
import { MyChildPage } from './citizens/MyChildPage.tsx';
import { MyChildrenPage } from './citizens/MyChildrenPage.tsx';
import { NotFoundPage } from './common/NotFoundPage.tsx';
import { LogReviewPage } from './log-review/LogReviewPage.tsx';
import { StartPage } from './start/StartPage.tsx';

/** Citizens (guardians, children) start at their children; professionals at the three levels. */
function Home() {
  return useCurrentUser().kind === 'citizen' ? <MyChildrenPage /> : <StartPage />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<Home />} />
        <Route path="account" element={<MyAccountPage />} />
        <Route element={<RequireCitizen />}>
          <Route path="my-children/:id" element={<MyChildPage />} />
        </Route>
        <Route element={<RequireProfessional />}>
          <Route path="child" element={<ChildSearchPage />} />
          <Route path="child/handovers" element={<HandoversPage />} />
          <Route path="child/:id" element={<ChildRecordPage />} />
          <Route path="operations" element={<ComingSoonPage area="operations" />} />
          <Route path="operations/log-review" element={<LogReviewPage />} />
          <Route path="population" element={<ComingSoonPage area="population" />} />
          <Route path="admin" element={<RequireAdministrator />}>
            <Route index element={<Navigate to="/admin/units" replace />} />
            <Route path="units" element={<UnitsPage />} />
            <Route path="secrecy-domains" element={<SecrecyDomainsPage />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="audit" element={<AuditCheckPage />} />
            <Route path="retention" element={<RetentionPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
