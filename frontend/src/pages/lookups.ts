import { useQuery } from '@tanstack/react-query';
import type { Sector } from '../api/types';
import { useMe } from '../auth/authContext';
import {
  collegas,
  fetchAll,
  gebruikers,
  gemeenten,
  samenwerkingsverbanden,
  scholen,
  schoolbesturen,
  werkgebieden,
  type ListPath,
  type ListQuery,
  type Resource,
} from '../api/resources';

interface Named {
  id: string;
  naam: string;
}

export interface Lookup {
  /** Choices for a select, sorted by name; undefined while loading. */
  options: { value: string; label: string }[] | undefined;
  name(id: string | null | undefined): string;
}

function toLookup(items: Named[] | undefined, label: (item: Named) => string = (i) => i.naam): Lookup {
  const byId = new Map(items?.map((i) => [i.id, label(i)]));
  return {
    options: items?.map((i) => ({ value: i.id, label: label(i) })).sort((a, b) => a.label.localeCompare(b.label, 'nl')),
    name: (id) => (id ? (byId.get(id) ?? '') : ''),
  };
}

const LOOKUP_STALE = 5 * 60_000;

/** Every record of a list (read page by page), for choices and names; shared by all who ask for it. */
export function useAll<P extends ListPath, T>(
  resource: Pick<Resource<P, T, unknown>, 'path' | 'list'>,
  query: ListQuery<P>,
  staleTime: number,
  enabled = true,
) {
  return useQuery({ queryKey: [resource.path, 'all'], queryFn: () => fetchAll(resource, query), staleTime, enabled });
}

export function useSchoolbesturen(enabled = true): Lookup {
  return toLookup(useAll(schoolbesturen, { sort: 'naam' }, LOOKUP_STALE, enabled).data);
}

export function useWerkgebieden(enabled = true): Lookup {
  return toLookup(useAll(werkgebieden, { sort: 'naam' }, LOOKUP_STALE, enabled).data);
}

export function useGemeenten(enabled = true): Lookup {
  return toLookup(useAll(gemeenten, { sort: 'naam' }, LOOKUP_STALE, enabled).data);
}

export function useSamenwerkingsverbanden(enabled = true): Lookup {
  return toLookup(useAll(samenwerkingsverbanden, { sort: 'naam' }, LOOKUP_STALE, enabled).data);
}

export function useScholen(enabled = true): Lookup {
  return toLookup(useAll(scholen, { sort: 'naam' }, LOOKUP_STALE, enabled).data);
}

/** The colleagues of the caller's SWV by name and role: every user of an SWV reads them. */
export function useCollegas(enabled = true) {
  const swv = useMe().samenwerkingsverband?.id;
  return useAll(collegas, { sort: 'naam' }, LOOKUP_STALE, enabled && swv !== undefined);
}

/** The users of the SWV (for a beheerder: who did what in the audit log). */
export function useGebruikers(enabled = true): Lookup {
  return toLookup(useAll(gebruikers, { sort: 'naam' }, LOOKUP_STALE, enabled).data);
}

/** The caller's own SWV (its settings: sector, peildata); undefined while loading or for the platform. */
function useEigenSwv() {
  const id = useMe().samenwerkingsverband?.id;
  return useQuery({
    queryKey: [samenwerkingsverbanden.path, 'eigen', id],
    queryFn: async () => (await samenwerkingsverbanden.get(id ?? '')).data,
    enabled: id !== undefined,
    staleTime: LOOKUP_STALE,
  }).data;
}

/** The sector of the caller's SWV (po or vo), which sets the range of a pupil's year group; undefined while loading. */
export function useSector(): Sector | undefined {
  return useEigenSwv()?.sector;
}

/** The peildata of the caller's SWV as `MM-DD` (the days thuiszitters are counted); undefined while loading. */
export function usePeildata(): string[] | undefined {
  return useEigenSwv()?.peildata;
}
