import type { ReactNode } from 'react';
import type { Versioned } from '../api/types';
import { useRecord, type RecordSource } from './recordForm';
import { LoadingState, RecordFout } from './states';

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
    return (
      <RecordFout error={query.error} listPath={listPath} listLabel={listLabel} onRetry={() => void query.refetch()} />
    );
  }
  return children(query.data);
}
