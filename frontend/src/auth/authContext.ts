import { createContext, use } from 'react';
import type { SignOutReason } from '../api/session';
import type { Me } from '../api/types';
import { canWrite, type Area } from './roles';

export type AuthState =
  | { status: 'restoring' }
  | { status: 'unreachable' }
  | { status: 'signedOut'; reason: SignOutReason | null }
  | { status: 'signedIn'; me: Me };

export interface AuthContextValue {
  state: AuthState;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => void;
  retry: () => Promise<void>;
  /** Takes over who the caller is now, after a change to their own account (`PATCH /auth/me`). */
  setMe: (me: Me) => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe without a signed-in user');
  return state.me;
}

/** Whether the signed-in user may create, change and delete the records of an area. */
export function useCanWrite(area: Area): boolean {
  return canWrite(useMe(), area);
}
