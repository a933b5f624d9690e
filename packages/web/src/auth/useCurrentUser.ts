import type { Me } from '@samsyn/core';
import { createContext, useContext } from 'react';

export const MeContext = createContext<Me | null>(null);

/** The logged-in user, inside the guarded part of the app. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside RequireAuth');
  return me;
}
