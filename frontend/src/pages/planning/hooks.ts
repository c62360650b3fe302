import { useQuery } from '@tanstack/react-query';
import {
  activiteitenplannen,
  ambities,
  fetchAll,
  gebruikers,
  ondersteuningsplannen,
  portefeuilles,
  projecten,
} from '../../api/resources';
import type { Activiteitenplan, Ambitie, Portefeuille, Project } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';

const STALE = 60_000;

export function useOndersteuningsplannen() {
  return useQuery({
    queryKey: ['/ondersteuningsplannen', 'all'],
    queryFn: () => fetchAll(ondersteuningsplannen, { sort: '-vanJaar' }),
    staleTime: STALE,
  });
}

/** All activity plans, the most recent school year first. */
export function useActiviteitenplannen() {
  return useQuery({
    queryKey: ['/activiteitenplannen', 'all'],
    queryFn: async (): Promise<Activiteitenplan[]> =>
      (await fetchAll(activiteitenplannen)).sort((a, b) => b.schooljaar.localeCompare(a.schooljaar)),
    staleTime: STALE,
  });
}

/** The ambities of an ondersteuningsplan in `nummer` order. */
export function useAmbities(ondersteuningsplanId: string | null | undefined) {
  return useQuery({
    queryKey: ['/ambities', 'all', ondersteuningsplanId],
    queryFn: async (): Promise<Ambitie[]> =>
      (await fetchAll(ambities, { ondersteuningsplanId: ondersteuningsplanId ?? '' })).sort(
        (a, b) => a.nummer - b.nummer,
      ),
    enabled: Boolean(ondersteuningsplanId),
    staleTime: STALE,
  });
}

export function usePortefeuilles() {
  return useQuery({
    queryKey: ['/portefeuilles', 'all'],
    queryFn: async (): Promise<Portefeuille[]> => fetchAll(portefeuilles, { sort: 'naam' }),
    staleTime: STALE,
  });
}

export function useProjecten() {
  return useQuery({
    queryKey: ['/projecten', 'all'],
    queryFn: async (): Promise<Project[]> => fetchAll(projecten, { sort: 'naam' }),
    staleTime: STALE,
  });
}

/** The evaluation account (JSON) of an activity plan: the plan tree with names and counts. */
export function useVerslag(planId: string | null | undefined) {
  return useQuery({
    queryKey: ['/activiteiten', 'verslag', planId],
    queryFn: () => activiteitenplannen.verslag(planId ?? ''),
    enabled: Boolean(planId),
  });
}

/** The users of the SWV by name, for roles that may read them (others get an empty list). */
export function useGebruikersNamen() {
  const me = useMe();
  const allowed = canRead(me.rol, 'gebruikers');
  const q = useQuery({
    queryKey: ['/gebruikers', 'all'],
    queryFn: () => fetchAll(gebruikers, { sort: 'naam' }),
    staleTime: STALE,
    enabled: allowed,
  });
  return q.data?.filter((g) => g.samenwerkingsverbandId === me.samenwerkingsverband?.id) ?? [];
}

export function optionsOf<T extends { id: string }>(items: T[] | undefined, label: (item: T) => string) {
  return items?.map((i) => ({ value: i.id, label: label(i) }));
}
