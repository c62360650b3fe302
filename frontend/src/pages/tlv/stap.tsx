import { useQueryClient } from '@tanstack/react-query';
import { leerlingen, tlvs } from '../../api/resources';
import type { Tlv, Versioned } from '../../api/types';
import { invalidateLists } from '../../components/recordForm';
import { useStap, type StapOpties } from '../../components/stap';

export { StapFormulier, Uitklap } from '../../components/stap';

/** The query of a request's page: the request with its ETag. */
export const tlvKey = (id: string) => [tlvs.path, 'detail', id] as const;

/**
 * After a step: the request as it is now (from the answer, or read again when the answer was only
 * the advice or suspension), and the lists and the pupil's dossier that show it.
 */
export function useNaStap(id: string) {
  const queryClient = useQueryClient();
  return async (antwoord?: Versioned<Tlv>) => {
    if (antwoord) queryClient.setQueryData(tlvKey(id), antwoord);
    else await queryClient.invalidateQueries({ queryKey: tlvKey(id) });
    await invalidateLists(queryClient, tlvs.path);
    void queryClient.invalidateQueries({ queryKey: [leerlingen.path, 'dossier'] });
  };
}

/** Reads the request again (after someone else changed it). */
export function useHerlaad(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: tlvKey(id) });
}

/** A step on a TLV request, with the request's ETag as If-Match. */
export function useTlvStap<V extends Record<string, unknown>>(
  opties: Omit<StapOpties<Tlv, V>, 'record' | 'naStap' | 'herlaad'> & { tlv: Versioned<Tlv> },
) {
  const naStap = useNaStap(opties.tlv.data.id);
  const herlaad = useHerlaad(opties.tlv.data.id);
  return useStap({ ...opties, record: opties.tlv, naStap, herlaad });
}
