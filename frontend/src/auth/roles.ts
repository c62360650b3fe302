import type { Rol } from '../api/types';

export type Area =
  | 'start'
  | 'samenwerkingsverbanden'
  | 'scholen'
  | 'schoolbesturen'
  | 'werkgebieden'
  | 'gemeenten'
  | 'gebruikers'
  | 'clients';

export const AREA_LABELS: Record<Area, string> = {
  start: 'Start',
  samenwerkingsverbanden: 'Samenwerkingsverbanden',
  scholen: 'Scholen',
  schoolbesturen: 'Schoolbesturen',
  werkgebieden: 'Werkgebieden',
  gemeenten: 'Gemeenten',
  gebruikers: 'Gebruikers',
  clients: 'Clients',
};

export const AREA_PATHS: Record<Area, string> = {
  start: '/',
  samenwerkingsverbanden: '/samenwerkingsverbanden',
  scholen: '/scholen',
  schoolbesturen: '/schoolbesturen',
  werkgebieden: '/werkgebieden',
  gemeenten: '/gemeenten',
  gebruikers: '/gebruikers',
  clients: '/clients',
};

const SWV_AREAS: Area[] = ['start', 'scholen', 'schoolbesturen', 'werkgebieden', 'gemeenten'];

/** The areas in the navigation, in order, for a role (what the API lets that role read). */
export function areasFor(rol: Rol | null | undefined): Area[] {
  switch (rol) {
    case 'platformbeheerder':
      return ['samenwerkingsverbanden', 'gemeenten', 'gebruikers', 'clients'];
    case 'beheerder':
      return [...SWV_AREAS, 'gebruikers', 'clients'];
    case 'consulent':
    case 'medewerker':
    case 'lezer':
      return SWV_AREAS;
    default:
      return [];
  }
}

export function canRead(rol: Rol | null | undefined, area: Area): boolean {
  return areasFor(rol).includes(area);
}

/** Who may create, change and delete records of an area. */
export function canWrite(rol: Rol | null | undefined, area: Area): boolean {
  switch (area) {
    case 'samenwerkingsverbanden':
    case 'gemeenten':
      return rol === 'platformbeheerder';
    case 'scholen':
    case 'schoolbesturen':
    case 'werkgebieden':
      return rol === 'beheerder';
    case 'gebruikers':
    case 'clients':
      return rol === 'beheerder' || rol === 'platformbeheerder';
    case 'start':
      return false;
  }
}

/** Where a user lands after signing in. */
export function homePath(rol: Rol | null | undefined): string {
  const first = areasFor(rol)[0];
  return first ? AREA_PATHS[first] : '/';
}
