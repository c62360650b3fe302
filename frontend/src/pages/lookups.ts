import { useQuery } from '@tanstack/react-query';
import { fetchAll, gemeenten, samenwerkingsverbanden, schoolbesturen, werkgebieden } from '../api/resources';

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

export function useSchoolbesturen(enabled = true): Lookup {
  const q = useQuery({
    queryKey: ['/schoolbesturen', 'all'],
    queryFn: () => fetchAll(schoolbesturen, { sort: 'naam' }),
    staleTime: LOOKUP_STALE,
    enabled,
  });
  return toLookup(q.data);
}

export function useWerkgebieden(enabled = true): Lookup {
  const q = useQuery({
    queryKey: ['/werkgebieden', 'all'],
    queryFn: () => fetchAll(werkgebieden, { sort: 'naam' }),
    staleTime: LOOKUP_STALE,
    enabled,
  });
  return toLookup(q.data);
}

export function useGemeenten(enabled = true): Lookup {
  const q = useQuery({
    queryKey: ['/gemeenten', 'all'],
    queryFn: () => fetchAll(gemeenten, { sort: 'naam' }),
    staleTime: LOOKUP_STALE,
    enabled,
  });
  return toLookup(q.data);
}

export function useSamenwerkingsverbanden(enabled = true): Lookup {
  const q = useQuery({
    queryKey: ['/samenwerkingsverbanden', 'all'],
    queryFn: () => fetchAll(samenwerkingsverbanden, { sort: 'naam' }),
    staleTime: LOOKUP_STALE,
    enabled,
  });
  return toLookup(q.data);
}
