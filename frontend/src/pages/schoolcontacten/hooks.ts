import { useQuery } from '@tanstack/react-query';
import { scholen, schoolcontacten } from '../../api/resources';
import { useMe } from '../../auth/authContext';
import { schooljaarVan } from '../../lib/arrangementen';
import { vandaagNl } from '../../lib/bijeenkomsten';
import type { Lookup } from '../lookups';
import { useAll, useCollegas } from '../lookups';

const STALE = 60_000;

/** The school year of today (from 1 August). */
export function useHuidigSchooljaar(): string {
  return schooljaarVan(vandaagNl()) ?? '';
}

/** The contacts per school of a school year (of one consulent's schools, with `consulentId`). */
export function useContactOverzicht(schooljaar: string, consulentId?: string | null, enabled = true) {
  return useQuery({
    queryKey: ['/schoolcontacten', 'overzicht', schooljaar, consulentId ?? null],
    queryFn: () => schoolcontacten.overzicht(schooljaar, consulentId),
    enabled: enabled && schooljaar !== '',
    staleTime: STALE,
  });
}

/** Every school of the SWV with its consulent, by name (shared with the school lookups). */
export function useAlleScholen() {
  return useAll(scholen, { sort: 'naam' }, 5 * 60_000);
}

/**
 * The consulenten of the SWV by name, from the colleagues every user reads: the active ones to
 * choose from, and every one by name (a school may still have a consulent who left).
 */
export function useConsulenten(enabled = true): Lookup & { laden: boolean } {
  const me = useMe();
  const collegas = useCollegas(enabled);
  const consulenten = (collegas.data ?? []).filter((g) => g.rol === 'consulent');
  const namen = new Map(consulenten.map((g) => [g.id, g.naam]));
  if (me.rol === 'consulent') namen.set(me.id, me.naam);
  return {
    options:
      collegas.data === undefined
        ? undefined
        : consulenten
            .filter((g) => g.actief)
            .map((g) => ({ value: g.id, label: g.naam }))
            .sort((a, b) => a.label.localeCompare(b.label, 'nl')),
    name: (id) => (id ? (namen.get(id) ?? '') : ''),
    laden: collegas.isPending && enabled,
  };
}
