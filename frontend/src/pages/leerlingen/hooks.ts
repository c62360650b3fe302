import { useQuery, type QueryClient } from '@tanstack/react-query';
import { leerlingen } from '../../api/resources';
import type { Leerling } from '../../api/types';

const referentieKey = (id: string | null) => [leerlingen.path, 'referentie', id] as const;

/**
 * The reference of a pupil, for a heading that names it (the audit log of one pupil). Pages that
 * have read the pupil leave it here (`rememberReferentie`), so following their links reads
 * nothing more; otherwise the pupil is read, and that read is audited like any other.
 */
export function useReferentie(id: string | null) {
  return useQuery({
    queryKey: referentieKey(id),
    queryFn: async () => (await leerlingen.get(id ?? '')).data.referentie,
    enabled: id !== null,
    staleTime: Infinity,
    retry: false,
  });
}

export function rememberReferentie(queryClient: QueryClient, leerling: Pick<Leerling, 'id' | 'referentie'>) {
  queryClient.setQueryData(referentieKey(leerling.id), leerling.referentie);
}
