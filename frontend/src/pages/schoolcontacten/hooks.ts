import { useQuery } from '@tanstack/react-query';
import { fetchAll, gebruikers, scholen, schoolcontacten } from '../../api/resources';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';
import { schooljaarVan } from '../../lib/arrangementen';
import { vandaagNl } from '../../lib/bijeenkomsten';
import type { Lookup } from '../lookups';
import { useAll } from '../lookups';

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
 * The consulenten of the SWV by name. A beheerder reads the active users with that role; who may
 * not read users gets the consulenten of the schools, from this year's overview of contacts.
 */
export function useConsulenten(enabled = true): Lookup & { laden: boolean } {
  const me = useMe();
  const beheer = canRead(me, 'gebruikers');
  const schooljaar = useHuidigSchooljaar();
  const actief = useQuery({
    queryKey: ['/gebruikers', 'consulenten'],
    queryFn: () => fetchAll(gebruikers, { rol: 'consulent', actief: true, sort: 'naam' }),
    enabled: enabled && beheer,
    staleTime: STALE,
  });
  const overzicht = useContactOverzicht(schooljaar, null, enabled && !beheer);
  const namen = new Map<string, string>();
  if (beheer) {
    for (const g of actief.data ?? []) {
      if (g.samenwerkingsverbandId === me.samenwerkingsverband?.id) namen.set(g.id, g.naam);
    }
  } else {
    for (const s of overzicht.data?.scholen ?? []) if (s.consulent) namen.set(s.consulent.id, s.consulent.naam);
  }
  if (me.rol === 'consulent') namen.set(me.id, me.naam);
  const data = beheer ? actief.data : overzicht.data;
  return {
    options:
      data === undefined
        ? undefined
        : [...namen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'nl')),
    name: (id) => (id ? (namen.get(id) ?? '') : ''),
    laden: data === undefined && (beheer ? actief.isPending : overzicht.isPending),
  };
}
