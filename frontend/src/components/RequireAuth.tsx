import { Button, Center, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/authContext';
import { canRead, type Area } from '../auth/roles';
import { LoadingState, NoAccess } from './states';

/** Shows its children to a signed-in user, and the sign-in page to anyone else. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, retry } = useAuth();
  const location = useLocation();
  switch (state.status) {
    case 'restoring':
      return (
        <main>
          <LoadingState label="Koers wordt geladen…" />
        </main>
      );
    case 'unreachable':
      return (
        <Center component="main" mih="100vh">
          <Stack align="center" gap="sm">
            <h1 style={{ margin: 0, fontSize: '1.4rem' }}>Koers is niet bereikbaar</h1>
            <Text>Controleer de verbinding en probeer het opnieuw.</Text>
            <Button onClick={() => void retry()}>Opnieuw proberen</Button>
          </Stack>
        </Center>
      );
    case 'signedOut':
      // After an expired session or a deep link the user returns there; after signing out, to the start.
      return (
        <Navigate
          to="/aanmelden"
          replace
          state={state.reason !== 'logout' ? { from: location.pathname + location.search } : null}
        />
      );
    case 'signedIn':
      return children;
  }
}

/** Only for roles that may read the area; others get a clear message instead of an API error. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status !== 'signedIn') return null;
  return canRead(state.me, area) ? children : <NoAccess />;
}
