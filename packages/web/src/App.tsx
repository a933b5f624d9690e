import { Navigate, Route, Routes } from 'react-router';
import { UnitsPage } from './admin/units/UnitsPage.tsx';
import { UsersPage } from './admin/users/UsersPage.tsx';
import { ComingSoonPage } from './areas/ComingSoonPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAdministrator, RequireAuth } from './auth/RequireAuth.tsx';
import { NotFoundPage } from './common/NotFoundPage.tsx';
import { StartPage } from './start/StartPage.tsx';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<StartPage />} />
        <Route path="child" element={<ComingSoonPage area="child" />} />
        <Route path="operations" element={<ComingSoonPage area="operations" />} />
        <Route path="population" element={<ComingSoonPage area="population" />} />
        <Route path="admin" element={<RequireAdministrator />}>
          <Route index element={<Navigate to="/admin/units" replace />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="users" element={<UsersPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
