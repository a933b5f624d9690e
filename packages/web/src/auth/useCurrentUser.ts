import type { Me } from '@samsyn/core';
import { createContext, useContext, useMemo } from 'react';

export const MeContext = createContext<Me | null>(null);

/** The logged-in user, inside the guarded part of the app. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside RequireAuth');
  return me;
}

/**
 * The organisations the caller coordinates collaboration in, as [id, name] pairs (each once): the
 * server lets them own forums, action plans and public pages there.
 */
export function useCoordinatedOrganisations(): [string, string][] {
  const me = useCurrentUser();
  return useMemo(() => [...new Map(me.roles.filter((r) => r.role === 'collaboration_coordinator').map((r) => [r.organisationId, r.organisationName]))], [me.roles]);
}
