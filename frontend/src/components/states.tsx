import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api/problem';
import { PageHeader } from './PageHeader';

export function LoadingState({ label = 'Laden…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({
  title = 'Dit kon niet worden geladen',
  error,
  onRetry,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button variant="outline" color="red" size="xs" onClick={onRetry}>
            Opnieuw proberen
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** What a query shows: that it is loading, its error with a way to try again, or its data. */
export function QueryState<T>({
  query,
  loadingLabel,
  errorTitle,
  children,
}: {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  errorTitle?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}

export function NoAccess() {
  return (
    <>
      <PageHeader title="Geen toegang" />
      <Alert color="orange" icon={<IconLock aria-hidden />}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">Met uw rol hebt u geen toegang tot deze pagina.</Text>
          <Button component={Link} to="/" variant="outline" size="xs">
            Naar de startpagina
          </Button>
        </Stack>
      </Alert>
    </>
  );
}

export function NotFound() {
  return (
    <>
      <PageHeader title="Pagina niet gevonden" />
      <Stack gap="sm" align="flex-start">
        <Text>Deze pagina bestaat niet (meer). Kies een onderdeel in het menu.</Text>
        <Button component={Link} to="/" variant="outline">
          Naar de startpagina
        </Button>
      </Stack>
    </>
  );
}

/**
 * A record that cannot be shown: the address names no record (the API answers 400 for an id
 * that is no id at all, 404 for one that does not exist) or reading it failed. Always a way back
 * to the list, and "try again" only where that can help.
 */
export function RecordFout({
  error,
  listPath,
  listLabel,
  onRetry,
}: {
  error: unknown;
  listPath: string;
  /** The list in running text, after "Naar": "alle bijeenkomsten". */
  listLabel: string;
  onRetry?: () => void;
}) {
  const status = error instanceof ApiError ? error.status : null;
  const bestaatNiet = status === 404 || status === 400;
  return (
    <>
      <PageHeader title={bestaatNiet ? 'Niet gevonden' : 'Laden lukte niet'} />
      <Alert color={bestaatNiet ? 'orange' : 'red'} icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            {status === 400
              ? 'Dit adres verwijst niet naar een bestaand record: de link is onvolledig of verkeerd overgenomen.'
              : status === 404
                ? 'Dit record bestaat niet (meer), of hoort bij een ander samenwerkingsverband.'
                : errorMessage(error)}
          </Text>
          <Group gap="sm">
            <Button component={Link} to={listPath} variant="outline" size="xs">
              Naar {listLabel}
            </Button>
            {!bestaatNiet && onRetry && (
              <Button variant="subtle" size="xs" onClick={onRetry}>
                Opnieuw proberen
              </Button>
            )}
          </Group>
        </Stack>
      </Alert>
    </>
  );
}
