import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  activiteitenplannen,
  ambities,
  fetchAll,
  ondersteuningsplannen,
  portefeuilles,
  projecten,
} from '../../api/resources';
import type { Activiteitenplan, Ambitie } from '../../api/types';
import { currentPlan } from '../../lib/planning';
import { useAll, useCollegas } from '../lookups';

const STALE = 60_000;

export function useOndersteuningsplannen() {
  return useAll(ondersteuningsplannen, { sort: '-vanJaar' }, STALE);
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

/** The activity plan chosen in the URL (`?plan=`), or else the one of the current school year. */
export function useGekozenPlan() {
  const [params] = useSearchParams();
  const plannen = useActiviteitenplannen();
  const chosen = params.get('plan');
  const plan = plannen.data
    ? (plannen.data.find((p) => p.id === chosen) ?? currentPlan(plannen.data, new Date()))
    : undefined;
  return { plannen, plan };
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

/** All ambitions of the SWV, for choosing the ones a portfolio or project contributes to. */
export function useAlleAmbities() {
  return useQuery({
    queryKey: ['/ambities', 'all', 'alle'],
    queryFn: async (): Promise<Ambitie[]> => (await fetchAll(ambities, {})).sort((a, b) => a.nummer - b.nummer),
    staleTime: 60_000,
  });
}

export function usePortefeuilles() {
  return useAll(portefeuilles, { sort: 'naam' }, STALE);
}

export function useProjecten() {
  return useAll(projecten, { sort: 'naam' }, STALE);
}

/** The evaluation account (JSON) of an activity plan: the plan tree with names and counts. */
export function useVerslag(planId: string | null | undefined) {
  return useQuery({
    queryKey: ['/activiteiten', 'verslag', planId],
    queryFn: () => activiteitenplannen.verslag(planId ?? ''),
    enabled: Boolean(planId),
  });
}

/** The colleagues of the SWV by name (every user reads them). */
export function useGebruikersNamen() {
  return useCollegas().data ?? [];
}

export function optionsOf<T extends { id: string }>(items: T[] | undefined, label: (item: T) => string) {
  return items?.map((i) => ({ value: i.id, label: label(i) }));
}
