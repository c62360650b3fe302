import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, authApi, session } from '../api/client';
import { ApiError, unwrap } from '../api/problem';
import { REFRESH_TOKEN_KEY, type SignOutReason } from '../api/session';
import type { Me } from '../api/types';
import { AuthContext, type AuthState } from './authContext';

async function loadMe(): Promise<Me> {
  return unwrap(await api.GET('/auth/me'));
}

/** Signs in again with the refresh token kept from an earlier visit. */
async function restoreSession(): Promise<AuthState> {
  const token = await session.refresh();
  if (token === null) {
    // Refused: the session has signed out. No answer: say so, and keep the token for a retry.
    return session.hasRefreshToken ? { status: 'unreachable' } : { status: 'signedOut', reason: 'expired' };
  }
  try {
    return { status: 'signedIn', me: await loadMe() };
  } catch (error) {
    return error instanceof ApiError && error.status === 401
      ? { status: 'signedOut', reason: 'expired' }
      : { status: 'unreachable' };
  }
}

/** Keeps track of who is signed in: restores the sign-in from the refresh token on load. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>(() =>
    session.hasRefreshToken ? { status: 'restoring' } : { status: 'signedOut', reason: null },
  );

  useEffect(() => {
    if (session.hasRefreshToken && session.accessToken === null) void restoreSession().then(setState);
  }, []);

  useEffect(
    () =>
      session.onSignOut((reason: SignOutReason) => {
        queryClient.clear();
        setState({ status: 'signedOut', reason });
      }),
    [queryClient],
  );

  // Signing out in one tab signs out the others.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === REFRESH_TOKEN_KEY && event.newValue === null) session.signOut('logout');
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const tokens = unwrap(await authApi.POST('/auth/login', { body: { email, password } }));
    session.setTokens(tokens);
    const me = await loadMe();
    setState({ status: 'signedIn', me });
    return me;
  }, []);

  const signOut = useCallback(() => {
    const refreshToken = session.refreshToken;
    session.signOut('logout');
    if (refreshToken !== null) {
      // Revoke on the server too; the local sign-out does not wait for it.
      void authApi.POST('/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    }
  }, []);

  const retry = useCallback(async () => {
    setState({ status: 'restoring' });
    setState(await restoreSession());
  }, []);

  const setMe = useCallback((me: Me) => {
    setState((current) => (current.status === 'signedIn' ? { status: 'signedIn', me } : current));
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry, setMe }), [state, signIn, signOut, retry, setMe]);
  return <AuthContext value={value}>{children}</AuthContext>;
}
