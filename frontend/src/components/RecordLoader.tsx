import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api/problem';
import type { Versioned } from '../api/types';
import { PageHeader } from './PageHeader';
import { useRecord, type RecordSource } from './recordForm';
import { LoadingState } from './states';

/** Loads the record of a form page (or none, for "new") and handles loading, 404 and errors. */
export function RecordLoader<T>({
  resource,
  id,
  listPath,
  listLabel,
  children,
}: {
  resource: RecordSource<T>;
  id: string | undefined;
  listPath: string;
  listLabel: string;
  children: (loaded: Versioned<T> | null) => ReactNode;
}) {
  const query = useRecord(resource, id);
  if (id === undefined) return children(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        <PageHeader title={notFound ? 'Niet gevonden' : 'Laden lukte niet'} />
        <Alert color={notFound ? 'orange' : 'red'} icon={<IconAlertTriangle aria-hidden />} role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {notFound
                ? 'Dit record bestaat niet (meer), of hoort bij een ander samenwerkingsverband.'
                : errorMessage(query.error)}
            </Text>
            <Button component={Link} to={listPath} variant="outline" size="xs">
              Naar {listLabel}
            </Button>
          </Stack>
        </Alert>
      </>
    );
  }
  return children(query.data);
}
