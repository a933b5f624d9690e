import { isAdministrator } from '@samsyn/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { AppLayout } from '../layout/AppLayout.tsx';
import { ForcedPasswordChange } from '../account/ForcedPasswordChange.tsx';
import { MeContext, useCurrentUser } from './useCurrentUser.ts';
import { useMe } from './session.ts';

/** The logged-in part of the app; anyone else goes to the login page and comes back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" state={{ from: location }} replace />;
  // A password an administrator reset works once: nothing else until the user has chosen their own.
  if (me.data.mustChangePassword) return <ForcedPasswordChange me={me.data} />;
  return (
    <MeContext value={me.data}>
      <AppLayout me={me.data} />
    </MeContext>
  );
}

/** Administration pages: organisation and system administrators only. */
export function RequireAdministrator() {
  const me = useCurrentUser();
  return isAdministrator(me) ? <Outlet /> : <NotAllowedPage />;
}

/** The professional levels (Barn, Verksamhet, Befolkning, Administration): not for citizen accounts. */
export function RequireProfessional() {
  const me = useCurrentUser();
  return me.kind === 'professional' ? <Outlet /> : <NotAllowedPage />;
}

/** A guardian's or child's own pages. */
export function RequireCitizen() {
  const me = useCurrentUser();
  return me.kind === 'citizen' ? <Outlet /> : <NotAllowedPage />;
}
