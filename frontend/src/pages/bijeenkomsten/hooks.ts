import { useQuery } from '@tanstack/react-query';
import { activiteiten, bijeenkomsten, fetchAll, scholen } from '../../api/resources';
import type { Activiteit } from '../../api/types';

const STALE = 60_000;

/**
 * A meeting as shown on its pages. Unlike the record of a form it is read again after every
 * change on the page, so its counts follow the registrations.
 */
export function useBijeenkomst(id: string | undefined) {
  return useQuery({
    queryKey: ['/bijeenkomsten', 'view', id],
    queryFn: () => bijeenkomsten.get(id ?? ''),
    enabled: id !== undefined,
  });
}

export function useOpkomst(id: string, enabled = true) {
  return useQuery({
    queryKey: ['/bijeenkomsten', 'opkomst', id],
    queryFn: () => bijeenkomsten.opkomst(id),
    enabled,
  });
}

/** The schools of the SWV by name, for the school picker of a registration. */
export function useAlleScholen() {
  return useQuery({
    queryKey: ['/scholen', 'all'],
    queryFn: () => fetchAll(scholen, { sort: 'naam' }),
    staleTime: STALE,
  });
}

/** The activities of a school year's plan, for linking a meeting to the activity it carries out. */
export function useActiviteitenVan(schooljaar: string | null) {
  return useQuery({
    queryKey: ['/activiteiten', 'all', 'schooljaar', schooljaar],
    queryFn: async (): Promise<Activiteit[]> =>
      fetchAll(activiteiten, { schooljaar: schooljaar ?? '', sort: 'omschrijving' }),
    enabled: schooljaar !== null,
    staleTime: STALE,
  });
}
